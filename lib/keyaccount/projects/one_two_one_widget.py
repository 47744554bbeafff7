"""1+2+1 builder: pick the guide, two people of the purchasing atmosphere with their roles and
CR, and the salesperson; see the tracking-table row, the roles still missing, and the picture."""
import html

import ipywidgets as w

from keyaccount.projects import chart
from keyaccount.projects.one_two_one import PURCHASE_ROLES, OneTwoOne, tracking_table
from keyaccount.projects.relationship import CR_LEVELS
from keyaccount.validation import InputError
from keyaccount.widgets import ControlsWidget, figure_png


class OneTwoOneBuilder(ControlsWidget):
    """``controls``: project, guide, ally1/ally2 (name), role1/role2, cr1/cr2, salesperson, next_step;
    ``row()`` is the validated tracking row; ``result`` the table or the message, ``figure`` the picture."""

    def __init__(self, people, start=None):
        """``people``: the customer's names to choose from; ``start``: a OneTwoOne row to begin with."""
        names = ("", *people)
        style, wide = {"description_width": "7em"}, w.Layout(width="26em")
        first = start.allies if start else ()

        def ally(i):
            a = first[i] if i < len(first) else None
            return (w.Dropdown(options=names, value=a.name if a and a.name in names else "", description=f"“2”之{'一二'[i]}",
                               style=style, layout=wide),
                    w.Dropdown(options=PURCHASE_ROLES, value=a.role if a else PURCHASE_ROLES[i], description="角色",
                               style={"description_width": "3em"}, layout=w.Layout(width="16em")),
                    w.Dropdown(options=[(c.code, c.level) for c in CR_LEVELS], value=a.cr.level if a else 1,
                               description="关系", style={"description_width": "3em"}, layout=w.Layout(width="10em")))

        (n1, r1, c1), (n2, r2, c2) = ally(0), ally(1)
        text = lambda value, label: w.Text(value=value, description=label, style=style, layout=wide)  # noqa: E731
        controls = {"project": text(start.project if start else "", "项目"),
                    "guide": text(start.guide if start else "", "1 向导"),
                    "ally1": n1, "role1": r1, "cr1": c1, "ally2": n2, "role2": r2, "cr2": c2,
                    "salesperson": text(start.salesperson if start else "", "1 营销人员"),
                    "next_step": w.Text(value=start.next_step if start else "", description="下一步", style=style,
                                        layout=w.Layout(width="48em"))}
        self._wire(controls)
        self.figure.layout.max_width = "720px"
        self.box = w.VBox([controls["project"], controls["guide"], w.HBox([n1, r1, c1]), w.HBox([n2, r2, c2]),
                           controls["salesperson"], controls["next_step"], self.result, self.figure])

    def row(self) -> OneTwoOne:
        c = {k: control.value for k, control in self.controls.items()}
        for i in (1, 2):
            if not c[f"ally{i}"]:
                raise InputError(f"请选出“2”中的第 {i} 位。")
        return OneTwoOne.of(c["project"], c["guide"], [(c["ally1"], c["role1"], c["cr1"]),
                                                       (c["ally2"], c["role2"], c["cr2"])],
                            c["salesperson"], c["next_step"])

    def _update(self, _change=None) -> None:
        try:
            row = self.row()
        except InputError as err:
            self.result.value = f"<p style='color:#d62728'>✗ {html.escape(str(err))}</p>"
            self.figure.layout.display = "none"
            return
        missing = "、".join(row.missing_roles())
        self.result.value = (tracking_table([row]).to_html(index=False)
                             + f"<p>尚未覆盖的角色：<b>{html.escape(missing)}</b>——下一步借向导的指点去补。</p>")
        self.figure.layout.display = ""
        self.figure.value = figure_png(chart.one_two_one_chart(row))
