"""Answer keys of the section-C exercises come from the case files and the kit's own rules; half-right
submissions get their designed points; most of the module's points ask for a judgement."""
import re

import pytest

from conftest import answer_key, key_references
from exercise_points import judgement_share, stock_points, submission_points
from keyaccount.compare import compare
from keyaccount.exercises import strategy_fishbone_plan as fishbone_ex
from keyaccount.exercises import strategy_swot_tows as swot_ex
from keyaccount.fishbone.model import DEFAULT_BONES
from keyaccount.swot import model as swot_model
from keyaccount.swot.case import load_swot_case

ANTELOPE = load_swot_case(swot_ex.CASE, key_references()[swot_ex.CASE])   # as the instructor knows it


def test_swot_key_hides_ids_and_matches_the_reference():
    key = answer_key("strategy_swot_tows")
    cards = swot_ex.labelled_statements(ANTELOPE)
    assert all(label.startswith("信息") for label in cards)
    assert swot_ex.cards() | swot_ex.cards(debatable=True) == {label: s.text for label, s in cards.items()}
    assert set(swot_ex.cards(debatable=True)) == {label for label, s in cards.items() if s.debatable}
    for code, labels in key["SWOT分类"].items():
        assert {cards[label].quadrant for label in labels} == {code}
    assert sum(map(len, key["SWOT分类"].values())) + len(key["按定义归类"]) == len(cards)
    assert key["按定义归类"]["信息5"] == "W" and cards["信息5"].text == "羚羊商用实例少，对客户说服力不强"


def test_the_shipped_case_gives_the_asked_cards_and_strategies_as_text_only():
    """What a learner can load: no quadrant, kind or uses for what the exercise asks, ids that tell nothing."""
    shipped = load_swot_case(swot_ex.CASE)
    asked = [s for s in shipped.statements if s.id in swot_ex.ASKED_STATEMENTS]
    assert len(asked) == 8 and all(s.quadrant is None and not s.also_accepted and not s.note for s in asked)
    strategies = [s for s in shipped.strategies if s.id in swot_ex.ASKED_STRATEGIES]
    assert len(strategies) == 11 and all(s.kind is None and not s.uses for s in strategies)
    assert all(re.fullmatch(r"(信息|策略)\d+", item.id) for item in (*shipped.statements, *shipped.strategies))
    with pytest.raises(ValueError, match="信息1、.*象限不在案例文件里"):
        shipped.swot()
    with pytest.raises(ValueError, match="策略1、.*类型不在案例文件里"):
        shipped.strategy_list()


def test_lesson_30_works_on_cards_and_strategies_the_exercise_does_not_ask():
    """The lesson's worked example and the exercise split the case; lesson strategies draw on lesson cards only."""
    shipped = load_swot_case(swot_ex.CASE)
    lesson = shipped.swot(swot_ex.lesson_ids(swot_ex.CASE, shipped.statements)).statements   # the file classifies them
    asked = swot_ex.labelled_statements(ANTELOPE).values()
    assert {s.id for s in lesson}.isdisjoint(s.id for s in asked)
    assert len(lesson) + len(asked) == len(ANTELOPE.statements) and any(s.debatable for s in lesson)
    strategies = shipped.strategy_list(swot_ex.lesson_ids(swot_ex.CASE, shipped.strategies))
    assert {s.kind for s in strategies} == set(swot_model.STRATEGY_CODES)
    assert {s.id for s in strategies}.isdisjoint(s.id for s in swot_ex.labelled_strategies(ANTELOPE).values())
    assert all(set(s.uses) <= {x.id for x in lesson} for s in strategies)
    other = load_swot_case("six_steps_yaya_swot").statements
    assert swot_ex.lesson_ids("six_steps_yaya_swot", other) == tuple(s.id for s in other)   # another case is shown whole


def test_tows_key_agrees_with_the_quadrants_each_strategy_uses():
    swot = ANTELOPE.swot()
    for label, strategy in swot_ex.labelled_strategies(ANTELOPE).items():
        assert answer_key("strategy_swot_tows")["策略类型"][label] == strategy.kind
        assert swot_model.strategy_problems(strategy, swot) == []


