"""Answer key of six_steps_close_and_collect (steps 4–6, case six_steps_bank_uniform)."""
from keyaccount.exercises.six_steps_close_and_collect import CASE, FAB_ORDER, LABELS
from keyaccount.six_steps import credit, receivables, value
from keyaccount.six_steps.case import load_six_steps_case

FAB_LETTER = {"feature": "F", "advantage": "A", "benefit": "B"}


def collection_level(days_overdue: float, amount: float) -> int:
    """催收流程的第几级（1 起）。"""
    return receivables.COLLECTION_LADDER.index(receivables.collection_step(days_overdue, amount)) + 1


def answer_key() -> dict:
    case = load_six_steps_case(CASE)
    return {
        "fab_parts": {LABELS[i]: FAB_LETTER[part] for i, part in enumerate(FAB_ORDER)},
        "proposal_order": [name for name, _ in value.PROPOSAL_PARTS],
        "meeting_outcomes": case.meeting_outcomes(large_sale=True),
        "closing_methods": {f"例句{i}": line.method for i, line in enumerate(case.closing_lines, 1)},
        "extra_sales": credit.extra_sales_for_bad_debt(case.credit.bad_debt, case.credit.net_margin),
        "months": credit.months_until_profit_gone(case.credit.net_margin, case.credit.annual_rate),
        "collection_levels": {r.customer: collection_level(r.days_overdue, r.amount) for r in case.receivables},
    }
