"""Self-assessment widget: three rounds of 8 picks → quadrant counts, pair traits, radar."""
import ipywidgets as widgets

from keyaccount.widgets import CaseWidget, figure_png, form, row
from keyaccount.whole_brain import chart
from keyaccount.whole_brain.model import ELEMENTS, PAIRS, PICKS_PER_ROUND, ROUNDS, Profile, quadrant

OPTIONS = [e for names in ELEMENTS.values() for e in sorted(names)]


class SelfAssessment(CaseWidget):
    """``.controls`` (three SelectMultiple, one per round); ``.result``, ``.figure``, ``.box``."""

    def __init__(self, rounds=None, name: str = "我"):
        self.name = name
        rounds = rounds or ((),) * len(ROUNDS)
        self.controls = [widgets.SelectMultiple(options=sorted(OPTIONS), value=tuple(r), rows=12)
                         for r in rounds]
        prompts = [f"第 {i} 轮：{text}" for i, text in enumerate(ROUNDS, start=1)]
        self._show(form(row("每轮选出", *prompts, header=True), row("按住 Ctrl 或 ⌘ 多选", *self.controls)),
                   self.controls, figure=True)

    def render(self) -> str:
        counts = [len(c.value) for c in self.controls]
        if any(n < PICKS_PER_ROUND for n in counts):
            progress = "；".join(f"第 {i} 轮已选 {n} / {PICKS_PER_ROUND} 项" for i, n in enumerate(counts, start=1))
            return f"<p>{progress}。每轮选满 {PICKS_PER_ROUND} 项后显示你的偏好图。</p>"
        profile = Profile([c.value for c in self.controls])
        counts = "，".join(f"{q} {n}" for q, n in profile.counts.items())
        tips = "".join(f"<li>{q}（{quadrant(q).name}）：{quadrant(q).reach}</li>" for q in profile.dominant)
        self.figure.value = figure_png(chart.profile_radar({self.name: profile}))
        return (f"<p>各象限得分：{counts}。最强：<b>{profile.dominant}</b>；"
                f"最强的两个象限 {profile.pair}：{PAIRS[profile.pair]}</p><ul>{tips}</ul>")
