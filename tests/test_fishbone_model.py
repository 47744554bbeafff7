"""Fishbone: add/move/remove causes, grading per bone, the K 移动 case, the drawing."""
import warnings
from io import BytesIO

import pytest

from conftest import key_references
from keyaccount.fishbone import chart, model
from keyaccount.plan.case import load_project_case


@pytest.fixture(scope="module")
def kmobile():
    return load_project_case("strategy_kmobile", key_references()["strategy_kmobile"]).fishbone.fishbone()   # with the key's bones


def test_default_bones_include_the_source_bones():
    assert set(model.SOURCE_BONES) <= set(model.DEFAULT_BONES)


def test_kmobile_case_puts_its_facts_on_bones(kmobile):
    texts = " ".join(c.text for c in kmobile.causes)
    for fact in ("李副总", "徐经理", "王总", "郑总", "N 公司", "AA 公司", "12 月 25 日"):
        assert fact in texts
    assert [c.id for c in kmobile.on("竞争对手")] == ["K4", "K5", "K6", "K7"]


def test_add_move_remove_return_new_fishbones():
    empty = model.Fishbone("赢得项目")
    one = empty.add("客户高层不认识我们", "客户关系")
    assert empty.causes == () and one.causes[0].id == "C1"
    moved = one.move("C1", "竞争对手")
    assert moved.on("竞争对手")[0].text == "客户高层不认识我们" and one.on("客户关系")
    assert moved.add("报价偏高", "商务策略").causes[-1].id == "C2"
    assert moved.remove("C1").causes == ()


def test_unknown_bone_and_empty_cause_are_refused():
    fb = model.Fishbone("赢得项目")
    with pytest.raises(ValueError, match="天气"):
        fb.add("下雨", "天气")
    with pytest.raises(ValueError, match="不能为空"):
        fb.add("  ", "客户关系")
    with pytest.raises(ValueError, match="C9"):
        fb.move("C9", "客户关系")


def test_grading_gives_partial_credit_per_bone(kmobile):
    answer = {c.id: c.bone for c in kmobile.causes}
    assert all(g.share == 1 for g in model.grade_fishbone(answer, kmobile).values())
    answer["K5"] = "客户关系"
    grades = model.grade_fishbone(answer, kmobile)
    assert grades["竞争对手"].share == pytest.approx(3 / 4)
    assert grades["客户关系"].wrong == ("K5",) and grades["客户关系"].share == pytest.approx(2 / 3)


def test_by_bone_is_the_exercise_form(kmobile):
    assert model.by_bone(kmobile)["客户关系"] == ["K1", "K2", "K3"]


def test_fishbone_renders_without_missing_glyphs(kmobile):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chart.fishbone_chart(kmobile).savefig(BytesIO(), format="png")
        chart.fishbone_chart(model.Fishbone("空的鱼骨")).savefig(BytesIO(), format="png")
