"""Statistics-table builder: the learner reads a salesperson's story, fills each customer's state,
amount and sign date, ticks the key projects, and sees the table, the weighted amounts and questions
about the ticks (weighted amount is only the starting point; the kit gives no verdict on them)."""
import html

import ipywidgets as w
import pandas as pd

from keyaccount import p_stages
from keyaccount.projects import chart, elements
from keyaccount.validation import InputError
from keyaccount.widgets import CaseWidget, figure_png, form, picks, row

UNSET = "（未定）"
FIELDS = {"status": "状态", "amount": "预签金额（万元）", "sign_date": "预签时间", "key": "重点项目"}


class StatisticsBuilder(CaseWidget):
    """``controls[(name, field)]`` for field status (Dropdown), amount and sign_date (Text), key (Checkbox),
    plus ``controls["show_reference"]``; ``projects()`` are the rows filled so far."""

    def __init__(self, case, key_count: int = 3):
        self.case, self.key_count = case, key_count
        self.rows = case.projects
        self.controls = {}
        for r in self.rows:
            self.controls[(r.name, "status")] = w.Dropdown(options=(UNSET, *p_stages.CODES), value=UNSET)
            self.controls[(r.name, "amount")] = w.Text(placeholder="如 45")
            self.controls[(r.name, "sign_date")] = w.Text(placeholder="如 11.12 或 12.Q1")
            self.controls[(r.name, "key")] = w.Checkbox(value=False, indent=False)
        self.controls["show_reference"] = w.Checkbox(value=False)
        controls = w.VBox([form(row("客户", *FIELDS.values(), header=True),
                                *((r.name, *(self.controls[(r.name, f)] for f in FIELDS)) for r in self.rows)),
                           picks([(self.controls["show_reference"], "对照案例的金额和时间")])])
        self._show(controls, self.controls.values(), figure=True)

    def projects(self) -> tuple[list, list]:
        """(projects filled in and valid, messages for the rows that are not)."""
        done, problems = [], []
        for r in self.rows:
            status, amount, when = (self.controls[(r.name, f)].value for f in ("status", "amount", "sign_date"))
            if status == UNSET or not amount.strip() or not when.strip():
                problems.append(f"{r.name}：还没填完")
                continue
            try:
                done.append(elements.Project.of(r.name, status, amount, when, r.owner))
            except InputError as err:
                problems.append(f"{r.name}：{err}")
        return done, problems

    def chosen(self) -> list[str]:
        return [r.name for r in self.rows if self.controls[(r.name, "key")].value]

    def render(self) -> str:
        projects, problems = self.projects()
        parts = [f"<p style='color:#d62728'>{html.escape(p)}</p>" for p in problems]
        self.figure.value = b""
        if projects:
            table = elements.statistics_table(projects)
            table["加权金额"] = [round(elements.weighted_amount(p), 1) for p in projects]
            parts.append(table.drop(columns=["客户名单", "客户关系程度", "ABC"]).to_html(index=False, float_format="{:g}".format))
            parts.append(key_feedback(projects, self.chosen(), self.key_count, complete=not problems))
            self.figure.value = figure_png(chart.weighted_chart(projects, set(self.chosen())))
        if self.controls["show_reference"].value:
            parts.append(reference_html(self.case))
        return "".join(parts)


def key_feedback(projects, chosen, count: int, complete: bool) -> str:
    """The ``count`` projects worth most today by the learner's own table, as a starting point only:
    no verdict on the ticks (which deal to push is judged with time, relationship and competition)."""
    if not complete:
        return "<p>表填完以后，这里会按加权金额列出今天最值钱的几个项目——那只是挑重点的起点。</p>"
    top = elements.key_projects(projects, count)
    line = (f"按你填的状态，加权金额最大的 {count} 个项目是：<b>{'、'.join(top)}</b>。"
            "加权只是起点：还要看时间（近期能否签）、客户关系（CR）和竞争态势，最后由你判断。")
    if not chosen:
        return f"<p>{line}勾选你认为的重点项目，再说一说理由。</p>"
    dates = {p.name: p.sign_date for p in projects}
    asks = [f"你勾选了 {n}（预签时间 {dates[n]}）：近期能签吗？关系够不够？对手在哪里？" for n in chosen if n in dates]
    asks += [f"{n} 的加权金额在前 {count} 名，你没有勾选：说一说为什么" for n in top if n not in chosen]
    return f"<p>{line}</p><ul>{''.join(f'<li>{html.escape(a)}</li>' for a in asks)}</ul>"


def reference_html(case) -> str:
    """The case's amounts and sign dates (read from the story); the states are the learner's judgement and are
    not shown (the exercise asks for them)."""
    rows = [(r.name, str(elements.amount(r.amount)), r.sign_date) for r in case.projects]
    table = pd.DataFrame(rows, columns=["客户", "预签金额", "预签时间"])
    return ("<p><b>案例的参考：金额和时间</b>（状态要你按“唯一已完成的状态”自己判断，不在这里给出；"
            "练习 projects_statistics 会批改，提交后看反馈）</p>" + table.to_html(index=False))
