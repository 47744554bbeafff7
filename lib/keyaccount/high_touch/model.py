"""High-touch selling as data: value chain, cycle, buying cycle, question types, business
value, the three value-statement templates, and the G-POST form with its objective rules.

The source slides give the headings (目标, 行动重点, 归纳, 举例) but not their contents;
the goals and question examples here are the kit's own wording.
"""
import re
from dataclasses import dataclass
from datetime import date

from keyaccount import validation as v
from keyaccount.six_steps.needs import SPIN

VALUE_CHAIN = ("业务状况", "业务驱动", "新项目", "能力", "区别", "解决方案")
SELLING_KINDS = ("产品销售", "解决方案销售", "高接触销售")


@dataclass(frozen=True)
class CycleStage:
    name: str
    goal: str
    buying_steps: tuple   # 对应的客户购买循环步骤


CYCLE = (
    CycleStage("发现", "找到客户的业务驱动因素和潜在机会", ("业务驱动",)),
    CycleStage("界定", "确认客户有立项的新项目，判断是否值得投入", ("新的项目",)),
    CycleStage("合理定位", "影响客户对问题和选择的分析，让我们处于有利位置", ("分析问题/选择",)),
    CycleStage("开发方案", "和客户、伙伴一起设计满足决策标准的方案", ("评估供应商",)),
    CycleStage("证实价值", "用客户的指标证明方案的商业价值，成为首选", ("选择供应商",)),
    CycleStage("签单和执行", "谈判签约，启动项目", ("签订合同", "启动项目")),
    CycleStage("传递价值", "在实施和运营中兑现并衡量承诺的价值，带来新机会", ("实施项目", "开展业务")),
)
BUYING_CYCLE = tuple(step for stage in CYCLE for step in stage.buying_steps)


@dataclass(frozen=True)
class QuestionType:
    name: str
    purpose: str
    example: str
    spin_letter: str      # 最接近的 SPIN 类型（keyaccount.six_steps.needs.SPIN）


QUESTION_TYPES = (
    QuestionType("形势", "了解客户的现状和背景", "贵公司现在的订单是怎样从接单流转到发货的？", "S"),
    QuestionType("问题", "找出客户的困难、不满和风险", "哪个环节最容易出错或拖延？", "P"),
    QuestionType("结果", "让客户看到问题的后果有多严重", "发货延误一次，对主机厂的评分有什么影响？", "I"),
    QuestionType("价值", "让客户说出解决问题的回报", "如果交期缩短一半，对明年的订单意味着什么？", "N"),
)


def spin_comparison() -> list:
    """[(高接触的问题类型, SPIN 类型名称, SPIN 英文)] side by side."""
    spin = {t.letter: t for t in SPIN}
    return [(q.name, spin[q.spin_letter].name, spin[q.spin_letter].english) for q in QUESTION_TYPES]


# 商业价值：能力的三个方面、价值的三个来源、成本的三个部分
CAPABILITIES = {"产品/服务": "你销售什么", "过程": "你怎样传递价值", "人员": "谁传递价值"}
VALUE_SOURCES = {"利润": "收入增长或成本下降", "成本": "采购成本、持有成本、使用成本", "风险/后果": "降低风险、避免不良后果"}
DRIVER_KINDS = {"内部压力": ("优势", "劣势"), "外部压力": ("机会", "威胁")}
VALUE_QUESTIONS = ("问题是什么？", "对客户的影响如何？", "后果或回报是什么？", "我们怎样提供帮助？")


@dataclass(frozen=True)
class Initiative:
    """业务驱动 → 新项目 → 关键成功因素 (CSFs: 确保新项目成功的必须事项和必备资源)."""

    driver: str
    initiative: str
    csfs: tuple

    def __post_init__(self):
        _filled("业务驱动", self.driver)
        _filled("新项目", self.initiative)
        if not self.csfs:
            raise v.InputError("关键成功因素 至少要写一条。")
        for i, csf in enumerate(self.csfs, start=1):
            _filled(f"第 {i} 条关键成功因素", csf)


