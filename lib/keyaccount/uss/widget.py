"""Mode chooser: answer three questions about a deal, see the suggested USS mode."""
import ipywidgets as widgets

from keyaccount.widgets import ControlsWidget, figure_png
from keyaccount.uss import chart
from keyaccount.uss.model import DEAL_QUESTIONS, choose_mode, mode, mode_votes


class ModeChooser(ControlsWidget):
    """``.controls`` {value_space, solution, buyers: Dropdown}; ``.result``, ``.figure``, ``.box``."""

    def __init__(self, **answers):
        self.controls = {key: widgets.Dropdown(options=list(options), value=answers.get(key, list(options)[1]),
                                               description=label)
                         for key, (label, options) in DEAL_QUESTIONS.items()}
        self._wire(self.controls)

    def render(self) -> str:
        answers = {key: c.value for key, c in self.controls.items()}
        chosen = choose_mode(**answers)
        votes = "，".join(f"{m} {n} 票" for m, n in mode_votes(**answers).items())
        profile = mode(chosen).profile
        self.figure.value = figure_png(chart.mode_table(chosen))
        return f"<p>建议采用 <b>{chosen}</b>（{votes}）：{profile['目的']}，制胜关键是 {profile['制胜关键']}。</p>"
