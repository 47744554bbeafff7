"""Answer key of the strategy_fishbone_plan exercise (case strategy_kmobile).

Fishbone: the reference bone of every cause card. Plan: the draft plan's faults, found by
the kit's own plan rules.
"""
from keyaccount.exercises.strategy_fishbone_plan import case
from keyaccount.fishbone.model import by_bone
from keyaccount.plan.model import faulty_tasks


def answer_key() -> dict:
    c = case()
    return {
        "causes": {bone: set(ids) for bone, ids in by_bone(c.fishbone.fishbone()).items()},
        "plan_faults": faulty_tasks(c.tasks(draft=True), c.tender_close),
    }