# ---------------------------------------------------------------- value statements
VALUE_TEMPLATES = (
    "通过实施我们的{解决方案}，你可以实现{可衡量的成果}的{新项目}。"
    "我们为{相似的情况或客户}提供了{过去传递的价值}。",
    "从{现在的情况}转为{我们的方案}，你可以影响{业务驱动因素}，获得{可衡量的成果}，"
    "我们将通过{价值跟踪系统}进行追踪，按{频率}向你报告。",
    "我们通过实施{解决方案}，帮助你处理{紧急而重要的事项}，能{可衡量的成果}。"
    "我们将通过{风险/回报分享策略}保证你的投资回报。",
)


def template_blanks(number: int) -> tuple:
    """The blanks of value-statement template 1, 2 or 3, in order."""
    v.one_of("模板编号", number, (1, 2, 3))
    return tuple(dict.fromkeys(re.findall(r"{([^}]+)}", VALUE_TEMPLATES[number - 1])))


def value_statement(number: int, blanks: dict) -> str:
    """Fill template ``number``; an empty, missing or unknown blank is refused by name."""
    needed = template_blanks(number)
    unknown = [k for k in blanks if k not in needed]
    if unknown:
        raise v.InputError(f"模板 {number} 没有这些空：{'、'.join(unknown)}。应填：{'、'.join(needed)}。")
    filled = {k: _filled(k, blanks.get(k)) for k in needed}
    return VALUE_TEMPLATES[number - 1].format(**filled)


def _filled(label: str, text) -> str:
    if not isinstance(text, str) or not text.strip():
        raise v.InputError(f"{label} 还没有填写，收到的是 {text!r}。")
    return text.strip().rstrip("。，,.")


# ---------------------------------------------------------------- G-POST
GPOST = (
    ("G", "Goal", "目的", "长期愿景，定义和客户的关系"),
    ("P", "Profile", "状态", "客户信息：宏观（年报、公司状况、行业趋势）与微观（机会分析的 20 个因素）"),
    ("O", "Objective", "目标", "详细（产品/服务）、可衡量（订单数或金额）、有时限（签单时间）"),
    ("S", "Strategy", "战略", "勾画整体步骤，达到目标的途径"),
    ("T", "Tactics", "行动", "与战略紧密相连，分配到个人，方式因人而定"),
)


@dataclass(frozen=True)
class Objective:
    """目标 = 详细 + 可衡量 + 有时限."""

    offering: str       # 详细：卖什么产品/服务
    amount: float       # 可衡量：订单金额（万元）或订单数
    sign_by: date       # 有时限：签单时间

    def __post_init__(self):
        _filled("目标的产品/服务（详细）", self.offering)
        v.positive("目标的订单金额或数量（可衡量）", self.amount)
        if not isinstance(self.sign_by, date):
            raise v.InputError(f"目标的签单时间（有时限）应该是一个日期，收到的是 {self.sign_by!r}。")

    def text(self, unit: str = "万元") -> str:
        return f"在 {self.sign_by:%Y年%m月%d日} 前签下 {self.offering}，金额 {self.amount:g}{unit}"


@dataclass(frozen=True)
class Tactic:
    action: str
    owner: str          # 分配到个人
    due: date

    def __post_init__(self):
        _filled("行动", self.action)
        _filled(f"行动“{self.action}”的负责人", self.owner)


@dataclass(frozen=True)
class GPostPlan:
    goal: str
    profile: str
    objective: Objective
    strategy: str
    tactics: tuple

    def __post_init__(self):
        _filled("目的 G", self.goal)
        _filled("状态 P", self.profile)
        _filled("战略 S", self.strategy)
        if not self.tactics:
            raise v.InputError("行动 T 至少要有一项。")
        late = [t.action for t in self.tactics if t.due > self.objective.sign_by]
        if late:
            raise v.InputError(f"这些行动晚于签单时间 {self.objective.sign_by}：{'、'.join(late)}。")
