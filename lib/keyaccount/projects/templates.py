"""Fill-in templates of source 001: customer analysis and us-vs-competitors; each exports a table."""
import ipywidgets as w

from keyaccount.validation import InputError
from keyaccount.widgets import CaseWidget, form, heading, row

CUSTOMER_ANALYSIS = {
    "需求分析": ("A. 以往惯例及演变趋势（产品类型、业务能力、未来趋势）",
                "B. 客户要求的采购速度（速度优先、价格优先、综合考虑）",
                "C. 客户同行业之间的竞争（市场占有率、最终客户需求）",
                "D. 客户潜在需求（工作需要、个人需要）"),
    "决策链、决策机制": ("A. 决策模式（集体决策：招标、议标；个人决定：一把手拍板）",
                   "B. 牵连影响因素（隐含的作用层：家属、牵连人物；相应对策）",
                   "C. 对价格、对竞争的关注度", "D. 外来因素的影响（行业政策、外部影响）"),
    "客户实力": ("A. 资金财务实力", "B. 客户业务现状", "C. 市场口碑、周边环境", "D. 未来发展决策导向"),
    "当地经济状况": ("A. 人口数量、地理条件", "B. 经济实力、消费取向", "C. 重点投资项目", "D. 近、远期发展规划"),
}
COMPETITOR_ROWS = ("市场地位/市场份额/市场策略", "产品特点/技术排位", "客户关系/竞争格局", "商务政策/商务特点", "服务特色")


def customer_analysis_table(answers: dict | None = None):
    """客户分析模板 as a DataFrame (维度, 项目, 填写内容); ``answers`` maps 项目 → text."""
    import pandas as pd

    answers = answers or {}
    rows = [(dim, item, answers.get(item, "")) for dim, items in CUSTOMER_ANALYSIS.items() for item in items]
    return pd.DataFrame(rows, columns=["维度", "项目", "填写内容"])


def competitor_table(answers: dict | None = None, competitors=("竞争对手1", "竞争对手2")):
    """我方与竞争对手分析模板: rows COMPETITOR_ROWS, columns 我方公司 + competitors."""
    import pandas as pd

    answers = answers or {}
    columns = ["我方公司", *competitors]
    data = [[answers.get((row, col), "") for col in columns] for row in COMPETITOR_ROWS]
    return pd.DataFrame(data, index=pd.Index(COMPETITOR_ROWS, name="分析维度"), columns=columns)


class TemplateForm(CaseWidget):
    """A fill-in form: one text box per cell (``controls[key]``); ``table()`` exports what was typed,
    ``result`` shows how many cells are filled."""

    def __init__(self, kind: str = "customer", competitors=("竞争对手1", "竞争对手2")):
        self.kind, self.competitors = kind, competitors
        if kind == "customer":
            self.controls = {item: w.Textarea(placeholder=item) for items in CUSTOMER_ANALYSIS.values()
                             for item in items}
            rows = [r for dim, items in CUSTOMER_ANALYSIS.items()
                    for r in (heading(dim), *((item, self.controls[item]) for item in items))]
        elif kind == "competitor":
            columns = ("我方公司", *competitors)
            self.controls = {(r, col): w.Textarea(placeholder=f"{r} · {col}") for r in COMPETITOR_ROWS
                             for col in columns}
            rows = [row("分析维度", *columns, header=True),
                    *(row(r, *(self.controls[(r, col)] for col in columns)) for r in COMPETITOR_ROWS)]
        else:
            raise InputError(f"模板 只能是 customer 或 competitor，收到 '{kind}'。")
        self._show(form(*rows), self.controls.values())

    def answers(self) -> dict:
        return {k: c.value.strip() for k, c in self.controls.items()}

    def table(self):
        if self.kind == "customer":
            return customer_analysis_table(self.answers())
        return competitor_table(self.answers(), self.competitors)

    def render(self) -> str:
        filled = sum(1 for text in self.answers().values() if text)
        return f"<p>已填写 {filled} / {len(self.controls)} 项。用 <code>form.table()</code> 导出表格。</p>"
