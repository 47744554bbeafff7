"""The nbgrader round trip in a temporary course, for every assignment in solutions/.

Generating from solutions/ gives exactly exercises/; the solutions autograde to full marks;
an untouched exercise autogrades to 0 without a crash; feedback never shows hidden tests.
"""
import json
import re

import nbformat
import pytest

from conftest import ROOT
from course_fixture import TempCourse
from notebook_run import stderr_outputs

ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())


def notebooks(folder):
    return {p.name: nbformat.read(p, as_version=4) for p in sorted(folder.glob("*.ipynb"))}


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, tmp_path_factory):
    """One course per assignment: the solution and the untouched exercise, autograded."""
    name = request.param
    course = TempCourse(tmp_path_factory.mktemp(name), ROOT, name)
    course.submit("solution", notebooks(ROOT / "solutions" / name))
    course.submit("untouched", notebooks(ROOT / "exercises" / name))
    course.autograde()
    return course


@pytest.mark.nbgrader
def test_exercises_folder_is_exactly_what_nbgrader_generates(graded):
    committed = ROOT / "exercises" / graded.assignment
    generated = graded.release
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in generated.iterdir())
    for path in generated.glob("*.ipynb"):
        assert json.loads(path.read_text("utf-8")) == json.loads((committed / path.name).read_text("utf-8")), (
            f"exercises/{graded.assignment}/{path.name} is out of date: "
            f"run python -m keyaccount.course.generate {graded.assignment}")


@pytest.mark.nbgrader
def test_solution_autogrades_to_full_marks(graded):
    s = graded.scores("solution")
    assert s["max_code_score"] > 0
    assert s["code_score"] == s["max_code_score"], s["cells"]


@pytest.mark.nbgrader
def test_solution_runs_without_errors_or_stderr(graded):
    """Autograding executed the whole solution notebook; this is its execution test."""
    for name, nb in graded.autograded("solution").items():
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert errors == [], f"{name}: {errors[0].get('ename')}: {errors[0].get('evalue')}" if errors else ""
        assert stderr_outputs(nb) == [], name


@pytest.mark.nbgrader
def test_the_answer_key_never_reaches_a_learner_folder(graded):
    """Autograding found the key in source/ (full marks above) without copying it beside the learner's work."""
    assert (graded.root / "source" / graded.assignment / "answer_key.py").is_file()
    for kind in ("release", "autograded"):
        assert list((graded.root / kind).rglob("answer_key.py")) == [], kind


@pytest.mark.nbgrader
def test_untouched_exercise_autogrades_to_zero(graded):
    s = graded.scores("untouched")
    assert s["score"] == 0, s["cells"]


@pytest.mark.nbgrader
def test_feedback_never_shows_hidden_tests(graded):
    graded.nbgrader(["generate_feedback", graded.assignment])
    pages = list((graded.root / "feedback").rglob("*.html"))
    assert pages
    source = "".join(c.source for nb in notebooks(ROOT / "solutions" / graded.assignment).values()
                     for c in nb.cells)
    hidden = re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source, re.S)
    for page in pages:
        html = page.read_text("utf-8")
        assert "HIDDEN TESTS" not in html
        for block in hidden:
            for line in block.strip().splitlines():
                assert line.strip() not in html, f"hidden test line shown in feedback: {line}"
