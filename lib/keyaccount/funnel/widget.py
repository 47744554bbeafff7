"""The funnel calculator: move stage counts, rates, 单产 and quota; see forecast, gap and chart."""
import ipywidgets as w

from keyaccount.funnel import chart
from keyaccount.funnel.model import SMALL_STAGES, SmallProjectFunnel
from keyaccount.validation import InputError
from keyaccount.widgets import BoxDisplay, figure_png


class FunnelCalculator(BoxDisplay):
    """小项目漏斗计算器. ``controls`` holds the inputs, ``result`` (HTML) and ``figure`` (PNG) the outputs."""

    def __init__(self, funnel: SmallProjectFunnel, unit: str = "万元"):
        self.unit = unit
        style = {"description_width": "9em"}
        layout = w.Layout(width="26em")
        self.controls = {
            "intent": w.IntText(funnel.intent, description="意向客户数", style=style, layout=layout),
            "proposal": w.IntText(funnel.proposal, description="方案阶段客户数", style=style, layout=layout),
            "negotiation": w.IntText(funnel.negotiation, description="谈判阶段客户数", style=style, layout=layout),
            "unit_value": w.FloatText(funnel.unit_value, description=f"单产（{unit}/单）", style=style, layout=layout),
            "achieved": w.FloatText(funnel.achieved, description=f"已实现（{unit}）", style=style, layout=layout),
            "quota": w.FloatText(funnel.quota, description=f"定额（{unit}）", style=style, layout=layout),
        }
        self.rates = [w.FloatSlider(r, min=0, max=1, step=0.05, description=f"{name}成交率",
                                    readout_format=".0%", style=style, layout=layout)
                      for name, r in zip(SMALL_STAGES, funnel.rates)]
        self.result = w.HTML()
        self.figure = w.Image(format="png", layout=w.Layout(max_width="640px"))
        for control in [*self.controls.values(), *self.rates]:
            control.observe(self.update, names="value")
        inputs = w.VBox([*self.controls.values(), *self.rates])
        self.box = w.HBox([inputs, w.VBox([self.result, self.figure])])
        self.update()

    def funnel(self) -> SmallProjectFunnel:
        values = {key: control.value for key, control in self.controls.items()}
        return SmallProjectFunnel(**values, rates=tuple(r.value for r in self.rates))

    def update(self, _change=None) -> None:
        try:
            funnel = self.funnel()
        except InputError as err:
            self.result.value = f"<p style='color:#d62728'>输入有误：{err}</p>"
            return
        u = self.unit
        verdict = (f"<b style='color:#d62728'>缺口 {funnel.gap:.2f}{u}，还需新增约 {funnel.project_gap:.0f} 个意向项目</b>"
                   if funnel.gap > 0 else f"<b style='color:#2ca02c'>预计超出定额 {-funnel.gap:.2f}{u}</b>")
        self.result.value = (
            "<table>"
            f"<tr><td>预计成交单数</td><td><b>{funnel.expected_deals:.2f}</b> 单</td></tr>"
            f"<tr><td>预计成交金额</td><td><b>{funnel.expected_revenue:.2f}</b> {u}</td></tr>"
            f"<tr><td>金额缺口</td><td><b>{funnel.gap:.2f}</b> {u}</td></tr>"
            f"<tr><td>项目缺口</td><td><b>{funnel.project_gap:.1f}</b> 个意向项目</td></tr>"
            f"</table><p>{verdict}</p>")
        self.figure.value = figure_png(chart.small_funnel_chart(funnel))