def test_tows_strategies_are_told_in_words_and_classifiable_by_definition():
    """Q3 shows what each strategy builds on, never card labels; read by the definitions of Q1 and Q2
    (a debatable card in its other quadrant), every strategy still draws on its two quadrants (定位、强化样板点 too)."""
    swot = ANTELOPE.swot()
    by_definition = {s.id: (s.also_accepted[0] if s.debatable else s.quadrant) for s in swot.statements}
    for label, strategy in swot_ex.labelled_strategies(ANTELOPE).items():
        assert strategy.why and "信息" not in strategy.why and not re.search(r"(?<![A-Za-z])[SWOT](?![A-Za-z])", strategy.why)
        kind = swot_model.strategy_kind(strategy.kind)
        used = {by_definition[i] for i in strategy.uses}
        assert {kind.internal, kind.external} <= used, (label, strategy.text, used)


def test_fishbone_facts_do_not_name_their_bone_and_the_key_places_each():
    key = answer_key("strategy_fishbone_plan")
    facts = fishbone_ex.labelled_facts()
    assert list(key["鱼骨归类"]) == [f"事实{n}" for n in range(1, len(facts) + 1)]
    for label, fact in facts.items():
        assert fact.bone == "" and key["鱼骨归类"][label] in DEFAULT_BONES   # the shipped case leaves the bone out
        assert not any(bone in fact.text for bone in DEFAULT_BONES), fact.text
        assert not any(word in fact.text for word in ("样板", "资源", "服务策略", "报价", "支持者")), fact.text
    assert set(key["鱼骨归类"].values()) == set(DEFAULT_BONES)


def test_fishbone_plan_key_comes_from_the_case_and_the_plan_rules():
    key = answer_key("strategy_fishbone_plan")
    assert key["草稿错误"] == {"日期顺序": {"D3"}, "截标前完成": {"D6", "D8"},
                                  "有责任人": {"D2", "D7"}, "有监控点": {"D4", "D7"}}


def test_every_expected_set_is_non_empty():
    """grading scores a set answer as a share of the expected set, so none may be empty."""
    for assignment, names in (("strategy_swot_tows", ("SWOT分类",)), ("strategy_fishbone_plan", ("草稿错误",))):
        key = answer_key(assignment)
        assert all(expected for name in names for expected in key[name].values())


def test_smart_key_has_one_broken_letter_per_goal_and_one_good_goal():
    faults = answer_key("strategy_smart")["违反的原则"]
    assert sorted(faults.values()) == sorted(["S", "M", "A", "R", "T", "无"])


def task(tid, start, end, bone, before, **blank):
    """One task of a written plan, every column filled unless given in ``blank``."""
    filled = {"编号": tid, "项目分解": "分解", "项目内容": "内容", "项目目标": "目标", "开始": start, "结束": end,
              "责任人": "小王", "资源调用": "资源", "监控点": "纪要", "对应鱼骨": bone, "前置任务": before}
    return {**filled, **blank}


# four tasks, each breaking one check but the first; no task works on 服务策略
FLAWED_PLAN = [task("T1", "2026-11-24", "2026-11-26", "公司资源", []),
               task("T2", "2026-11-27", "2026-12-05", "客户关系", ["T1"], 监控点=""),
               task("T3", "2026-12-06", "2026-12-27", "竞争对手", ["T2"]),
               task("T4", "2026-12-01", "2026-12-10", "商务策略", ["T3"])]
FLAWED_SHARE = (3 / 5 * 3 + 2 / 3) / 4     # three of four tasks pass, out of the five a plan needs; two of three bones
GOOD_PLAN = [task("T1", "2026-11-24", "2026-11-26", "公司资源", []),
             task("T2", "2026-11-27", "2026-12-05", "客户关系", ["T1"]),
             task("T3", "2026-11-27", "2026-12-04", "竞争对手", "T1"),          # one id as text is fine
             task("T4", "2026-12-05", "2026-12-14", "服务策略", ["T3"]),
             task("T5", "2026-12-15", "2026-12-25", "项目进度", ["T2", "T4"])]


def test_written_plan_is_graded_by_its_checks():
    rules = answer_key("strategy_fishbone_plan")["实施计划"]
    assert rules.findings(FLAWED_PLAN) == {"栏目齐全": ["T2"], "起止日期": ["T3"], "先后顺序": ["T4"], "覆盖鱼骨": ["服务策略"]}
    share, lines = compare(FLAWED_PLAN, rules)
    assert share == pytest.approx(FLAWED_SHARE)
    assert lines[0].startswith("✗ 栏目齐全") and "T2" in lines[0] and "5 项" in lines[-1]
    assert compare(GOOD_PLAN, rules) == (1.0, ["✓ 栏目齐全", "✓ 起止日期", "✓ 先后顺序", "✓ 覆盖鱼骨"])
    assert compare([], rules)[0] == 0 and compare(None, rules)[0] == 0 and compare("计划", rules)[0] == 0


