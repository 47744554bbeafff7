"""Case widgets of the six steps. Each has its input controls as attributes or in ``controls``,
``result`` (HTML) and, where there is a picture, ``figure`` (PNG); ``box`` is what a lesson shows.
"""
import html

import ipywidgets as w
import pandas as pd

from keyaccount.widgets import CaseWidget, described, figure_png, form, heading, picks
from keyaccount.six_steps import analysis, chart, commitment, credit, needs, steps, trust, value
from keyaccount.swot.chart import swot_chart

OK, BAD = "#2ca02c", "#d62728"


def _colored(text: str, color: str) -> str:
    return f"<b style='color:{color}'>{html.escape(text)}</b>"


def _table(df: pd.DataFrame) -> str:
    return df.to_html(index=False, border=0, escape=True)


class StepLocator(CaseWidget):
    """客户走到了哪一步：pick the latest marker seen on the customer's side; the step and its work follow."""

    def __init__(self, marker: str = steps.MARKERS[0]):
        self.marker = w.Dropdown(options=steps.MARKERS, value=marker)
        self._show(form(("客户那边最近出现的标志", self.marker)), [self.marker], figure=True)

    def render(self) -> str:
        step = steps.step_after(self.marker.value)
        self.figure.value = figure_png(chart.chain_chart(highlight=step.number if step else None))
        if step is None:
            return f"<p>{_colored('六步已经走完：账款全部收回', OK)}。巩固满意度，请客户转介绍新客户。</p>"
        todo = "".join(f"<li>{html.escape(a)}</li>" for a in step.actions)
        return (f"<p>客户处在 {_colored(f'第{step.number}步 {step.name}', OK)}，"
                f"做到“{html.escape(step.end)}”才进入下一步。这一步要做：</p><ul>{todo}</ul>")


class OpportunityJudge(CaseWidget):
    """判断销售机会：answer the six criteria yes/no; the verdict names each failing criterion."""

    def __init__(self, answers: dict | None = None):
        answers = answers or {}
        self.controls = {c.key: w.ToggleButtons(options=[("是", True), ("否", False)],
                                                value=answers.get(c.key, True), description=c.question)
                         for c in analysis.CRITERIA}
        self._show(described(*self.controls.values()), self.controls.values())

    def render(self) -> str:
        verdict = analysis.judge_opportunity({k: c.value for k, c in self.controls.items()})
        if verdict.is_opportunity:
            return f"<p>{_colored(verdict.verdict, OK)}：进入第二步“建立信任”。</p>"
        lines = "".join(f"<li>{html.escape(c.question)}（{c.quality}）—— {html.escape(c.if_not)}</li>"
                        for c in verdict.failed)
        return (f"<p>{_colored(verdict.verdict, BAD)}。不够“{'、'.join(verdict.failed_qualities)}”，"
                f"没通过的标准：</p><ul>{lines}</ul>")


class InfoForm(CaseWidget):
    """客户资料信息表: one text box per item of the four kinds; ``table()`` exports what was filled in."""

    def __init__(self, records: dict | None = None):
        records = records or {}
        self.controls = {(kind, item): w.Text(records.get(kind, {}).get(item, ""))
                         for kind, items in analysis.CUSTOMER_INFO.items() for item in items}
        rows = [r for kind, items in analysis.CUSTOMER_INFO.items()
                for r in (heading(kind), *((item, self.controls[(kind, item)]) for item in items))]
        self._show(form(*rows), self.controls.values())

    def records(self) -> dict:
        out = {}
        for (kind, item), control in self.controls.items():
            out.setdefault(kind, {})[item] = control.value
        return out

    def table(self) -> pd.DataFrame:
        return analysis.info_form(self.records())

    def render(self) -> str:
        gaps = analysis.info_gaps(self.records())
        if not gaps:
            return f"<p>{_colored('四类资料都已填写', OK)}</p>"
        return (f"<p>还有 {len(gaps)} 项没有填写，下次拜访前要弄清：</p><ul>"
                + "".join(f"<li>{html.escape(g)}</li>" for g in gaps) + "</ul>")


class RelationshipTracker(CaseWidget):
    """客户关系阶段跟踪：move each person's stage; the plan and the picture follow."""

    def __init__(self, people):
        self.people = [(p.name, p.title) for p in people]
        self.controls = {p.name: w.Dropdown(options=trust.STAGE_NAMES, value=p.stage,
                                            description=f"{p.name}（{p.title}）") for p in people}
        self._show(described(*self.controls.values()), self.controls.values(), figure=True)

    def render(self) -> str:
        stages = [(name, title, self.controls[name].value) for name, title in self.people]
        self.figure.value = figure_png(chart.relationship_chart((n, s) for n, _, s in stages))
        return _table(trust.relationship_plan(stages))


