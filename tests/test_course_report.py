"""Class analytics: the most common wrong answers read from the filled templates, and the report charts."""
import copy
import shutil
import warnings
from io import BytesIO

import nbformat
import pandas as pd
import pytest

from conftest import ROOT
from keyaccount.course import answers, charts
from keyaccount.course.layout import Course
from conftest import answer_key

A = "funnel_forecast"
NB = f"{A}.ipynb"


def _submit(course, student, diagnosis_source):
    nb = copy.deepcopy(nbformat.read(ROOT / "exercises" / A / NB, as_version=4))
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "diagnosis_answer":
            cell.source = diagnosis_source
    folder = course.submitted / student / A
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / NB)


@pytest.fixture
def course(tmp_path):
    shutil.copytree(ROOT / "solutions" / A, tmp_path / "source" / A)
    course = Course.at(tmp_path)
    key = answer_key(A)["漏斗诊断"]
    wrong_for_jia = next(v for v in ("数量", "方向", "流速", "成功率", "单产") if v != key["甲"])
    misplaced = dict(key, 甲=wrong_for_jia)
    _submit(course, "a", f"漏斗诊断 = {misplaced!r}")
    _submit(course, "b", f"漏斗诊断 = {misplaced!r}")
    _submit(course, "c", f"漏斗诊断 = {dict(key)!r}")
    _submit(course, "d", "漏斗诊断 = {'甲': None}  # not yet answered")
    return course, wrong_for_jia


def test_most_common_wrong_choice_is_counted_per_part(course):
    course, wrong = course
    table = answers.common_wrong_answers(course, A)
    jia = table[(table["题目"] == "漏斗诊断") & (table["项"] == "甲")]
    assert list(jia["错误答案"]) == [repr(wrong)] and list(jia["人数"]) == [2]
    assert set(table["项"]) == {"甲"}, "right answers and empty templates are not wrong choices"


def test_report_charts_render_chinese_without_missing_glyphs(tmp_path):
    scores = pd.DataFrame({"学员": ["甲", "乙", "丙"], "练习": [A] * 3, "得分率": [0.2, 0.9, None]})
    difficulty = pd.DataFrame({"练习": [A, A], "题目": ["performance_test", "small_test"], "平均得分率": [0.4, 0.8]})
    wrong = pd.DataFrame({"题目": ["漏斗诊断"], "项": ["甲"], "错误答案": ["'数量'"], "人数": [2]})
    figures = [charts.score_distribution(scores), charts.difficulty_chart(difficulty), charts.wrong_answers_chart(wrong)]
    for i, fig in enumerate(figures):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(BytesIO(), format="png")
        fig.savefig(tmp_path / f"report_{i}.png")
    assert "9 人" not in figures[0].axes[0].get_title() and "2 人" in figures[0].axes[0].get_title()


def test_each_misplaced_item_of_a_sorting_answer_counts():
    key = {"S": {"信息4", "信息5"}, "W": {"信息1"}}
    learner = {"S": ["信息4", "信息1"], "W": ["信息5"]}
    assert sorted(answers._wrong(learner, key)) == [("S", "信息1"), ("W", "信息5")]


def test_no_wrong_answers_is_said_in_words_not_drawn_as_empty_axes():
    empty = pd.DataFrame(columns=["题目", "项", "错误答案", "人数"])
    fig = charts.wrong_answers_chart(empty)
    ax = fig.axes[0]
    assert not ax.axison
    assert any("没有常见的错误答案" in t.get_text() for t in ax.texts)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")


def test_a_wrong_answer_with_dollar_signs_is_drawn_as_typed():
    typed = repr("$\\frac{$ 100")
    wrong = pd.DataFrame({"题目": ["diagnosis"], "项": ["甲"], "错误答案": [typed], "人数": [1]})
    fig = charts.wrong_answers_chart(wrong)
    fig.savefig(BytesIO(), format="png")  # in matplotlib's math mode the stray $ would raise here
    assert typed in fig.axes[0].get_yticklabels()[0].get_text().replace("\\$", "$")
