"""Answer key of the strategy_smart exercise (case strategy_smart_goals): the SMART letter
each goal breaks ("无" when it breaks none), found by the kit's own SMART checker."""
from keyaccount.exercises.strategy_smart import case
from keyaccount.strategy.smart import smart_check

NONE = "无"


# 自查里显示的格式要求（学员能看到；不是答案）。
HINTS = {"违反的原则": {"each": {"options": ["S", "M", "A", "R", "T", "无"]}}}
# 需要判断的题：按 SMART 的五条要求判断每个目标违反了哪一条。
JUDGEMENT = {"违反的原则"}


def broken_letters(goal, today) -> str:
    """The letters a goal breaks, e.g. "M", or "无"."""
    return "".join(letter for letter, problem in smart_check(goal, today).items() if problem) or NONE


def answer_key() -> dict:
    c = case()
    return {"违反的原则": {label: broken_letters(goal, c.today) for label, goal in c.goal_list().items()}}