def test_a_copied_example_task_is_not_a_plan():
    rules = answer_key("strategy_fishbone_plan")["实施计划"]
    assert compare(GOOD_PLAN[:1], rules)[0] == pytest.approx((1 / 5 * 3 + 0) / 4)


def test_written_plan_refuses_a_waiting_task_that_starts_too_early_or_a_task_without_predecessor():
    rules = answer_key("strategy_fishbone_plan")["实施计划"]
    plan = [task("T1", "2026-11-24", "2026-11-30", "客户关系", []),
            task("T2", "2026-11-29", "2026-12-02", "竞争对手", ["T1"]),    # starts before T1 ends
            task("T3", "2026-12-03", "2026-12-04", "服务策略", []),        # not the first, waits for nothing
            task("T4", "2026-12-05", "2026-12-06", "服务策略", ["T9"]),    # waits for a task that is not there
            task("T5", "2026-12-01", "2026-12-30", "服务策略", "T1"),      # ends after the tender close
            task("T6", "2026-11-20", "2026-11-22", "服务策略", []),        # before the first day, and waits for nothing
            task("T7", "2026-12-10", "2026-12-09", "服务策略", ["T1"])]    # ends before it starts
    assert rules.findings(plan)["先后顺序"] == ["T2", "T3", "T4", "T6"]
    assert rules.findings(plan)["起止日期"] == ["T5", "T6", "T7"]


@pytest.mark.nbgrader
def test_half_right_swot_tows_gets_its_designed_points(tmp_path):
    key = answer_key("strategy_swot_tows")
    swot, strategies = key["SWOT分类"], key["策略类型"]
    w = sorted(swot["W"])
    half = {"SWOT分类": {"S": sorted(swot["S"]), "W": w[:1], "O": [*sorted(swot["O"]), w[1]], "T": []},  # 1, 1/2, 0, 0
            "按定义归类": {**key["按定义归类"], next(iter(key["按定义归类"])): "O"},                        # 1 of 2
            "策略类型": {**strategies, "策略6": "SO", "策略9": "WT"}}                                        # 9 of 11
    assert submission_points("strategy_swot_tows", key) == 16
    expected = round(8 * 1.5 / 4 + 3 / 2 + 5 * 9 / 11, 2)
    assert submission_points("strategy_swot_tows", half) == expected
    assert stock_points(tmp_path, "strategy_swot_tows", half) == expected


@pytest.mark.nbgrader
def test_half_right_smart_gets_its_designed_points(tmp_path):
    key = answer_key("strategy_smart")["违反的原则"]
    labels = sorted(key)
    half = {**key, **{label: ("无" if key[label] != "无" else "S") for label in labels[:3]}}
    assert submission_points("strategy_smart", {"违反的原则": half}) == 3
    assert stock_points(tmp_path, "strategy_smart", {"违反的原则": half}) == 3


@pytest.mark.nbgrader
def test_half_right_fishbone_plan_gets_its_designed_points(tmp_path):
    key = answer_key("strategy_fishbone_plan")
    bones = key["鱼骨归类"]
    wrong = {label: ("客户需求" if bone != "客户需求" else "客户关系") for label, bone in list(bones.items())[:6]}
    half = {"鱼骨归类": {**bones, **wrong},                                                     # 9 of 15
            "草稿错误": {"日期顺序": ["D3"], "截标前完成": ["D6"], "有责任人": ["D2", "D7"], "有监控点": []},  # 1, 1/2, 1, 0
            "实施计划": FLAWED_PLAN}
    assert submission_points("strategy_fishbone_plan", {**key, "实施计划": GOOD_PLAN}) == 20
    expected = round(8 * 9 / 15, 2) + 6 * 2.5 / 4 + round(6 * FLAWED_SHARE, 2)
    assert submission_points("strategy_fishbone_plan", half) == expected
    assert stock_points(tmp_path, "strategy_fishbone_plan", half) == pytest.approx(expected)


def test_at_least_half_of_the_module_points_are_judgements():
    assert judgement_share("strategy") >= 0.5


def test_a_written_plan_has_a_list_form_and_no_single_wrong_value_in_the_class_report():
    from keyaccount.course.answers import _wrong
    from keyaccount.course.formspec import build_form

    from conftest import ROOT

    rules = answer_key("strategy_fishbone_plan")["实施计划"]
    assert build_form(ROOT / "solutions", "strategy_fishbone_plan")["answers"]["实施计划"] == {"type": "list"}
    assert _wrong(FLAWED_PLAN, rules) == []
