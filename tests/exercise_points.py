"""Points of the exercises as a trainer sees them: how many of a module's automatic points ask for a
judgement (each answer key names its judgement questions in ``JUDGEMENT``; an answer a learner can
read instead is not counted), and the points the grader and stock nbgrader give a submission with
some answers changed."""
import ast

import nbformat

from conftest import ROOT, answer_key
from course_fixture import TempCourse
from keyaccount.course.keys import load_key_module
from keyaccount.grader import score

# Judgement answers a learner can still read instead of judging, and why. They count as automatic
# points but not as judgement points. ``LEFT``: held in the exercise's own kernel (checked by
# test_shipped_data_has_no_answers); ``SHOWN_IN_LESSON``: printed by the lesson the exercise follows.
LEFT: dict = {}
SHOWN_IN_LESSON: dict = {}


def graded_cells(assignment: str) -> list:
    """The graded test cells of the instructor notebook(s), with their answers and points."""
    return [cell for path in sorted((ROOT / "solutions" / assignment).glob("*.ipynb"))
            for cell in score.test_cells(nbformat.read(path, as_version=4))]


def points_by_kind(assignments) -> tuple[float, float]:
    """(judgement points, all automatic points) over ``assignments``."""
    judgement = total = 0.0
    for assignment in assignments:
        marked = load_key_module(ROOT / "solutions", assignment).JUDGEMENT
        cells = graded_cells(assignment)
        assert marked <= {c.answer for c in cells}, f"{assignment}: JUDGEMENT names an answer no test cell scores"
        readable = {name for a, name in (*LEFT, *SHOWN_IN_LESSON) if a == assignment}
        judgement += sum(c.points for c in cells if c.answer in marked - readable)
        total += sum(c.points for c in cells)
    return judgement, total


def judgement_share(module: str) -> float:
    """Share of the module's automatic points whose answer its key marks as a judgement."""
    judgement, total = points_by_kind(sorted(p.name for p in (ROOT / "solutions").glob(f"{module}_*")))
    return judgement / total


def submission_points(assignment: str, answers: dict) -> float:
    """Total points the grader gives ``answers`` (answer name → value), as in a real grading run."""
    scored = score.score(graded_cells(assignment), answers, answer_key(assignment), failed={}, problems=[])
    return round(sum(s.points for s in scored.values()), 2)


def autograded(tmp_path, assignment: str, answers: dict[str, str]) -> dict[str, float]:
    """Points per test cell from stock nbgrader for the solution with ``answers`` (grade_id → cell source)."""
    nb = nbformat.read(ROOT / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    course = TempCourse(tmp_path, ROOT, assignment)
    course.submit("half", {f"{assignment}.ipynb": nb})
    course.autograde()
    return {gid: points for gid, points in course.scores("half")["cells"].items() if gid.endswith("_test")}


def stock_points(tmp_path, assignment: str, answers: dict) -> float:
    """Total automatic points stock nbgrader gives the solution with ``answers`` (answer name → plain value):
    each answer that differs from the key is written at the end of the cell that answers it."""
    key = answer_key(assignment)
    changed = {name: value for name, value in answers.items() if key.get(name) != value}
    nb = nbformat.read(ROOT / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    sources, written = {}, set()
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            assigned = {target.id for node in ast.walk(ast.parse(cell.source)) if isinstance(node, ast.Assign)
                        for target in node.targets if isinstance(target, ast.Name)} & changed.keys()
            if assigned:
                sources[meta["grade_id"]] = "\n".join([cell.source, *(f"{n} = {changed[n]!r}" for n in assigned)])
                written |= assigned
    assert written == changed.keys(), f"{assignment}: no answer cell assigns {sorted(changed.keys() - written)}"
    return round(sum(autograded(tmp_path, assignment, sources).values()), 2)
