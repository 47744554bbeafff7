"""`keyaccount grade` on a small cohort: the same scores per grade cell as stock `nbgrader autograde`,
and every kind of bad submission gets a clear notice while the batch goes on."""
import copy
import shutil

import nbformat
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from conftest import ROOT
from course_fixture import TempCourse, benign_cohort
from keyaccount.course import collect, grade, report
from keyaccount.course.cli import main
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_run import run_nbgrader

A = "funnel_forecast"
NB = f"{A}.ipynb"
TIMEOUT = 10
pytestmark = pytest.mark.nbgrader


def _answer_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]


def _with_first_answer(nb, source):
    nb = copy.deepcopy(nb)
    _answer_cells(nb)[0].source = source
    return nb


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """Benign learners graded by stock nbgrader (a copy) and by the engine; bad submissions by the engine."""
    temp = TempCourse(tmp_path_factory.mktemp("ours"), ROOT, A)
    benign = benign_cohort(temp.source, temp.release)
    for kind, notebooks in benign.items():
        temp.submit(kind, notebooks)
    stock = tmp_path_factory.mktemp("stock") / "course"
    shutil.copytree(temp.root, stock)
    run_nbgrader(["autograde", A, "--create", f"--CourseDirectory.root={stock}",
                  f"--CourseDirectory.db_url=sqlite:///{stock / 'gradebook.db'}"], cwd=stock)

    right = benign["right"][NB]
    duplicated = copy.deepcopy(right)
    pasted = copy.deepcopy(_answer_cells(duplicated)[0])
    pasted.id = "pasted-copy"
    duplicated.cells.insert(4, pasted)
    no_metadata = copy.deepcopy(right)
    for cell in no_metadata.cells:
        cell.metadata.pop("nbgrader", None)
    temp.submit("duplicated", {NB: duplicated})
    temp.submit("no_metadata", {NB: no_metadata})
    temp.submit("loops", {NB: _with_first_answer(right, "while True:\n    pass")})
    temp.submit("kills_kernel", {NB: _with_first_answer(right, "import os\nos._exit(1)")})
    temp.submit("huge_output", {NB: _with_first_answer(
        right, 'print("大" * 2_000_000)\n' + _answer_cells(right)[0].source)})
    raw = temp.root / "submitted"
    (raw / "not_json" / A).mkdir(parents=True)
    (raw / "not_json" / A / NB).write_text('{"cells": [', encoding="utf-8")
    (raw / "gbk" / A).mkdir(parents=True)
    (raw / "gbk" / A / NB).write_bytes(nbformat.writes(right).encode("gb18030"))
    (raw / "missing" / A).mkdir(parents=True)
    inbox = tmp_path_factory.mktemp("inbox")
    (inbox / "browser_copy").mkdir()
    nbformat.write(right, inbox / "browser_copy" / f"{A} (1).ipynb")
    course = Course.at(temp.root)
    collect.collect(course, A, inbox)
    run = grade.grade(course, A, workers=2, timeout=TIMEOUT, progress=False)
    return temp, Gradebook(f"sqlite:///{stock / 'gradebook.db'}"), run


def _cells(gb, student):
    sub = gb.find_submission(A, student)
    return {g.name: g.score for nb in sub.notebooks for g in nb.grades}


@pytest.mark.parametrize("student", ["right", "half", "blank"])
def test_engine_gives_the_same_scores_per_grade_cell_as_stock_nbgrader(cohort, student):
    temp, stock, _ = cohort
    ours = temp.scores(student)["cells"]
    assert ours == _cells(stock, student)
    assert any(ours.values()) or student == "blank"


def test_half_right_learner_gets_partial_credit(cohort):
    temp, _, _ = cohort
    assert 0 < temp.scores("half")["code_score"] < temp.scores("right")["code_score"]


@pytest.mark.parametrize("student", ["duplicated", "no_metadata", "gbk", "browser_copy"])
def test_clear_intent_is_graded_in_full_and_said(cohort, student):
    temp, _, run = cohort
    assert temp.scores(student)["code_score"] == temp.scores("right")["code_score"]
    assert report.scores(Course.at(temp.root)).set_index("学员").loc[student, "说明"]


@pytest.mark.parametrize("student, phrase", [
    ("not_json", "不是有效的笔记本文件"), ("missing", "缺少笔记本"), ("kills_kernel", "结束了 Python 进程"),
    ("loops", "超过"), ("huge_output", "输出太"), ("duplicated", "重复单元格"),
    ("no_metadata", "批改标记丢失"), ("gbk", "GBK"), ("browser_copy", "下载副本"),
])
def test_each_bad_submission_has_a_clear_line_in_report_export_and_feedback(cohort, student, phrase, tmp_path):
    temp, _, _ = cohort
    course = Course.at(temp.root)
    assert phrase in report.scores(course).set_index("学员").loc[student, "说明"]
    csv_path, _ = report.export(course, tmp_path)
    assert phrase in pd.read_csv(csv_path, encoding="utf-8-sig").set_index("学员").loc[student, "说明"]
    pages = list((temp.root / "feedback" / student / A).glob("*.html"))
    assert pages and any(phrase in p.read_text("utf-8") for p in pages)


@pytest.mark.parametrize("student", ["not_json", "missing", "kills_kernel", "loops"])
def test_ungradable_or_stopped_work_scores_zero_without_stopping_the_batch(cohort, student):
    temp, _, run = cohort
    expected = 0 if student in ("not_json", "missing", "kills_kernel") else temp.scores("half")["code_score"]
    assert temp.scores(student)["code_score"] == expected
    assert student in run.graded
    assert ("not_json" in run.failed) and ("missing" in run.failed)
    assert temp.scores("right")["code_score"] == temp.scores("right")["max_code_score"]


