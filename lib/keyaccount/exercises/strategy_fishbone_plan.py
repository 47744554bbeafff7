"""The case of the strategy_fishbone_plan exercise (strategy_kmobile) and its facts under neutral labels.

The facts are numbered in the order of their text (事实1 …), so that neither an id such as "K4"
nor the case file's order groups them by bone.
"""
from keyaccount.plan.case import load_project_case

CASE = "strategy_kmobile"


def case():
    return load_project_case(CASE)


def labelled_facts() -> dict:
    """{"事实1": Cause, …} in the order of their text."""
    ordered = sorted(case().fishbone.causes, key=lambda cause: cause.text)
    return {f"事实{n}": cause for n, cause in enumerate(ordered, start=1)}
