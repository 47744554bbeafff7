"""Answer key of the strategy_fishbone_plan exercise (case strategy_kmobile).

Fishbone: the bone of every fact, by the course's rule (fishbone.model.BONE_MEANING). Draft plan:
its faults, found by the kit's own plan rules. The learner's own plan: no single answer, the
plan rules (keyaccount.plan.written) from the project's first day to the tender close.
"""
from keyaccount.exercises.strategy_fishbone_plan import case, labelled_facts
from keyaccount.fishbone.model import DEFAULT_BONES
from keyaccount.plan.model import faulty_tasks
from keyaccount.plan.written import PlanRules


# 自查里显示的格式要求（学员能看到；不是答案）。
HINTS = {"鱼骨归类": {"each": {"options": list(DEFAULT_BONES)}}}
# 需要判断的题：每条事实该放哪根鱼骨。找草稿错误、计划的格式检查是按规则核对，不算在内。
JUDGEMENT = {"鱼骨归类"}


def answer_key() -> dict:
    c = case()
    return {
        "鱼骨归类": {label: cause.bone for label, cause in labelled_facts().items()},
        "草稿错误": faulty_tasks(c.tasks(draft=True), c.tender_close),
        "实施计划": PlanRules(c.tasks()[0].start, c.tender_close),
    }
