"""Answer key of the strategy_fishbone_plan exercise (case strategy_kmobile).

Fishbone: the reference bone of every cause card. Plan: the draft plan's faults, found by
the kit's own plan rules.
"""
from keyaccount.fishbone.model import by_bone
from keyaccount.plan.case import load_project_case
from keyaccount.plan.model import faulty_tasks

CASE = "strategy_kmobile"


def case():
    return load_project_case(CASE)


def answer_key() -> dict:
    c = case()
    return {
        "causes": {bone: set(ids) for bone, ids in by_bone(c.fishbone.fishbone()).items()},
        "plan_faults": faulty_tasks(c.tasks(draft=True), c.tender_close),
    }
