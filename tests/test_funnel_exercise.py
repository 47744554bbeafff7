"""The funnel exercise: its answer key follows the case file, and partial credit works as designed."""
import nbformat
import pytest

from conftest import ROOT, answer_key
from course_fixture import TempCourse
from keyaccount.grading import check, score

A = "funnel_forecast"


def test_answer_key_is_computed_from_the_exercise_case():
    key = answer_key(A)
    assert key["performance"]["预测合计"] == pytest.approx(88 * 0.7 + 130 * 0.25)
    assert key["small"]["项目缺口"] == pytest.approx(206)
    assert key["large"]["本期预计回款"] == pytest.approx(73.3)


def test_score_gives_partial_credit_and_hides_the_answer(capsys):
    performance = {"预测合计": 94.1, "预测外实现": 48, "预测完成率": 84.8}  # noqa: F841 (read by name)
    assert score(A, "performance", points=3) == 2.0
    out = capsys.readouterr().out
    assert "预测完成率" in out and "100 倍" in out
    assert "0.848" not in out and "94.1" not in out


def test_score_says_clearly_when_the_answer_cell_is_gone(capsys):
    assert score(A, "large", points=3) == 0
    assert "找不到这个答案" in capsys.readouterr().out


def test_self_check_hints_without_revealing(capsys):
    check(A, "small", {"预计成交单数": 52, "预计成交金额": 78, "金额缺口": "61.8", "项目缺口": 206})
    out = capsys.readouterr().out
    assert "格式还不对" in out and "不要加引号" in out
    check(A, "small", {"预计成交单数": 52, "预计成交金额": 78, "金额缺口": 618, "项目缺口": 206})
    out = capsys.readouterr().out
    assert "75% 正确" in out and "金额缺口" in out and "数量级" in out and "61.8" not in out


def half_right(nb):
    """The solution with the answers a half-prepared learner would give (designed partial credit)."""
    answers = {
        "performance_answer": 'performance = {"预测合计": 94.1, "预测外实现": 48, "预测完成率": 84.8}',  # 2 of 3
        "diagnosis_answer": 'diagnosis = {"甲": "方向", "乙": "流速", "丙": "数量", "丁": "成功率", "戊": "单产"}',  # 3 of 5
    }
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
        if gid == "small_answer":                     # left as the template: 0 of 4
            cell.source = 'small = {"预计成交单数": None, "预计成交金额": None, "金额缺口": None, "项目缺口": None}'
    return nb


@pytest.mark.nbgrader
def test_half_right_submission_gets_the_designed_partial_credit(tmp_path):
    course = TempCourse(tmp_path, ROOT, A)
    nb = nbformat.read(ROOT / "solutions" / A / f"{A}.ipynb", as_version=4)
    course.submit("half", {f"{A}.ipynb": half_right(nb)})
    course.autograde()
    cells = course.scores("half")["cells"]
    assert cells["performance_test"] == 2
    assert cells["small_test"] == 0
    assert cells["large_test"] == 3
    assert cells["diagnosis_test"] == 3


def test_an_unfilled_template_is_called_unfilled(capsys):
    check(A, "diagnosis", {"甲": None, "乙": "流速", "丙": "单产", "丁": "成功率", "戊": "数量"})
    assert "甲 —— 还没有填写" in capsys.readouterr().out