class StyleIdentifier(CaseWidget):
    """沟通风格识别：tick what you observed; the widget names the style and how to talk to it."""

    def __init__(self, observed=()):
        self.controls = {b: w.Checkbox(value=b in observed) for b in sorted(trust.BEHAVIOURS)}
        self._show(picks((c, b) for b, c in self.controls.items()), self.controls.values(), figure=True)

    def render(self) -> str:
        reading = trust.identify_style([b for b, c in self.controls.items() if c.value])
        self.figure.value = figure_png(chart.style_chart(reading))
        if not reading.styles:
            return f"<p>{reading.advice}</p>"
        tie = "（并列：再多观察几次）" if len(reading.styles) > 1 else ""
        return f"<p>判断：{_colored('、'.join(reading.styles), OK)}{tie}</p><p>怎么沟通：{html.escape(reading.advice)}</p>"


class SpinSorter(CaseWidget):
    """SPIN 问题分类：pick S/P/I/N for each question; wrong picks are named with the right type."""

    def __init__(self, key: dict):
        self.key = dict(key)
        options = [("请选择", "")] + [(f"{t.letter} {t.name}", t.letter) for t in needs.SPIN]
        self.controls = {q: w.Dropdown(options=options, value="") for q in self.key}
        self._show(picks((c, q) for q, c in self.controls.items()), self.controls.values())

    def render(self) -> str:
        answers = {q: c.value for q, c in self.controls.items() if c.value}
        if not answers:
            return "<p>给每个问题选一个类型。</p>"
        share, wrong = needs.sort_questions(answers, self.key)
        rows = "".join(f"<li>{html.escape(q)}：你选 {given}，应为 {right}</li>"
                       for q, (given, right) in wrong.items() if given)
        done = f"已分类 {len(answers)} / {len(self.key)} 个问题，全部正确率 "
        return f"<p>{done}{_colored(f'{share:.0%}', OK if share == 1 else BAD)}</p>" + (f"<ul>{rows}</ul>" if rows else "")


class PurchaseProcessExplorer(CaseWidget):
    """客户采购流程：choose a stage to see its role, the sales action and its end marker."""

    def __init__(self, stage: str = needs.PURCHASE_PROCESS[0].name):
        self.stage = w.ToggleButtons(options=[s.name for s in needs.PURCHASE_PROCESS], value=stage)
        self._show(form(("采购阶段", self.stage)), [self.stage], figure=True)

    def render(self) -> str:
        s = next(p for p in needs.PURCHASE_PROCESS if p.name == self.stage.value)
        self.figure.value = figure_png(chart.purchase_process_chart(s.name))
        return (f"<p><b>{s.name}</b>（{s.period}）：客户角色 <b>{s.role}</b>；销售行动：{html.escape(s.sales_action)}；"
                f"结束标志：{s.end_marker}</p>")


class FabBuilder(CaseWidget):
    """FAB/FBV 陈述：fill in 特征、优势、益处、价值 and read both statements."""

    def __init__(self, benefit=None):
        fields = ("feature", "advantage", "benefit", "value")
        labels = ("特征 F", "优势 A", "益处 B", "价值 V")
        start = {f: getattr(benefit, f, "") for f in fields}
        self.controls = {f: w.Text(start[f], description=label) for f, label in zip(fields, labels)}
        self._show(described(*self.controls.values()), self.controls.values())

    def render(self) -> str:
        c = {k: ctl.value for k, ctl in self.controls.items()}
        fab = value.fab_statement(c["feature"], c["advantage"], c["benefit"])
        fbv = value.fbv_statement(c["feature"], c["benefit"], c["value"])
        return f"<p><b>FAB</b>：{html.escape(fab)}</p><p><b>FBV</b>：{html.escape(fbv)}</p>"


class MeetingClassifier(CaseWidget):
    """会谈结果判断：choose an outcome for each meeting note; the widget checks it by the customer's actions."""

    def __init__(self, meetings, large_sale: bool = True):
        self.meetings = list(meetings)
        self.large_sale = w.Checkbox(value=large_sale)
        self.controls = {i: w.Dropdown(options=["请选择", *commitment.LARGE_SALE_OUTCOMES], value="请选择")
                         for i in range(len(self.meetings))}
        rows = [(self.large_sale, "大规模销售（四种结果）"),
                *((self.controls[i], f"会谈{i + 1}：“{m.said}”") for i, m in enumerate(self.meetings))]
        self._show(picks(rows), [self.large_sale, *self.controls.values()])

    def render(self) -> str:
        rows = []
        for i, m in enumerate(self.meetings):
            outcome, reason = commitment.classify_meeting(m.note(), self.large_sale.value)
            pick = self.controls[i].value
            mark = "" if pick == "请选择" else (_colored("✓", OK) if pick == outcome else _colored("✗", BAD))
            shown = f"{outcome} —— {html.escape(reason)}" if pick != "请选择" else "（先做出你的判断）"
            rows.append(f"<li>会谈{i + 1} {mark} {shown}</li>")
        return "<ul>" + "".join(rows) + "</ul>"