def test_huge_output_does_not_make_a_huge_feedback_page(cohort):
    temp, _, _ = cohort
    page = next((temp.root / "feedback" / "huge_output" / A).glob("*.html"))
    assert page.stat().st_size < 200_000


def test_feedback_and_autograded_notebooks_never_show_hidden_tests(cohort):
    temp, _, _ = cohort
    files = [*(temp.root / "feedback").rglob("*.html"), *(temp.root / "autograded").rglob("*.ipynb")]
    assert len(files) > 20
    for path in files:
        text = path.read_text("utf-8")
        assert "HIDDEN TESTS" not in text and "score(EXERCISE" not in text


def test_autograded_notebooks_are_where_formgrader_reads_them(cohort):
    temp, _, _ = cohort
    graded = temp.autograded("right")[NB]
    tests = [c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    released = nbformat.read(ROOT / "exercises" / A / NB, as_version=4)
    assert len(tests) == sum(1 for c in released.cells if c.metadata.get("nbgrader", {}).get("grade")
                             and c.cell_type == "code") >= 4
    assert all(c.outputs or c.execution_count for c in tests)


def test_regrading_keeps_manual_grades(cohort):
    temp, _, _ = cohort
    with Gradebook(temp.db_url) as gb:
        manual = [g for g in gb.find_submission(A, "half").notebooks[0].grades if g.cell.cell_type == "markdown"]
        assert manual, "the exercise has a hand-graded written answer"
        for g in manual:
            g.manual_score = 2
        gb.db.commit()
    before = temp.scores("half")["score"]
    grade.grade(Course.at(temp.root), A, timeout=TIMEOUT, students=["half"], progress=False)
    assert temp.scores("half")["score"] == before
    with Gradebook(temp.db_url) as gb:
        assert [g.manual_score for g in gb.find_submission(A, "half").notebooks[0].grades
                if g.cell.cell_type == "markdown"] == [2]
    assert temp.scores("right")["score"] > 0


def test_export_writes_csv_and_excel_with_chinese(cohort, tmp_path):
    temp, _, _ = cohort
    csv_path, xlsx_path = report.export(Course.at(temp.root), tmp_path)
    table = pd.read_csv(csv_path, encoding="utf-8-sig")
    assert set(table["学员"]) >= {"right", "half", "not_json", "missing"}
    sheets = pd.read_excel(xlsx_path, sheet_name=None)
    assert set(sheets) == {"成绩", "各题得分", "题目难度"}
    assert sheets["成绩"].set_index("学员").loc["right", "得分"] > sheets["成绩"].set_index("学员").loc["half", "得分"]


def test_report_command_lists_scores_help_and_problems(cohort, capsys):
    temp, _, _ = cohort
    assert main(["--course", str(temp.root), "report"]) == 0
    out = capsys.readouterr().out
    assert "各题难度" in out and "需要帮助的学员" in out
    assert "not_json（funnel_forecast）" in out and "blank" in out.split("需要帮助的学员")[1].splitlines()[0]


def test_class_report_runs_and_exports_html_with_plots(cohort, tmp_path):
    temp, _, _ = cohort
    notebook, page = report.render_class_report(Course.at(temp.root), tmp_path)
    executed = nbformat.read(notebook, as_version=4)
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    html = page.read_text("utf-8")
    assert "班级报告" in html and html.count("data:image/png") >= 3
    assert "HIDDEN TESTS" not in html


def test_grade_command_counts_learners_and_says_how_isolated(cohort, capsys):
    temp, _, run = cohort
    assert main(["--course", str(temp.root), "grade", A, "--student", "right", "--timeout", str(TIMEOUT)]) == 0
    out = capsys.readouterr()
    assert "已批改 1 位" in out.out
    assert (run.isolation_note or "") in out.out
    assert "1/1" in out.err  # the progress bar counts learners


def test_grading_a_learner_who_did_not_submit_names_them(cohort):
    temp, _, _ = cohort
    with pytest.raises(FileNotFoundError, match="没有找到这些学员.*nobody"):
        grade.grade(Course.at(temp.root), A, students=["nobody"], progress=False)



@pytest.mark.parametrize("student", ["half", "blank"])
def test_feedback_page_is_headed_by_the_exercise_s_chinese_title(cohort, student):
    from keyaccount.lessons import notebook_title
    from test_learner_names import IDENTIFIER

    temp, _, _ = cohort
    page = (temp.root / "feedback" / student / A / f"{A}.html").read_text("utf-8")
    title = notebook_title(temp.release / NB)
    assert f"<title>{title}</title>" in page and f"<h1>批改说明 · {title}</h1>" in page
    heading = page[page.index("<h1>"):page.index("</h1>")]
    assert A not in page[:page.index("<body>")] and not IDENTIFIER.search(heading)


def test_a_trainers_own_copy_of_an_exercise_is_graded(tmp_path):
    """A trainer copies an exercise's folder under a new name (its form.json still names the original)."""
    temp = TempCourse(tmp_path, ROOT, A)
    course = Course.at(temp.root)
    shutil.copytree(course.source / A, course.source / "my_funnel")
    right = benign_cohort(temp.source, temp.release)["right"][NB]
    (course.submitted / "learner" / "my_funnel").mkdir(parents=True)
    nbformat.write(right, course.submitted / "learner" / "my_funnel" / NB)
    run = grade.grade(course, "my_funnel", workers=1, timeout=TIMEOUT, progress=False)
    assert run.graded == ["learner"] and not run.failed
    with Gradebook(course.db_url) as gb:
        sub = gb.find_submission("my_funnel", "learner")
        assert sub.code_score == sub.max_code_score > 0
