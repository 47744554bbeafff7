"""机会评分卡: score a real deal on the 20 factors (with their diagnostic questions), see the radar
and the four-question verdict, save and reopen deals, compare several deals or partners."""
import ipywidgets as w
import pandas as pd

from keyaccount import validation as v
from keyaccount.opportunity import chart
from keyaccount.opportunity.model import QUESTIONS, Z_MEANING, Scorecard, checked_scores, compare_partners
from keyaccount.opportunity.widget import ScorecardWidget
from keyaccount.toolbox import appkit, storage
from keyaccount.widgets import BoxDisplay, figure_png

FOLDER = "机会评分卡"


def questions_html() -> str:
    """Every factor with its diagnostic questions, question by question."""
    parts = []
    for q in QUESTIONS:
        items = "".join(f"<li><b>{f.name}</b>：{' '.join(f.diagnostics)}</li>" for f in q.factors)
        parts.append(f"<p><b>{q.code} {q.name}</b></p><ul>{items}</ul>")
    return "".join(parts)


class ScorecardApp(BoxDisplay):
    """``card`` (the course's ScorecardWidget), ``files`` (save/open), ``compare_*`` (side by side)."""

    def __init__(self, root=None):
        self.root = root or storage.workspace()
        self.folder = storage.data_folder(self.root, FOLDER)
        self.note = w.Textarea(placeholder="打分依据、下一步行动……", description="备注",
                               layout=w.Layout(width="46em", height="5em"))
        self.files = appkit.SavedFiles(self.folder, "机会", self._to_file, self._from_file)
        self.card_holder = w.VBox()
        self._new_card(None, "机会分析")
        self.compare_pick = w.SelectMultiple(description="选择", rows=5, layout=w.Layout(width="26em"))
        self.compare_button = w.Button(description="并排对比", icon="columns")
        self.compare_button.on_click(lambda _b: self.compare())
        self.compare_result = w.HTML()
        self.compare_figure = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.files.save_button.on_click(lambda _b: self._refresh_compare())
        self._refresh_compare()
        guide = w.Accordion(children=[w.HTML(questions_html())], titles=("20 个因素的诊断问题",))
        guide.selected_index = None
        score = w.VBox([self.files.box, self.note, guide, self.card_holder])
        compare = w.VBox([w.HTML("<p>选两个或更多已保存的机会（或同一机会的不同合作伙伴），并排比较。"
                                 "排序先看 Z 值，再看总分。</p>"),
                          w.HBox([self.compare_pick, self.compare_button]), self.compare_result, self.compare_figure])
        tabs = w.Tab(children=[score, compare], titles=("给一个机会打分", "对比机会或伙伴"))
        head = w.HTML("<h2>机会评分卡</h2><p>按第 40 课的 20 个因素给你手上真实的机会打分（1 明显不利 … 5 明显有利），"
                      "看雷达图和四个问题的结论。评分保存在你的工作区。</p>")
        self.box = w.VBox([appkit.page_style(), head, tabs], layout=w.Layout(max_width="1000px"))

    def _new_card(self, scores, title) -> None:
        self.card = ScorecardWidget(scores, title=title)
        for f in (f for q in QUESTIONS for f in q.factors):
            self.card.controls[f.name].tooltip = " ".join(f.diagnostics)
        self.card_holder.children = [self.card.box]

    def _to_file(self) -> dict:
        return {"评分": self.card.scorecard.scores, "备注": self.note.value}

    def _from_file(self, data: dict) -> None:
        scores = checked_scores(data["评分"])
        self.note.value = str(data.get("备注", ""))
        self._new_card(scores, self.files.saved.value)

    def _refresh_compare(self) -> None:
        self.compare_pick.options = storage.saved_names(self.folder)

    def compare(self) -> None:
        names = list(self.compare_pick.value)
        if len(names) < 2:
            self.compare_result.value = appkit.error_html("请至少选择两个已保存的机会。")
            return
        try:
            partners = {n: storage.load_json(self.folder, n)["评分"] for n in names}
            ranked = compare_partners(partners)
        except (v.InputError, KeyError, TypeError) as err:
            self.compare_result.value = appkit.error_html(err)
            return
        rows = [(i, name, card.z, Z_MEANING[card.z], round(card.overall, 2), card.weakest_question,
                 *[round(s, 2) for s in card.question_scores.values()])
                for i, (name, card) in enumerate(ranked, start=1)]
        table = pd.DataFrame(rows, columns=["名次", "名称", "Z", "含义", "总分", "最弱的问题",
                                            *[q.name for q in QUESTIONS]])
        self.ranking = table
        self.compare_result.value = appkit.table_html(table)
        cards = {name: card for name, card in ranked}
        self.compare_figure.value = figure_png(chart.partner_heat_map(cards, title="并排对比"))

    def verdict(self) -> str:
        """The deal's verdict in one line (Z and the weakest question)."""
        card: Scorecard = self.card.scorecard
        return f"Z = {card.z}：{Z_MEANING[card.z]}（最弱的问题：{card.weakest_question}）"

