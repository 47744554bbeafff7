"""The case of the strategy_fishbone_plan exercise (strategy_kmobile)."""
from keyaccount.plan.case import load_project_case

CASE = "strategy_kmobile"


def case():
    return load_project_case(CASE)
