"""The funnel exercise: its answer key follows the case file and the source's funnel review,
partial credit works as designed, and most of its points ask for a manager's judgement."""
import pytest

from conftest import answer_key
from exercise_points import autograded, points_by_kind
from keyaccount.funnel.model import FUNNEL_REVIEW
from keyaccount.grading import score

A = "funnel_forecast"


def test_answer_key_is_computed_from_the_exercise_case():
    key = answer_key(A)
    assert key["业绩预测"]["预测合计"] == pytest.approx(88 * 0.7 + 130 * 0.25)
    assert key["小项目漏斗"]["项目缺口"] == pytest.approx(206)
    assert key["大项目漏斗"]["本期预计回款"] == pytest.approx(73.3)


def test_review_steps_are_the_sources_three_steps_each_used_twice():
    steps = list(answer_key(A)["复盘步骤"].values())
    assert {step[0] for step in FUNNEL_REVIEW} == set(steps)
    assert all(steps.count(step[0]) == 2 for step in FUNNEL_REVIEW)


def test_at_least_half_the_automatic_points_are_judgements():
    judgement, total = points_by_kind([A])
    assert (judgement, total) == (11, 21)
    assert judgement >= total / 2


def test_score_gives_partial_credit_and_hides_the_answer(capsys):
    业绩预测 = {"预测合计": 94.1, "预测外实现": 48, "预测完成率": 84.8}  # noqa: F841 (read by name)
    assert score(A, "业绩预测", points=3) == 2.0
    out = capsys.readouterr().out
    assert "预测完成率" in out and "100 倍" in out
    assert "0.848" not in out and "94.1" not in out


def test_score_says_clearly_when_the_answer_cell_is_gone(capsys):
    assert score(A, "大项目漏斗", points=3) == 0
    assert "找不到这个答案" in capsys.readouterr().out


HALF_RIGHT = {
    "performance_answer": '业绩预测 = {"预测合计": 94.1, "预测外实现": 48, "预测完成率": 0.9}',  # 2 of 3
    "small_answer": '小项目漏斗 = {"预计成交单数": None, "预计成交金额": None, "金额缺口": None, "项目缺口": None}',  # 0 of 4
    "diagnosis_answer": '漏斗诊断 = {"甲": "方向", "乙": "流速", "丙": "数量", "丁": "成功率", "戊": "单产"}',  # 3 of 5
    # analysis and questioning told apart, but coaching taken for questioning: 4 of 6
    "review_answer": '复盘步骤 = {"动作1": "漏斗分析", "动作2": "机会盘问", "动作3": "机会盘问",'
                     ' "动作4": "漏斗分析", "动作5": "机会盘问", "动作6": "机会盘问"}',
}


@pytest.mark.nbgrader
def test_half_right_submission_gets_the_designed_partial_credit(tmp_path):
    assert autograded(tmp_path, A, HALF_RIGHT) == {
        "performance_test": 2, "small_test": 0, "large_test": 3, "diagnosis_test": 3, "review_test": 4}
