"""Questions of six_steps_close_and_collect (steps 4–6, case six_steps_bank_uniform), shown shuffled."""
from keyaccount.six_steps import value
from keyaccount.six_steps.case import load_six_steps_case

CASE = "six_steps_bank_uniform"
LABELS = "甲乙丙丁戊己庚"
FAB_ORDER = ("benefit", "feature", "advantage")     # 第 1 题打乱后的显示顺序
PROPOSAL_SHUFFLE = (4, 0, 6, 2, 5, 1, 3)            # 第 2 题打乱后的显示顺序


def fab_phrases() -> dict:
    """题号 → 案例第一条卖点的 F/A/B 三个短语（打乱顺序）。"""
    benefit = load_six_steps_case(CASE).benefits[0]
    return {LABELS[i]: getattr(benefit, part) for i, part in enumerate(FAB_ORDER)}


def shuffled_proposal_parts() -> list:
    return [value.PROPOSAL_PARTS[i][0] for i in PROPOSAL_SHUFFLE]
