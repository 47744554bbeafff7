"""`keyaccount grade` on a small cohort with real nbgrader: the same scores as stock autograde,
and every kind of bad submission gets a clear notice while the batch goes on."""
import copy
import shutil

import nbformat
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from conftest import ROOT
from course_fixture import TempCourse
from keyaccount.course import collect, grade, report
from keyaccount.course.cli import main
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_run import run_nbgrader

A = "funnel_forecast"
NB = f"{A}.ipynb"
TIMEOUT = 10  # the setup cell's imports need a few seconds on a busy machine
pytestmark = pytest.mark.nbgrader


def _read(folder):
    return nbformat.read(ROOT / folder / A / NB, as_version=4)


def _answer_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]


def _with_first_answer(nb, source):
    nb = copy.deepcopy(nb)
    _answer_cells(nb)[0].source = source
    return nb


def _half(solution, exercise):
    """The solution with its first answer left as the template: partly right."""
    return _with_first_answer(solution, _answer_cells(exercise)[0].source)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """Clean learners graded by stock nbgrader (a copy) and by ours; bad submissions graded by ours."""
    solution, exercise = _read("solutions"), _read("exercises")
    temp = TempCourse(tmp_path_factory.mktemp("ours"), ROOT, A)
    temp.submit("right", {NB: solution})
    temp.submit("half", {NB: _half(solution, exercise)})
    temp.submit("wrong", {NB: exercise})
    stock = tmp_path_factory.mktemp("stock") / "course"
    shutil.copytree(temp.root, stock)
    run_nbgrader(["autograde", A, "--create", f"--CourseDirectory.root={stock}",
                  f"--CourseDirectory.db_url=sqlite:///{stock / 'gradebook.db'}"], cwd=stock)

    duplicated = copy.deepcopy(solution)
    pasted = copy.deepcopy(_answer_cells(duplicated)[0])
    pasted.id = "pasted-copy"
    duplicated.cells.insert(4, pasted)
    no_metadata = copy.deepcopy(solution)
    for cell in no_metadata.cells:
        cell.metadata.pop("nbgrader", None)
    temp.submit("duplicated", {NB: duplicated})
    temp.submit("no_metadata", {NB: no_metadata})
    temp.submit("loops", {NB: _with_first_answer(solution, "while True:\n    pass")})
    temp.submit("kills_kernel", {NB: _with_first_answer(solution, "import os\nos._exit(1)")})
    temp.submit("huge_output", {NB: _with_first_answer(
        solution, 'print("大" * 2_000_000)\n' + _answer_cells(solution)[0].source)})
    raw = temp.root / "submitted"
    (raw / "not_json" / A).mkdir(parents=True)
    (raw / "not_json" / A / NB).write_text('{"cells": [', encoding="utf-8")
    (raw / "gbk" / A).mkdir(parents=True)
    (raw / "gbk" / A / NB).write_bytes(nbformat.writes(solution).encode("gb18030"))
    (raw / "missing" / A).mkdir(parents=True)
    inbox = tmp_path_factory.mktemp("inbox")
    (inbox / "browser_copy").mkdir()
    nbformat.write(solution, inbox / "browser_copy" / f"{A} (1).ipynb")
    course = Course.at(temp.root)
    collect.collect(course, A, inbox)
    run = grade.grade(course, A, workers=2, timeout=TIMEOUT, progress=False)
    return temp, Gradebook(f"sqlite:///{stock / 'gradebook.db'}"), run


def _cells(db_url_or_gb, student):
    gb = db_url_or_gb if isinstance(db_url_or_gb, Gradebook) else Gradebook(db_url_or_gb)
    sub = gb.find_submission(A, student)
    return {g.name: g.score for nb in sub.notebooks for g in nb.grades}


@pytest.mark.parametrize("student", ["right", "half", "wrong"])
def test_parallel_grading_gives_the_same_scores_as_stock_nbgrader(cohort, student):
    temp, stock, _ = cohort
    ours = temp.scores(student)["cells"]
    assert ours == _cells(stock, student)
    assert any(ours.values()) or student == "wrong"


def test_half_right_learner_gets_partial_credit(cohort):
    temp, _, _ = cohort
    assert 0 < temp.scores("half")["code_score"] < temp.scores("right")["code_score"]