class BadDebtCalculator(CaseWidget):
    """坏账计算器：loss and net margin → extra sales needed to make the loss up."""

    def __init__(self, loss: float = 600, margin: float = 0.03):
        self.loss = w.FloatText(loss, description="坏账损失")
        self.margin = w.FloatSlider(margin, min=0.01, max=0.20, step=0.005, readout_format=".1%",
                                    description="销售净利润率")
        self._show(described(self.loss, self.margin), [self.loss, self.margin], figure=True)

    def render(self) -> str:
        extra = credit.extra_sales_for_bad_debt(self.loss.value, self.margin.value)
        self.figure.value = figure_png(chart.bad_debt_chart(self.loss.value, self.margin.value))
        return (f"<p>坏账 {self.loss.value:,.0f}，净利润率 {self.margin.value:.1%}："
                f"要额外卖出 {_colored(f'{extra:,.0f}', BAD)} 才能用利润补回来。</p>")


class DelayCalculator(CaseWidget):
    """货款拖延计算器：net margin and annual borrowing cost → months until the profit is gone."""

    def __init__(self, margin: float = 0.10, annual_rate: float = 0.05):
        self.margin = w.FloatSlider(margin, min=0.01, max=0.30, step=0.005, readout_format=".1%",
                                    description="销售净利润率")
        self.rate = w.FloatSlider(annual_rate, min=0.01, max=0.30, step=0.005, readout_format=".1%",
                                  description="年借款成本")
        self._show(described(self.margin, self.rate), [self.margin, self.rate], figure=True)

    def render(self) -> str:
        months = credit.months_until_profit_gone(self.margin.value, self.rate.value)
        self.figure.value = figure_png(chart.delay_chart(self.margin.value, self.rate.value))
        return (f"<p>货款拖延 {_colored(f'{months:.1f} 个月', BAD)}，利息就把这笔生意的利润全部吃光"
                f"（{self.margin.value:.1%} ÷ {self.rate.value:.1%} × 12）。</p>")


class SwotTagger(CaseWidget):
    """鸭鸭 SWOT：for each fact pick its tag (QQCDMS 内部 / PEST 外部) and its quadrant S/W/O/T.

    ``tags`` and ``quadrants`` map statement id → Dropdown; ``show_answer`` reveals the case's grid.
    """

    def __init__(self, swot, title: str = "SWOT 分析"):
        self.swot, self.title = swot, title
        self.tags = {s.id: w.Dropdown(options=[("未贴标签", "")] + [(label, key) for key, label in value.TAGS.items()],
                                      value="") for s in swot.statements}
        self.quadrants = {s.id: w.Dropdown(options=[("未放", "")] + [(q, q) for q in "SWOT"], value="")
                          for s in swot.statements}
        self.show_answer = w.Checkbox(False)
        # listed by text, not by id: the case order (S1 … T4) would give the answer away
        ordered = sorted(swot.statements, key=lambda s: s.text)
        controls = w.VBox([form(heading("标签（内部因素用 QQCDMS，外部因素用 PEST）和象限")),
                           picks(((self.tags[s.id], self.quadrants[s.id]), s.text) for s in ordered),
                           picks([(self.show_answer, "显示参考答案")])])
        self._show(controls, [*self.tags.values(), *self.quadrants.values(), self.show_answer], figure=True)

    def answers(self) -> dict:
        return {sid: (self.tags[sid].value, self.quadrants[sid].value) for sid in self.tags}

    def render(self) -> str:
        checks = value.check_tags(self.answers(), self.swot)
        done = sum(bool(c.tag and c.quadrant) for c in checks)
        right = sum(c.tag_ok and c.quadrant_ok for c in checks)
        text = f"<p>已完成 {done} / {len(checks)} 条，标签和象限都对的 {_colored(str(right), OK if right == len(checks) else BAD)} 条。</p>"
        problems = "".join(f"<li>{html.escape(s.text)}：{html.escape(c.reason)}</li>"
                           for s, c in zip(self.swot.statements, checks) if c.reason)
        text += f"<ul>{problems}</ul>" if problems else ""
        if self.show_answer.value:
            notes = "".join(f"<li><b>{html.escape(s.text)}</b>：{html.escape(s.note)}</li>"
                            for s in self.swot.statements if s.debatable)
            text += f"<p>有争议的条目（两种归类都算对）：</p><ul>{notes}</ul>" if notes else ""
            fig = swot_chart(self.swot, f"{self.title}（参考答案）", show_ids=False)
        else:
            fig = chart.tagged_swot_chart(self.swot, checks, f"{self.title}（你的分析，红色为标签或象限不对）")
        self.figure.value = figure_png(fig)
        return text
