"""Self-assessment widget: three rounds of 8 picks → quadrant counts, pair traits, radar."""
import ipywidgets as widgets

from keyaccount.widgets import BoxDisplay, figure_png
from keyaccount.validation import InputError
from keyaccount.whole_brain import chart
from keyaccount.whole_brain.model import ELEMENTS, PAIRS, PICKS_PER_ROUND, ROUNDS, Profile, quadrant

OPTIONS = [e for names in ELEMENTS.values() for e in sorted(names)]


class SelfAssessment(BoxDisplay):
    """``.controls`` (three SelectMultiple, one per round); ``.result``, ``.figure``, ``.box``."""

    def __init__(self, rounds=None, name: str = "我"):
        self.name = name
        rounds = rounds or ((),) * len(ROUNDS)
        self.controls = [widgets.SelectMultiple(options=sorted(OPTIONS), value=tuple(r), rows=12,
                                                description=f"第 {i} 轮", layout=widgets.Layout(width="15em"))
                         for i, r in enumerate(rounds, start=1)]
        prompts = [widgets.HTML(f"<b>第 {i} 轮</b>：选出{text}") for i, text in enumerate(ROUNDS, start=1)]
        self.result = widgets.HTML()
        self.figure = widgets.Image(format="png")
        columns = [widgets.VBox([p, c]) for p, c in zip(prompts, self.controls)]
        self.box = widgets.VBox([widgets.HBox(columns), self.result, self.figure])
        for control in self.controls:
            control.observe(self._update, names="value")
        self._update()

    def _update(self, _change=None) -> None:
        counts = [len(c.value) for c in self.controls]
        if any(n < PICKS_PER_ROUND for n in counts):
            progress = "；".join(f"第 {i} 轮已选 {n} / {PICKS_PER_ROUND} 项" for i, n in enumerate(counts, start=1))
            self.result.value = f"<p>{progress}。每轮选满 {PICKS_PER_ROUND} 项后显示你的偏好图（按住 Ctrl 或 ⌘ 可多选）。</p>"
            return
        try:
            profile = Profile([c.value for c in self.controls])
        except InputError as err:
            self.result.value = f"<p style='color:#d62728'>{err}</p>"
            return
        counts = "，".join(f"{q} {n}" for q, n in profile.counts.items())
        tips = "".join(f"<li>{q}（{quadrant(q).name}）：{quadrant(q).reach}</li>" for q in profile.dominant)
        self.result.value = (f"<p>各象限得分：{counts}。最强：<b>{profile.dominant}</b>；"
                             f"最强的两个象限 {profile.pair}：{PAIRS[profile.pair]}</p><ul>{tips}</ul>")
        self.figure.value = figure_png(chart.profile_radar({self.name: profile}))
