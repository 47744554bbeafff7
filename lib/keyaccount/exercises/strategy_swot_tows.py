"""Questions of the strategy_swot_tows exercise (case strategy_antelope).

Statements and strategies are shown under neutral labels (信息1 …, 策略1 …, ordered by
text) so that an id such as "S1" does not give the answer away.
"""
from keyaccount.swot.case import load_swot_case

CASE = "strategy_antelope"


def case():
    return load_swot_case(CASE)


def labelled_statements() -> dict:
    """{"信息1": Statement, …} in the order of their text."""
    ordered = sorted(case().swot().statements, key=lambda s: s.text)
    return {f"信息{n}": s for n, s in enumerate(ordered, start=1)}


def labelled_strategies() -> dict:
    """{"策略1": Strategy, …} in the order of their text."""
    ordered = sorted(case().strategy_list(), key=lambda s: s.text)
    return {f"策略{n}": s for n, s in enumerate(ordered, start=1)}
