"""SWOT/TOWS model: quadrants, grading with partial credit, strategy checks, 羚羊 case file."""
import warnings
from io import BytesIO

import pytest

from conftest import key_references
from keyaccount.cases import CaseFileError, load_case
from keyaccount.swot import chart, model
from keyaccount.swot.case import SwotCase, load_swot_case


@pytest.fixture(scope="module")
def antelope():
    return load_swot_case("strategy_antelope", key_references()["strategy_antelope"])


def reference(swot):
    return {s.id: s.quadrant for s in swot.statements}


def test_quadrants_are_internal_external_by_favourable():
    assert model.quadrant_of(internal=True, favourable=True).code == "S"
    assert model.quadrant_of(internal=True, favourable=False).code == "W"
    assert model.quadrant_of(internal=False, favourable=True).code == "O"
    assert model.quadrant_of(internal=False, favourable=False).code == "T"


def test_antelope_case_holds_the_source_answer(antelope):
    swot = antelope.swot()
    assert [len(swot.in_quadrant(c)) for c in "SWOT"] == [4, 4, 4, 3]
    assert swot.statement("信息5").quadrant == "T" and "W" in swot.statement("信息5").accepted
    assert len(antelope.strategy_list()) == 15


def test_reference_answer_scores_full(antelope):
    swot = antelope.swot()
    assert model.swot_score(reference(swot), swot) == 1


def test_debatable_statement_is_right_in_either_quadrant(antelope):
    swot = antelope.swot()
    answer = reference(swot) | {"信息5": "W"}
    grades = model.grade_swot(answer, swot)
    assert grades["T"].share == 1 and grades["W"].share == 1


def test_misplaced_statement_costs_in_both_quadrants(antelope):
    swot = antelope.swot()
    grades = model.grade_swot(reference(swot) | {"信息11": "O"}, swot)
    assert grades["S"].missing == ("信息11",) and grades["S"].share == pytest.approx(3 / 4)
    assert grades["O"].wrong == ("信息11",) and grades["O"].share == pytest.approx(3 / 4)
    assert grades["W"].share == 1


def test_unplaced_statement_costs_its_quadrant(antelope):
    swot = antelope.swot()
    answer = reference(swot)
    del answer["信息3"]
    assert model.grade_swot(answer, swot)["W"].share == pytest.approx(3 / 4)


def test_unknown_statement_or_quadrant_is_named(antelope):
    swot = antelope.swot()
    with pytest.raises(ValueError, match="X9"):
        model.grade_swot({"X9": "S"}, swot)
    with pytest.raises(ValueError, match="优势"):
        model.grade_swot({"信息11": "优势"}, swot)


def test_duplicate_statement_ids_are_refused():
    s = model.Statement("S1", "品牌", "S")
    with pytest.raises(ValueError, match="S1"):
        model.Swot((s, s))


def test_reference_strategies_draw_on_their_two_quadrants(antelope):
    swot = antelope.swot()
    assert all(model.strategy_problems(s, swot) == [] for s in antelope.strategy_list())


def test_strategy_using_the_wrong_quadrant_is_flagged(antelope):
    swot = antelope.swot()
    problems = model.strategy_problems(model.Strategy("X", "扩大品牌", "SO", ("信息11", "信息9")), swot)
    assert any("信息9" in p for p in problems)
    assert any("还没有用到任何 O" in p for p in problems)


def test_tows_groups_in_matrix_order(antelope):
    grouped = model.tows(antelope.strategy_list())
    assert list(grouped) == ["SO", "WO", "ST", "WT"]
    assert [len(v) for v in grouped.values()] == [5, 3, 4, 3]


def test_wrap_keeps_every_character_and_counts_latin_as_half():
    text = "麋鹿、斑马 B 产品应用多，升级、扩容比羚羊有优势"
    lines = chart.wrap(text, 8)
    assert "".join(lines) == text
    assert max(sum(0.55 if ch.isascii() else 1 for ch in line) for line in lines) <= 8
    assert chart.wrap("OEM ABC 12345", 8) == ["OEM ABC 12345"]


@pytest.mark.parametrize("draw", ["swot", "tows"])
def test_charts_render_without_missing_glyphs(antelope, draw):
    swot = antelope.swot()
    fig = (chart.swot_chart(swot, wrong={"信息5"}) if draw == "swot"
           else chart.tows_chart(swot, antelope.strategy_list()))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")


def test_category_tag_is_shown():
    assert chart.statement_label(model.Statement("S1", "品质稳定", "S", category="Q")) == "S1 【Q】品质稳定"


def test_broken_case_file_names_the_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: swot\ntitle: 坏\nstatements:\n  - {id: S1, text: 品牌, quadrant: X}\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="statements.1.quadrant"):
        load_case(str(bad), SwotCase)


def test_ids_can_be_hidden_for_sorting():
    s = model.Statement("S1", "品质稳定", "S", category="Q")
    assert chart.statement_label(s, show_id=False) == "【Q】品质稳定"


def test_a_case_may_leave_quadrant_and_kind_to_the_learner(tmp_path):
    path = tmp_path / "exercise.yaml"
    path.write_text("kind: swot\ntitle: 练习\nstatements:\n  - {id: 信息1, text: 品牌}\n  - {id: 信息2, quadrant: S, text: 网络}\n"
                    "strategies:\n  - {id: 策略1, text: 推广}\n", encoding="utf-8")
    case = load_swot_case(str(path))
    assert [s.quadrant for s in case.swot(["信息2"]).statements] == ["S"]
    with pytest.raises(ValueError, match="信息1 的象限不在案例文件里（练习要学员自己判断）"):
        case.swot()
    with pytest.raises(ValueError, match="策略1 的类型不在案例文件里"):
        case.strategy_list()
    full = load_swot_case(str(path), {"statements": {"信息1": {"quadrant": "W"}}, "strategies": {"策略1": {"kind": "SO"}}})
    assert full.swot().statement("信息1").quadrant == "W" and full.strategy_list()[0].kind == "SO"


def test_a_wrong_strategy_kind_names_the_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: swot\ntitle: 坏\nstatements:\n  - {id: 信息1, text: 品牌}\nstrategies:\n  - {id: 策略1, text: 推广, kind: SX}\n",
                   encoding="utf-8")
    with pytest.raises(CaseFileError, match="字段 strategies.1.kind：只能是"):
        load_case(str(bad), SwotCase)
