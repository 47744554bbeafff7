"""Answer key of the strategy_swot_tows exercise (case strategy_antelope).

The SWOT question sorts the statements whose quadrant is not debatable; the debatable ones are
asked separately ("by definition, which quadrant?"). The TOWS question gives each source
strategy with the statements it uses and asks for its kind.
"""
from keyaccount.exercises.strategy_swot_tows import labelled_statements, labelled_strategies


def answer_key() -> dict:
    statements = labelled_statements()
    return {
        "swot": {code: {label for label, s in statements.items() if not s.debatable and s.quadrant == code}
                 for code in "SWOT"},
        "by_definition": {label: s.also_accepted[0] for label, s in statements.items() if s.debatable},
        "tows": {label: s.kind for label, s in labelled_strategies().items()},
    }
