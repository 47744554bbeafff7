"""Answer keys of the section-C exercises come from the case files and the kit's own rules."""
from keyaccount.exercises import answer_key
from keyaccount.exercises import strategy_swot_tows as swot_ex
from keyaccount.swot import model as swot_model


def test_swot_key_hides_ids_and_matches_the_reference():
    key = answer_key("strategy_swot_tows")
    cards = swot_ex.labelled_statements()
    assert all(label.startswith("信息") for label in cards)
    for code, labels in key["swot"].items():
        assert {cards[label].quadrant for label in labels} == {code}
    assert sum(map(len, key["swot"].values())) + len(key["by_definition"]) == len(cards)
    assert key["by_definition"][swot_ex.label_of("T3")] == "W"


def test_tows_key_agrees_with_the_quadrants_each_strategy_uses():
    case = swot_ex.case()
    swot = case.swot()
    for label, strategy in swot_ex.labelled_strategies().items():
        assert answer_key("strategy_swot_tows")["tows"][label] == strategy.kind
        assert swot_model.strategy_problems(strategy, swot) == []
