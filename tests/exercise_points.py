"""Points of the exercises as a trainer sees them: how many of a module's automatic points ask for a
judgement (each answer key names its judgement questions in ``JUDGEMENT``), and the points nbgrader
gives a submission with some answers changed."""
import nbformat

from conftest import ROOT
from course_fixture import TempCourse
from keyaccount.course.keys import load_key_module
from keyaccount.grader.score import test_cells


def points_by_kind(assignments) -> tuple[float, float]:
    """(judgement points, all automatic points) over ``assignments``."""
    judgement = total = 0.0
    for assignment in assignments:
        marked = load_key_module(ROOT / "solutions", assignment).JUDGEMENT
        cells = test_cells(_solution(assignment))
        assert marked <= {c.answer for c in cells}, f"{assignment}: JUDGEMENT names an answer no test cell scores"
        judgement += sum(c.points for c in cells if c.answer in marked)
        total += sum(c.points for c in cells)
    return judgement, total


def autograded(tmp_path, assignment: str, answers: dict[str, str]) -> dict[str, float]:
    """Points per test cell from stock nbgrader for the solution with ``answers`` (grade_id → cell source)."""
    nb = _solution(assignment)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    course = TempCourse(tmp_path, ROOT, assignment)
    course.submit("half", {f"{assignment}.ipynb": nb})
    course.autograde()
    return {gid: points for gid, points in course.scores("half")["cells"].items() if gid.endswith("_test")}


def _solution(assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
