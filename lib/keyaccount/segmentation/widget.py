"""Segmentation widget: move the thresholds, see the segments, resources and scatter."""
from html import escape

import ipywidgets as widgets

from keyaccount.widgets import ControlsWidget, figure_png
from keyaccount.segmentation import chart
from keyaccount.segmentation.model import SEGMENT_NAMES, Thresholds, resource_split, segment_table


class SegmentationExplorer(ControlsWidget):
    """``.controls`` {high, low, share}; ``.result`` (HTML tables), ``.figure`` (PNG), ``.box``."""

    def __init__(self, customers, thresholds: Thresholds):
        self.customers = customers
        top = float(customers["采购潜力"].max())
        self.controls = {
            "high": widgets.FloatSlider(thresholds.high, min=1, max=top, step=1, description="高潜力门槛"),
            "low": widgets.FloatSlider(thresholds.low, min=0, max=top, step=1, description="中潜力门槛"),
            "share": widgets.FloatSlider(thresholds.share, min=0.05, max=0.95, step=0.05, description="份额门槛",
                                         readout_format=".0%"),
        }
        self._wire(self.controls)

    def render(self) -> str:
        t = Thresholds(**{k: c.value for k, c in self.controls.items()})
        table = segment_table(self.customers, t)
        groups = "".join(f"<tr><td>{s}</td><td>{escape('、'.join(table.loc[table['细分'] == s, '客户']))}</td></tr>"
                         for s in SEGMENT_NAMES)
        split = resource_split(table)
        shares = "，".join(f"{k} {v:.0%}" for k, v in split["投入占比"].items())
        self.figure.value = figure_png(chart.segment_scatter(table, t))
        return f"<table>{groups}</table><p>时间、人力、财力的建议投入占比：{shares}</p>"
