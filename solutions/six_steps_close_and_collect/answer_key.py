"""Answer key of six_steps_close_and_collect (steps 4–6, case six_steps_bank_uniform)."""
from keyaccount.exercises.six_steps_close_and_collect import CASE, FAB_PHRASES, YAYA_CASE, factor_names, labelled_yaya
from keyaccount.six_steps import credit, receivables, value
from keyaccount.six_steps.case import load_six_steps_case
from keyaccount.swot.case import load_swot_case

FAB_LETTER = {"feature": "F", "advantage": "A", "benefit": "B"}

# 练习案例里拿掉的参考事实：每次会谈里客户的行动（第一次只有客气话，没有行动）、每句成交话术用的方法。
MEETING_ACTIONS = ((), ("同意让你见更高一级的决策者",), ("部分接受原本根本不接受的预算",), ("明确拒绝，不再考虑我们",))
CLOSING_METHODS = ("直接建议法", "选择法", "促销法")
# 第 1 题：每个短语是卖点的哪一部分（F 特征、A 优点、B 利益）；案例文件的这条卖点由它们拼回。
FAB_PARTS = {"甲": "benefit", "乙": "feature", "丙": "advantage"}
BENEFIT = {**{part: FAB_PHRASES[label] for label, part in FAB_PARTS.items()}, "value": "提升网点的服务形象和客户满意度"}
# 第 3 题：鸭鸭 SWOT 案例里拿掉的 8 条事实的源文件象限和标签。
YAYA_FACTS = {
    "事实1": {"quadrant": "S", "category": "M-人才"},
    "事实2": {"quadrant": "O", "category": "S-市场"},
    "事实3": {"quadrant": "W", "category": "D/D-产量"},
    "事实4": {"quadrant": "T", "category": "P-政策"},
    "事实5": {"quadrant": "T", "category": "S-市场"},
    "事实6": {"quadrant": "O", "category": "E-经济"},
    "事实7": {"quadrant": "W", "category": "D/L-产品研发"},
    "事实8": {"quadrant": "S", "category": "C-成本/价格"},
}
REFERENCE = {CASE: {"benefits": [BENEFIT],
                    "meetings": [{"actions": list(a)} for a in MEETING_ACTIONS],
                    "closing_lines": [{"method": m} for m in CLOSING_METHODS]},
             YAYA_CASE: {"statements": YAYA_FACTS}}


# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "卖点拆解": {"each": {"options": ["F", "A", "B"]}},
    "催收级别": {"each": {"options": [1, 2, 3, 4, 5]}},
    "鸭鸭象限": {"each": {"options": ["S", "W", "O", "T"]}},
    "鸭鸭标签": {"each": {"options": factor_names()}},
}
# 需要判断的题（按规则对案例事实作出决定）；其余是记忆或计算。
JUDGEMENT = {"卖点拆解", "鸭鸭象限", "鸭鸭标签", "会谈结果", "成交方法", "催收级别"}
# 算出来的数（金额、得分、次数）：答错时告诉学员偏大还是偏小（其余的题只说“不正确”，免得试几次就试出答案）。
AMOUNTS = {"需补销售额", "利润吃光月数"}


def collection_level(days_overdue: float, amount: float) -> int:
    """催收流程的第几级（1 起）。"""
    return receivables.COLLECTION_LADDER.index(receivables.collection_step(days_overdue, amount)) + 1


def factor_name(statement) -> str:
    """The QQCDMS name of an internal fact, the PEST name of an external one (S is 销售/服务 or 市场)."""
    family, code = value.source_tag(statement).split(":")
    return (value.QQCDMS if family == "QQCDMS" else value.PEST)[code]


def answer_key() -> dict:
    case = load_six_steps_case(CASE, REFERENCE[CASE])
    yaya = labelled_yaya(load_swot_case(YAYA_CASE, REFERENCE[YAYA_CASE]))
    return {
        "卖点拆解": {label: FAB_LETTER[part] for label, part in FAB_PARTS.items()},
        "建议书顺序": [name for name, _ in value.PROPOSAL_PARTS],
        "鸭鸭象限": {label: s.quadrant for label, s in yaya.items()},
        "鸭鸭标签": {label: factor_name(s) for label, s in yaya.items()},
        "会谈结果": case.meeting_outcomes(large_sale=True),
        "成交方法": {f"例句{i}": line.method for i, line in enumerate(case.closing_lines, 1)},
        "需补销售额": credit.extra_sales_for_bad_debt(case.credit.bad_debt, case.credit.net_margin),
        "利润吃光月数": credit.months_until_profit_gone(case.credit.net_margin, case.credit.annual_rate),
        "催收级别": {r.customer: collection_level(r.days_overdue, r.amount) for r in case.receivables},
    }
