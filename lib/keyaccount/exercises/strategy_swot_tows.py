"""Answer key of the strategy_swot_tows exercise (case strategy_antelope).

Statements and strategies are shown under neutral labels (信息1 …, 策略1 …, ordered by
text) so that an id such as "S1" does not give the answer away. The SWOT question sorts the
statements whose quadrant is not debatable; the debatable ones are asked separately ("by
definition, which quadrant?"). The TOWS question gives each source strategy with the
statements it uses and asks for its kind.
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


def label_of(statement_id: str) -> str:
    return next(label for label, s in labelled_statements().items() if s.id == statement_id)


def answer_key() -> dict:
    statements = labelled_statements()
    return {
        "swot": {code: {label for label, s in statements.items() if not s.debatable and s.quadrant == code}
                 for code in "SWOT"},
        "by_definition": {label: s.also_accepted[0] for label, s in statements.items() if s.debatable},
        "tows": {label: s.kind for label, s in labelled_strategies().items()},
    }
