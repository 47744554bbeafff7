"""Answer key of six_steps_close_and_collect (steps 4–6, case six_steps_bank_uniform)."""
from keyaccount.exercises.six_steps_close_and_collect import CASE, FAB_ORDER, LABELS, factor_names, yaya_statements
from keyaccount.six_steps import credit, receivables, value
from keyaccount.six_steps.case import load_six_steps_case

FAB_LETTER = {"feature": "F", "advantage": "A", "benefit": "B"}


# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "卖点拆解": {"each": {"options": ["F", "A", "B"]}},
    "催收级别": {"each": {"options": [1, 2, 3, 4, 5]}},
    "鸭鸭象限": {"each": {"options": ["S", "W", "O", "T"]}},
    "鸭鸭标签": {"each": {"options": factor_names()}},
}
# 需要判断的题（按规则对案例事实作出决定）；其余是记忆或计算。
JUDGEMENT = {"卖点拆解", "鸭鸭象限", "鸭鸭标签", "会谈结果", "成交方法", "催收级别"}


def collection_level(days_overdue: float, amount: float) -> int:
    """催收流程的第几级（1 起）。"""
    return receivables.COLLECTION_LADDER.index(receivables.collection_step(days_overdue, amount)) + 1


def factor_name(statement) -> str:
    """The QQCDMS name of an internal fact, the PEST name of an external one (S is 销售/服务 or 市场)."""
    family, code = value.source_tag(statement).split(":")
    return (value.QQCDMS if family == "QQCDMS" else value.PEST)[code]


def answer_key() -> dict:
    case = load_six_steps_case(CASE)
    return {
        "卖点拆解": {LABELS[i]: FAB_LETTER[part] for i, part in enumerate(FAB_ORDER)},
        "建议书顺序": [name for name, _ in value.PROPOSAL_PARTS],
        "鸭鸭象限": {label: s.quadrant for label, s in yaya_statements().items()},
        "鸭鸭标签": {label: factor_name(s) for label, s in yaya_statements().items()},
        "会谈结果": case.meeting_outcomes(large_sale=True),
        "成交方法": {f"例句{i}": line.method for i, line in enumerate(case.closing_lines, 1)},
        "需补销售额": credit.extra_sales_for_bad_debt(case.credit.bad_debt, case.credit.net_margin),
        "利润吃光月数": credit.months_until_profit_gone(case.credit.net_margin, case.credit.annual_rate),
        "催收级别": {r.customer: collection_level(r.days_overdue, r.amount) for r in case.receivables},
    }
