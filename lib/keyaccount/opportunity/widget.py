"""Scorecard widget: one 1–5 slider per factor, grouped by question; the roll-ups, the Z
position and the figure update on every change."""
import ipywidgets as widgets

from keyaccount.widgets import BoxDisplay, figure_png
from keyaccount.opportunity import chart
from keyaccount.opportunity.model import FACTOR_NAMES, QUESTIONS, SCALE, Z_MEANING, Scorecard


class ScorecardWidget(BoxDisplay):
    """``.controls`` {factor: IntSlider} + ``.view``; ``.result`` (HTML), ``.figure`` (PNG), ``.box``."""

    def __init__(self, scores: dict | None = None, title: str = "机会分析"):
        start = scores or {name: 3 for name in FACTOR_NAMES}
        self.title = title
        self.controls = {name: widgets.IntSlider(value=start[name], min=1, max=5, description=name,
                                                 style={"description_width": "150px"},
                                                 layout=widgets.Layout(width="380px"))
                         for name in FACTOR_NAMES}
        self.view = widgets.ToggleButtons(options=[("雷达图", "radar"), ("评分卡", "grid")], value="radar")
        self.result = widgets.HTML()
        self.figure = widgets.Image(format="png")
        pages = [widgets.VBox([self.controls[f.name] for f in q.factors]) for q in QUESTIONS]
        groups = widgets.Accordion(children=pages, titles=tuple(q.name for q in QUESTIONS))
        legend = widgets.HTML("评分：" + "，".join(f"{k} {v}" for k, v in SCALE.items()))
        self.box = widgets.VBox([legend, groups, self.view, self.result, self.figure])
        for control in (*self.controls.values(), self.view):
            control.observe(self._update, names="value")
        self._update()

    @property
    def scorecard(self) -> Scorecard:
        return Scorecard({name: c.value for name, c in self.controls.items()})

    def _update(self, _change=None) -> None:
        card = self.scorecard
        rows = "".join(f"<tr><td>{q}</td><td>{s:.2f}</td></tr>" for q, s in card.question_scores.items())
        weak = "、".join(card.weak_factors()) or "无"
        self.result.value = (
            f"<table>{rows}<tr><td><b>总分</b></td><td><b>{card.overall:.2f}</b></td></tr></table>"
            f"<p>Z = {card.z}：{Z_MEANING[card.z]}（最弱的问题：{card.weakest_question}）</p>"
            f"<p>低于 3 分、需要行动的因素：{weak}</p>")
        fig = (chart.radar({self.title: card}, title=f"{self.title}雷达图") if self.view.value == "radar"
               else chart.scorecard_grid(card, title=self.title))
        self.figure.value = figure_png(fig)
