"""1+2+1 builder: pick the guide, two people of the purchasing atmosphere with their roles and
CR, and the salesperson; see the tracking-table row, the roles still missing, and the picture."""
import html

import ipywidgets as w

from keyaccount.projects import chart
from keyaccount.projects.one_two_one import PURCHASE_ROLES, OneTwoOne, tracking_table
from keyaccount.projects.relationship import CR_LEVELS
from keyaccount.validation import InputError
from keyaccount.widgets import CaseWidget, figure_png, form, row


class OneTwoOneBuilder(CaseWidget):
    """``controls``: project, guide, ally1/ally2 (name), role1/role2, cr1/cr2, salesperson, next_step;
    ``row()`` is the validated tracking row; ``result`` the table or the message, ``figure`` the picture."""

    def __init__(self, people, start=None):
        """``people``: the customer's names to choose from; ``start``: a OneTwoOne row to begin with."""
        names = ("", *people)
        first = start.allies if start else ()

        def ally(i):
            a = first[i] if i < len(first) else None
            return (w.Dropdown(options=names, value=a.name if a and a.name in names else ""),
                    w.Dropdown(options=PURCHASE_ROLES, value=a.role if a else PURCHASE_ROLES[i]),
                    w.Dropdown(options=[(c.code, c.level) for c in CR_LEVELS], value=a.cr.level if a else 1))

        (n1, r1, c1), (n2, r2, c2) = ally(0), ally(1)
        self.controls = {"project": w.Text(start.project if start else ""),
                         "guide": w.Text(start.guide if start else ""),
                         "ally1": n1, "role1": r1, "cr1": c1, "ally2": n2, "role2": r2, "cr2": c2,
                         "salesperson": w.Text(start.salesperson if start else ""),
                         "next_step": w.Text(start.next_step if start else "")}
        controls = form(("项目", self.controls["project"]), ("1 向导", self.controls["guide"]),
                        row("", "姓名", "采购角色", "关系", header=True),
                        ("“2”之一", n1, r1, c1), ("“2”之二", n2, r2, c2),
                        ("1 营销人员", self.controls["salesperson"]), ("下一步", self.controls["next_step"]))
        self._show(controls, self.controls.values(), figure=True)

    def row(self) -> OneTwoOne:
        c = {k: control.value for k, control in self.controls.items()}
        for i in (1, 2):
            if not c[f"ally{i}"]:
                raise InputError(f"请选出“2”中的第 {i} 位。")
        return OneTwoOne.of(c["project"], c["guide"], [(c["ally1"], c["role1"], c["cr1"]),
                                                       (c["ally2"], c["role2"], c["cr2"])],
                            c["salesperson"], c["next_step"])

    def render(self) -> str:
        self.figure.value = b""   # no picture of a row that does not pass
        row = self.row()
        missing = "、".join(row.missing_roles())
        self.figure.value = figure_png(chart.one_two_one_chart(row))
        return (tracking_table([row]).to_html(index=False)
                + f"<p>尚未覆盖的角色：<b>{html.escape(missing)}</b>——下一步借向导的指点去补。</p>")
