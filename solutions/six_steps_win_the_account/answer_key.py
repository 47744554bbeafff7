"""Answer key of six_steps_win_the_account (steps 1–3, case six_steps_bank_uniform)."""
from keyaccount.exercises.six_steps_win_the_account import CASE, INFO_ASKED
from keyaccount.six_steps import analysis, needs, trust
from keyaccount.six_steps.case import load_six_steps_case


def answer_key() -> dict:
    case = load_six_steps_case(CASE)
    verdict = case.opportunity()
    return {
        "failed_criteria": {c.label for c in verdict.failed},
        "has_opportunity": "是" if verdict.is_opportunity else "否",
        "info_kinds": {label: next(k for k, items in analysis.CUSTOMER_INFO.items() if item in items)
                       for label, item in INFO_ASKED.items()},
        "styles": {p.name: trust.identify_style(p.observed).styles[0] for p in case.people},
        "spin": {f"问题{i}": q.type for i, q in enumerate(case.spin_questions, 1)},
        "roles": needs.roles_by_stage(),
        "guidance_stages": {s.name for s in needs.PURCHASE_PROCESS if s.period == "引导期"},
    }
