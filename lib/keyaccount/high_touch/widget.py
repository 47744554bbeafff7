"""Value-statement builder: pick one of the three templates, fill its blanks, read the statement."""
import html

import ipywidgets as widgets

from keyaccount.high_touch.model import VALUE_TEMPLATES, template_blanks, value_statement
from keyaccount.widgets import CaseWidget, form, note, row

ALL_BLANKS = tuple(dict.fromkeys(b for n in (1, 2, 3) for b in template_blanks(n)))


class ValueStatementBuilder(CaseWidget):
    """``.controls`` {"template": Dropdown, <blank>: Text …}; ``.rows`` {<blank>: its form row, hidden when
    the template does not use it}; ``.pattern`` and ``.result`` (HTML); ``.box``."""

    def __init__(self, template: int = 1, blanks: dict | None = None):
        blanks = blanks or {}
        self.controls = {"template": widgets.Dropdown(options=[(f"模板 {n}", n) for n in (1, 2, 3)], value=template)}
        self.controls.update({name: widgets.Text(blanks.get(name, "")) for name in ALL_BLANKS})
        self.rows = {name: row(name, self.controls[name]) for name in ALL_BLANKS}
        self.pattern = note("")
        self._show(form(("价值陈述", self.controls["template"]), self.pattern, *self.rows.values()),
                   self.controls.values())

    def render(self) -> str:
        number = self.controls["template"].value
        needed = template_blanks(number)
        for name, blank_row in self.rows.items():
            blank_row.layout.display = None if name in needed else "none"
        self.pattern.value = f"<p>模板：{html.escape(VALUE_TEMPLATES[number - 1])}</p>"
        text = value_statement(number, {k: self.controls[k].value for k in needed})
        return f"<p><b>你的价值陈述</b>：{html.escape(text)}</p>"
