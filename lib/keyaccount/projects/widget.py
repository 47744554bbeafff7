"""Attention explorer: move the thresholds, see which projects are flagged and why."""
import ipywidgets as w

from keyaccount import p_stages
from keyaccount.widgets import ControlsWidget, figure_png
from keyaccount.projects import attention, chart


class AttentionExplorer(ControlsWidget):
    """``controls`` hold the thresholds; ``result`` lists the flags, ``figure`` shows the timeline."""

    def __init__(self, projects, today):
        self.projects, self.today = list(projects), today
        base = attention.Thresholds(today)
        self.controls = {
            "near_days": w.IntSlider(base.near_days, min=0, max=180, step=5, description="临近签约（天）"),
            "ready_state": w.Dropdown(options=p_stages.CODES, value=base.ready_state,
                                      description="临近签约时应至少到"),
            "late_state": w.Dropdown(options=p_stages.CODES, value=base.late_state,
                                     description="从这一状态起要有强关系"),
            "strong_cr": w.Dropdown(options=[(f"CR{i}", i) for i in range(1, 6)], value=base.strong_cr,
                                    description="强关系至少"),
            "big_amount": w.FloatSlider(base.big_amount, min=0, max=500, step=10, description="大金额（万元）"),
            "big_near_days": w.IntSlider(base.big_near_days, min=0, max=720, step=30,
                                         description="大项目早期关注（天）"),
        }
        self._wire(self.controls)

    def thresholds(self) -> attention.Thresholds:
        return attention.Thresholds(self.today, **{k: c.value for k, c in self.controls.items()})

    def render(self) -> str:
        table = attention.flags(self.projects, self.thresholds())
        flagged = set(table["项目名称"])
        self.figure.value = figure_png(chart.timeline_chart(self.projects, self.today, flagged))
        head = f"<p><b>需要关注的项目（{len(flagged)} / {len(self.projects)}）</b></p>"
        return head + (table.to_html(index=False) if len(table) else "<p>没有项目被标出。</p>")
