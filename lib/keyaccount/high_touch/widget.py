"""Value-statement builder: pick one of the three templates, fill its blanks, read the statement."""
import html

import ipywidgets as widgets

from keyaccount.high_touch.model import VALUE_TEMPLATES, template_blanks, value_statement
from keyaccount.validation import InputError
from keyaccount.widgets import BoxDisplay

ALL_BLANKS = tuple(dict.fromkeys(b for n in (1, 2, 3) for b in template_blanks(n)))


class ValueStatementBuilder(BoxDisplay):
    """``.controls`` {"template": Dropdown, <blank>: Text …}; ``.result`` (HTML); ``.box``."""

    def __init__(self, template: int = 1, blanks: dict | None = None):
        blanks = blanks or {}
        self.controls = {"template": widgets.Dropdown(options=[(f"模板 {n}", n) for n in (1, 2, 3)],
                                                      value=template, description="价值陈述")}
        for name in ALL_BLANKS:
            self.controls[name] = widgets.Text(blanks.get(name, ""), description=name,
                                               style={"description_width": "10em"},
                                               layout=widgets.Layout(width="40em"))
        self.pattern = widgets.HTML()
        self.result = widgets.HTML()
        self.box = widgets.VBox([self.pattern, *self.controls.values(), self.result])
        for control in self.controls.values():
            control.observe(self._update, names="value")
        self._update()

    def _update(self, _change=None) -> None:
        number = self.controls["template"].value
        needed = template_blanks(number)
        for name in ALL_BLANKS:
            self.controls[name].layout.display = None if name in needed else "none"
        self.pattern.value = f"<p>模板：{html.escape(VALUE_TEMPLATES[number - 1])}</p>"
        try:
            text = value_statement(number, {k: self.controls[k].value for k in needed})
        except InputError as err:
            self.result.value = f"<p style='color:#d62728'>{html.escape(str(err))}</p>"
            return
        self.result.value = f"<p><b>你的价值陈述</b>：{html.escape(text)}</p>"
