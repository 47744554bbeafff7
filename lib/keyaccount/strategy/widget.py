"""Interactive strategy checklist (ticks → list of gaps) and SMART goal checker."""
import datetime as dt
import html

import ipywidgets as w

from keyaccount.strategy import checklists, smart, team
from keyaccount.widgets import CaseWidget, described, form, note, picks

GOOD, BAD = "#2ca02c", "#d62728"


class ChecklistForm(CaseWidget):
    """``checklist`` (Dropdown of the seven) and one Checkbox per question in ``boxes``; ``result`` lists the gaps."""

    def __init__(self, code: str = "customer"):
        self.checklist = w.Dropdown(options=[(c.name + " " + c.english, c.code) for c in checklists.CHECKLISTS],
                                    value=checklists.checklist(code).code)
        self.boxes = []
        self.questions = w.VBox(layout=w.Layout(width="auto"))
        self.controls = {"checklist": self.checklist}
        self._show(w.VBox([form(("清单", self.checklist), note("做到了的打勾：")), self.questions]), ())
        self._build()
        self.checklist.observe(self._build, names="value")

    def _build(self, _change=None) -> None:
        items = checklists.checklist(self.checklist.value).questions
        self.boxes = [w.Checkbox(False) for _ in items]
        for b in self.boxes:
            b.observe(self.update, names="value")
        self.questions.children = [picks((b, f"{n}. {q}") for n, (b, q) in enumerate(zip(self.boxes, items), start=1))]
        self.update()

    def done(self) -> dict:
        return {n: b.value for n, b in enumerate(self.boxes, start=1)}

    def render(self) -> str:
        c = checklists.checklist(self.checklist.value)
        found = checklists.gaps(c.code, self.done())
        if not found:
            return f"<p style='color:{GOOD}'><b>{c.name}：全部检查通过。</b></p>"
        items = "".join(f"<li>{n}. {html.escape(q)}</li>" for n, q in found)
        return (f"<p><i>{html.escape(c.instruction)}</i></p>"
                f"<p style='color:{BAD}'><b>{c.name}还有 {len(found)} 个缺口：</b></p><ul>{items}</ul>")


class SmartChecker(CaseWidget):
    """One Text per field of a ``smart.Goal`` (``target`` a FloatText, dates DatePickers); ``result`` shows S/M/A/R/T."""

    def __init__(self, goal: smart.Goal | None = None, today: dt.date | None = None):
        goal = goal or smart.Goal("")
        self.today = today
        self.controls = {}
        for name, label in smart.FIELDS.items():
            value = getattr(goal, name)
            if name == "target":
                control = w.FloatText(value if isinstance(value, (int, float)) else 0.0, description=label)
            elif name in ("start", "due"):
                control = w.DatePicker(value=value if isinstance(value, dt.date) else None, description=label)
            else:
                control = w.Text(value or "", description=label)
            self.controls[name] = control
        self._show(described(*self.controls.values()), self.controls.values())

    def goal(self) -> smart.Goal:
        return smart.Goal(**{name: c.value for name, c in self.controls.items()})

    def render(self) -> str:
        checks = smart.smart_check(self.goal(), self.today)
        rows = "".join(
            f"<tr><td><b>{letter}</b> {smart.LETTERS[letter][0]}</td>"
            + (f"<td style='color:{GOOD}'>✓</td>" if not problem else f"<td style='color:{BAD}'>✗ {html.escape(problem)}</td>")
            + "</tr>" for letter, problem in checks.items())
        verdict = "这是一个 SMART 目标。" if not any(checks.values()) else "还不是 SMART 目标，请按 ✗ 的提示修改。"
        return f"<table>{rows}</table><p><b>{verdict}</b></p>"


class TeamFormEditor(CaseWidget):
    """The 项目组构成 form as text fields (状态 and CR typed as on paper); ``result`` lists its problems."""

    def __init__(self, form: team.TeamForm | None = None):
        form = form or team.TeamForm("", "", "", {}, "", "", "")
        fields = {"reporter": "填报人", "project": "项目名称", "amount": "预计金额", "sign_date": "预签时间",
                  "product": "产品类型", "stage": "项目状态 Px", "leader": team.ROLES["leader"],
                  "monitor": team.ROLES["monitor"], "sponsor": team.ROLES["sponsor"]}
        self.controls = {name: w.Text(str(getattr(form, name) or ""), description=label)
                         for name, label in fields.items()}
        self.controls["members"] = w.Text("、".join(form.members), description=team.ROLES["members"],
                                          placeholder="用顿号分隔")
        for level in team.CUSTOMER_LEVELS:
            self.controls[f"cr_{level}"] = w.Text(form.customer_status.get(level, ""), description=f"客户状况·{level}",
                                                  placeholder="CR1–CR5")
        self._show(described(*self.controls.values()), self.controls.values())

    def form(self) -> team.TeamForm:
        values = {name: c.value.strip() for name, c in self.controls.items()}
        status = {level: values.pop(f"cr_{level}") for level in team.CUSTOMER_LEVELS}
        members = tuple(m for m in values.pop("members").split("、") if m)
        return team.TeamForm(**values, customer_status={k: v for k, v in status.items() if v}, members=members)

    def render(self) -> str:
        problems = team.form_problems(self.form())
        return (f"<p style='color:{GOOD}'><b>项目组构成表填写完整。</b></p>" if not problems else
                             f"<p style='color:{BAD}'><b>还有 {len(problems)} 处要改：</b></p><ul>"
                + "".join(f"<li>{html.escape(p)}</li>" for p in problems) + "</ul>")
