"""Widgets: sort a case's statements into S/W/O/T, and build TOWS strategies from them.

Both follow the kit's widget contract: input controls as attributes, ``result`` (HTML),
``figure`` (PNG), ``box`` to display; everything is recomputed when a control changes.
"""
import html

import ipywidgets as w

from keyaccount.widgets import CaseWidget, buttons, figure_png, form, note, picks
from keyaccount.swot import chart, model

UNPLACED = "未放"
GOOD, BAD = "#2ca02c", "#d62728"


class SwotSorter(CaseWidget):
    """One drop-down per statement (未放/S/W/O/T); per-quadrant score and the learner's grid.

    ``controls`` maps statement id → Dropdown. ``show_answer`` reveals the reference grid and
    the notes on debatable statements.
    """

    def __init__(self, swot: model.Swot, title: str = "SWOT 分析"):
        self.swot, self.title = swot, title
        options = [(UNPLACED, UNPLACED)] + [(f"{q.code} {q.name}", q.code) for q in model.QUADRANTS]
        self.controls = {s.id: w.Dropdown(options=options, value=UNPLACED) for s in swot.statements}
        self.show_answer = w.Checkbox(False)
        # listed by text, not by id: the case order (S1 … T3) would give the answer away
        statements = [(self.controls[s.id], chart.statement_label(s, show_id=False))
                      for s in sorted(swot.statements, key=lambda s: s.text)]
        controls = w.VBox([form(note("给每一条选一个象限：S 优势、W 劣势、O 机会、T 威胁。")), picks(statements),
                           picks([(self.show_answer, "显示参考答案")])])
        self._show(controls, [*self.controls.values(), self.show_answer], figure=True)

    def placement(self) -> dict:
        return {sid: c.value for sid, c in self.controls.items() if c.value != UNPLACED}

    def render(self) -> str:
        placement = self.placement()
        grades = model.grade_swot(placement, self.swot)
        rows = "".join(
            f"<tr><td>{model.quadrant(code).code} {model.quadrant(code).name}</td>"
            f"<td style='color:{GOOD if g.share == 1 else BAD}'><b>{g.share:.0%}</b></td>"
            f"<td>放对 {len(g.hits)} / {len(g.hits) + len(g.missing)}"
            + (f"，放错进来 {len(g.wrong)} 条" if g.wrong else "") + "</td></tr>"
            for code, g in grades.items())
        total = model.swot_score(placement, self.swot)
        text = (f"<p>已放 {len(placement)} / {len(self.swot.statements)} 条，总得分 <b>{total:.0%}</b>"
                "（每个象限：放对的条数减去放错进来的条数，除以该象限应有的条数）。</p>"
                f"<table>{rows}</table>")
        if self.show_answer.value:
            notes = "".join(f"<li><b>{s.id} {html.escape(s.text)}</b>：{html.escape(s.note)}</li>"
                            for s in self.swot.statements if s.debatable)
            text += f"<p>有争议的条目（两种归类都算对）：</p><ul>{notes}</ul>" if notes else ""
            fig = chart.swot_chart(self.swot, f"{self.title}（参考答案）")
        else:
            wrong = {sid for sid, code in placement.items() if code not in self.swot.statement(sid).accepted}
            fig = chart.swot_chart(self.swot.placed(placement), f"{self.title}（你的分类，红色为放错）", wrong=wrong,
                                   show_ids=False)
        self.figure.value = figure_png(fig)
        return text


class TowsBuilder(CaseWidget):
    """Write a strategy, pick its kind and the statements it uses, add it; see the check and the matrix."""

    def __init__(self, swot: model.Swot, strategies=(), title: str = "TOWS 策略矩阵"):
        self.swot, self.title = swot, title
        self.strategies = list(strategies)
        self.added = None
        self.text = w.Text(placeholder="例如：利用已有客户关系扩大样板效果")
        self.kind = w.Dropdown(options=[(f"{k.code} {k.aim}", k.code) for k in model.STRATEGY_KINDS])
        self.uses = w.SelectMultiple(options=[(chart.statement_label(s), s.id) for s in swot.statements], rows=8)
        self.add = w.Button(description="添加策略", button_style="primary")
        self.remove_last = w.Button(description="撤销最后一条")
        self.controls = {"text": self.text, "kind": self.kind, "uses": self.uses}
        self.add.on_click(self._add)
        self.remove_last.on_click(self._remove_last)
        controls = form(("策略", self.text), ("类型", self.kind), ("用到的条目（按住 Ctrl 或 ⌘ 多选）", self.uses),
                        buttons(self.add, self.remove_last))
        self._show(controls, self.controls.values(), figure=True)

    def draft(self) -> model.Strategy:
        number = sum(s.kind == self.kind.value for s in self.strategies) + 1
        return model.Strategy(f"{self.kind.value}{number}", self.text.value.strip(), self.kind.value,
                              tuple(self.uses.value))

    def _add(self, _button=None) -> None:
        draft = self.draft()
        if draft.text and not model.strategy_problems(draft, self.swot):
            self.strategies.append(draft)
            self.text.value, self.uses.value = "", ()
            self.added = draft
        self.update()

    def _remove_last(self, _button=None) -> None:
        if self.strategies:
            self.strategies.pop()
        self.added = None
        self.update()

    def render(self) -> str:
        draft = self.draft()
        problems = model.strategy_problems(draft, self.swot)
        if draft.text or draft.uses:
            self.added = None
        if self.added is not None:
            status = (f"<p style='color:{GOOD}'>已添加 {self.added.id}：{html.escape(self.added.text)}。"
                      "可以写下一条策略。</p>")
        elif not draft.text:
            status = "<p>写下策略内容，选好类型和用到的条目，再点“添加策略”。</p>"
        elif problems:
            status = (f"<p style='color:{BAD}'>还不能添加：</p><ul>"
                      + "".join(f"<li>{html.escape(p)}</li>" for p in problems) + "</ul>")
        else:
            status = f"<p style='color:{GOOD}'>这条 {draft.kind} 策略可以添加。</p>"
        self.figure.value = figure_png(chart.tows_chart(self.swot, self.strategies, self.title))
        return status + f"<p>矩阵里已有 {len(self.strategies)} 条策略。</p>"
