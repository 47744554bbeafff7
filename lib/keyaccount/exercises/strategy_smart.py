"""The case of the strategy_smart exercise (strategy_smart_goals)."""
from keyaccount.strategy.case import load_smart_case

CASE = "strategy_smart_goals"


def case():
    return load_smart_case(CASE)
