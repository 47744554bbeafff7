"""SWOT sorter and TOWS builder driven headless."""
import pytest

from conftest import key_references
from keyaccount.swot.case import load_swot_case
from keyaccount.swot.widget import SwotSorter, TowsBuilder

PNG = b"\x89PNG"


@pytest.fixture
def case():
    return load_swot_case("strategy_antelope", key_references()["strategy_antelope"])


def test_sorter_scores_the_reference_answer_full(case):
    sorter = SwotSorter(case.swot())
    for s in case.swot().statements:
        sorter.controls[s.id].value = s.quadrant
    assert "总得分 <b>100%</b>" in sorter.result.value
    assert sorter.figure.value.tobytes().startswith(PNG)


def test_sorter_shows_a_misplaced_statement(case):
    sorter = SwotSorter(case.swot())
    sorter.controls["信息11"].value = "O"
    assert "放错进来 1 条" in sorter.result.value


def test_sorter_reveals_debatable_notes_on_request(case):
    sorter = SwotSorter(case.swot())
    assert "信息5" not in sorter.result.value
    sorter.show_answer.value = True
    assert "信息5" in sorter.result.value and "劣势" in sorter.result.value


def test_tows_builder_adds_only_a_valid_strategy(case):
    builder = TowsBuilder(case.swot())
    builder.text.value, builder.kind.value, builder.uses.value = "加强培训", "WO", ("信息9", "信息8")
    assert "还没有用到任何 O" in builder.result.value
    builder.add.click()
    assert builder.strategies == []
    builder.uses.value = ("信息9", "信息12")
    builder.add.click()
    assert [s.id for s in builder.strategies] == ["WO1"] and "已有 1 条" in builder.result.value
    assert "已添加 WO1：加强培训" in builder.result.value and "还不能添加" not in builder.result.value
    builder.text.value = "再来一条"
    assert "已添加" not in builder.result.value and "还不能添加" in builder.result.value
    builder.remove_last.click()
    assert builder.strategies == []
