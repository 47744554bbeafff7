"""Answer keys of the section-C exercises come from the case files and the kit's own rules."""
from conftest import answer_key
from keyaccount.exercises import strategy_swot_tows as swot_ex
from keyaccount.swot import model as swot_model


def label_of(statement_id: str) -> str:
    return next(label for label, s in swot_ex.labelled_statements().items() if s.id == statement_id)


def test_swot_key_hides_ids_and_matches_the_reference():
    key = answer_key("strategy_swot_tows")
    cards = swot_ex.labelled_statements()
    assert all(label.startswith("信息") for label in cards)
    for code, labels in key["swot"].items():
        assert {cards[label].quadrant for label in labels} == {code}
    assert sum(map(len, key["swot"].values())) + len(key["by_definition"]) == len(cards)
    assert key["by_definition"][label_of("T3")] == "W"


def test_tows_key_agrees_with_the_quadrants_each_strategy_uses():
    case = swot_ex.case()
    swot = case.swot()
    for label, strategy in swot_ex.labelled_strategies().items():
        assert answer_key("strategy_swot_tows")["tows"][label] == strategy.kind
        assert swot_model.strategy_problems(strategy, swot) == []


def test_fishbone_plan_key_comes_from_the_case_and_the_plan_rules():
    key = answer_key("strategy_fishbone_plan")
    assert key["causes"]["竞争对手"] == {"K4", "K5", "K6", "K7"}
    assert key["plan_faults"] == {"日期顺序": {"D3"}, "截标前完成": {"D6", "D8"},
                                  "有责任人": {"D2", "D7"}, "有监控点": {"D4", "D7"}}


def test_every_expected_set_is_non_empty():
    """grading scores a set answer as a share of the expected set, so none may be empty."""
    for assignment, names in (("strategy_swot_tows", ("swot",)), ("strategy_fishbone_plan", ("causes", "plan_faults"))):
        key = answer_key(assignment)
        assert all(expected for name in names for expected in key[name].values())


def test_smart_key_has_one_broken_letter_per_goal_and_one_good_goal():
    faults = answer_key("strategy_smart")["smart_faults"]
    assert sorted(faults.values()) == sorted(["S", "M", "A", "R", "T", "无"])
