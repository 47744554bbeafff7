"""Answer key of six_steps_win_the_account (steps 1–3, case six_steps_bank_uniform)."""
from keyaccount.exercises.six_steps_win_the_account import CASE, INFO_ASKED
from keyaccount.six_steps import analysis, needs, trust
from keyaccount.six_steps.case import load_six_steps_case


# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {"有机会": {"options": ["是", "否"]}}
# 需要判断的题（按规则对案例事实作出决定）；阶段角色、引导期阶段是记忆。
JUDGEMENT = {"不符合的标准", "有机会", "资料类别", "沟通风格", "问题类型"}


def answer_key() -> dict:
    case = load_six_steps_case(CASE)
    verdict = case.opportunity()
    return {
        "不符合的标准": {c.label for c in verdict.failed},
        "有机会": "是" if verdict.is_opportunity else "否",
        "资料类别": {label: next(k for k, items in analysis.CUSTOMER_INFO.items() if item in items)
                       for label, item in INFO_ASKED.items()},
        "沟通风格": {p.name: trust.identify_style(p.observed).styles[0] for p in case.people},
        "问题类型": {f"问题{i}": q.type for i, q in enumerate(case.spin_questions, 1)},
        "阶段角色": needs.roles_by_stage(),
        "引导期阶段": {s.name for s in needs.PURCHASE_PROCESS if s.period == "引导期"},
    }