@pytest.mark.parametrize("student", ["duplicated", "no_metadata", "gbk", "browser_copy"])
def test_clear_intent_is_graded_in_full_and_said(cohort, student):
    temp, _, run = cohort
    assert temp.scores(student)["code_score"] == temp.scores("right")["code_score"]
    assert report.scores(Course.at(temp.root)).set_index("学员").loc[student, "说明"]


@pytest.mark.parametrize("student, phrase", [
    ("not_json", "不是有效的笔记本文件"), ("missing", "缺少笔记本"), ("kills_kernel", "内核崩溃"),
    ("loops", f"超过 {TIMEOUT} 秒"), ("huge_output", "输出太长"), ("duplicated", "重复单元格"),
    ("no_metadata", "批改标记丢失"), ("gbk", "GBK"), ("browser_copy", "下载副本"),
])
def test_each_bad_submission_has_a_clear_line_in_report_and_feedback(cohort, student, phrase):
    temp, _, _ = cohort
    table = report.scores(Course.at(temp.root)).set_index("学员")
    assert phrase in table.loc[student, "说明"]
    page = (temp.root / "feedback" / student / A).glob("*.html")
    assert any(phrase in p.read_text("utf-8") for p in page)


@pytest.mark.parametrize("student", ["not_json", "missing", "kills_kernel"])
def test_ungradable_submissions_score_zero_without_stopping_the_batch(cohort, student):
    temp, _, run = cohort
    assert temp.scores(student)["score"] == 0
    assert student in run.failed
    assert {"right", "half", "huge_output", "loops"} <= set(run.graded)


def test_huge_output_does_not_make_a_huge_feedback_page(cohort):
    temp, _, _ = cohort
    page = next((temp.root / "feedback" / "huge_output" / A).glob("*.html"))
    assert page.stat().st_size < 500_000


def test_feedback_never_shows_hidden_tests(cohort):
    temp, _, _ = cohort
    for page in (temp.root / "feedback").rglob("*.html"):
        assert "HIDDEN TESTS" not in page.read_text("utf-8")


def test_regrading_keeps_manual_grades(cohort):
    temp, _, _ = cohort
    manual = [g for nb in Gradebook(temp.db_url).find_submission(A, "half").notebooks for g in nb.grades
              if g.cell.cell_type == "markdown"]
    assert manual, "the exercise has a hand-graded written answer"
    with Gradebook(temp.db_url) as gb:
        for g in gb.find_submission(A, "half").notebooks[0].grades:
            if g.cell.cell_type == "markdown":
                g.manual_score = 2
        gb.db.commit()
    before = temp.scores("half")["score"]
    grade.grade(Course.at(temp.root), A, workers=1, timeout=TIMEOUT, students=["half"], progress=False)
    assert temp.scores("half")["score"] == before
    assert temp.scores("right")["score"] > 0


def test_export_writes_csv_and_excel_with_chinese(cohort, tmp_path):
    temp, _, _ = cohort
    csv_path, xlsx_path = report.export(Course.at(temp.root), tmp_path)
    table = pd.read_csv(csv_path, encoding="utf-8-sig")
    assert set(table["学员"]) >= {"right", "half", "not_json"}
    sheets = pd.read_excel(xlsx_path, sheet_name=None)
    assert set(sheets) == {"成绩", "各题得分", "题目难度"}
    assert sheets["成绩"].set_index("学员").loc["right", "得分"] > sheets["成绩"].set_index("学员").loc["half", "得分"]


def test_report_command_lists_scores_help_and_problems(cohort, capsys):
    temp, _, _ = cohort
    assert main(["--course", str(temp.root), "report"]) == 0
    out = capsys.readouterr().out
    assert "各题难度" in out and "需要帮助的学员" in out
    assert "not_json（funnel_forecast）" in out and "wrong" in out.split("需要帮助的学员")[1].splitlines()[0]


def test_class_report_runs_and_exports_html_with_plots(cohort, tmp_path):
    temp, _, _ = cohort
    notebook, page = report.render_class_report(Course.at(temp.root), tmp_path)
    executed = nbformat.read(notebook, as_version=4)
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    html = page.read_text("utf-8")
    assert "班级报告" in html and html.count("data:image/png") >= 3
    assert "HIDDEN TESTS" not in html


def test_grading_a_learner_who_did_not_submit_names_them(cohort):
    temp, _, _ = cohort
    with pytest.raises(FileNotFoundError, match="没有找到这些学员.*nobody"):
        grade.grade(Course.at(temp.root), A, students=["nobody"], progress=False)
