"""The funnel calculator: move stage counts, rates, 单产 and quota; see forecast, gap and chart."""
import ipywidgets as w

from keyaccount.funnel import chart
from keyaccount.funnel.model import SMALL_STAGES, SmallProjectFunnel
from keyaccount.widgets import CaseWidget, described, figure_png


class FunnelCalculator(CaseWidget):
    """小项目漏斗计算器. ``controls`` holds the inputs, ``rates`` the three stage rates;
    ``result`` (HTML) and ``figure`` (PNG) the outputs."""

    def __init__(self, funnel: SmallProjectFunnel, unit: str = "万元"):
        self.unit = unit
        self.controls = {
            "intent": w.IntText(funnel.intent, description="意向客户数"),
            "proposal": w.IntText(funnel.proposal, description="方案阶段客户数"),
            "negotiation": w.IntText(funnel.negotiation, description="谈判阶段客户数"),
            "unit_value": w.FloatText(funnel.unit_value, description=f"单产（{unit}/单）"),
            "achieved": w.FloatText(funnel.achieved, description=f"已实现（{unit}）"),
            "quota": w.FloatText(funnel.quota, description=f"定额（{unit}）"),
        }
        self.rates = [w.FloatSlider(r, min=0, max=1, step=0.05, description=f"{name}成交率", readout_format=".0%")
                      for name, r in zip(SMALL_STAGES, funnel.rates)]
        inputs = [*self.controls.values(), *self.rates]
        self._show(described(*inputs), inputs, figure=True)

    def funnel(self) -> SmallProjectFunnel:
        values = {key: control.value for key, control in self.controls.items()}
        return SmallProjectFunnel(**values, rates=tuple(r.value for r in self.rates))

    def render(self) -> str:
        funnel = self.funnel()
        u = self.unit
        verdict = (f"<b style='color:#d62728'>缺口 {funnel.gap:.2f}{u}，还需新增约 {funnel.project_gap:.0f} 个意向项目</b>"
                   if funnel.gap > 0 else f"<b style='color:#2ca02c'>预计超出定额 {-funnel.gap:.2f}{u}</b>")
        self.figure.value = figure_png(chart.small_funnel_chart(funnel))
        return ("<table>"
                f"<tr><td>预计成交单数</td><td><b>{funnel.expected_deals:.2f}</b> 单</td></tr>"
                f"<tr><td>预计成交金额</td><td><b>{funnel.expected_revenue:.2f}</b> {u}</td></tr>"
                f"<tr><td>金额缺口</td><td><b>{funnel.gap:.2f}</b> {u}</td></tr>"
                f"<tr><td>项目缺口</td><td><b>{funnel.project_gap:.1f}</b> 个意向项目</td></tr>"
                f"</table><p>{verdict}</p>")
