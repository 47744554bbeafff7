"""Scorecard widget: one 1–5 slider per factor, grouped by question; the roll-ups, the Z
position and the figure update on every change."""
import ipywidgets as widgets

from keyaccount.widgets import FORM_WIDTH, CaseWidget, described, figure_png, form, note
from keyaccount.opportunity import chart
from keyaccount.opportunity.model import FACTOR_NAMES, QUESTIONS, SCALE, Z_MEANING, Scorecard


class ScorecardWidget(CaseWidget):
    """``.controls`` {factor: IntSlider} + ``.view``; ``.groups`` (Accordion, first question open);
    ``.result`` (HTML), ``.figure`` (PNG), ``.box``."""

    def __init__(self, scores: dict | None = None, title: str = "机会分析"):
        start = scores or {name: 3 for name in FACTOR_NAMES}
        self.title = title
        self.controls = {name: widgets.IntSlider(value=start[name], min=1, max=5, description=name)
                         for name in FACTOR_NAMES}
        self.view = widgets.ToggleButtons(options=[("雷达图", "radar"), ("评分卡", "grid")], value="radar")
        pages = [described(*(self.controls[f.name] for f in q.factors)) for q in QUESTIONS]
        self.groups = widgets.Accordion(children=pages, selected_index=0,
                                        titles=tuple(f"{q.code} {q.name}（{len(q.factors)} 个因素）" for q in QUESTIONS),
                                        layout=widgets.Layout(width="auto", max_width=FORM_WIDTH))
        legend = "评分：" + "，".join(f"{k} {v}" for k, v in SCALE.items())
        hint = f"点击下面 {len(QUESTIONS)} 个问题的标题，逐个展开，给每个因素打分。"
        controls = widgets.VBox([form(note(hint), note(legend)), self.groups, form(("图", self.view))])
        self._show(controls, [*self.controls.values(), self.view], figure=True)

    @property
    def scorecard(self) -> Scorecard:
        return Scorecard({name: c.value for name, c in self.controls.items()})

    def render(self) -> str:
        card = self.scorecard
        fig = (chart.radar({self.title: card}, title=f"{self.title}雷达图") if self.view.value == "radar"
               else chart.scorecard_grid(card, title=self.title))
        self.figure.value = figure_png(fig)
        rows = "".join(f"<tr><td>{q}</td><td>{s:.2f}</td></tr>" for q, s in card.question_scores.items())
        weak = "、".join(card.weak_factors()) or "无"
        return (f"<table>{rows}<tr><td><b>总分</b></td><td><b>{card.overall:.2f}</b></td></tr></table>"
                f"<p>Z = {card.z}：{Z_MEANING[card.z]}（最弱的问题：{card.weakest_question}）</p>"
                f"<p>低于 3 分、需要行动的因素：{weak}</p>")
