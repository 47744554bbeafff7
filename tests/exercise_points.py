"""Points of an exercise as the grader scores them: a submission's total, and the judgement share of a module."""
import nbformat

from conftest import ROOT, answer_key
from keyaccount.course.keys import load_key_module
from keyaccount.grader import score


def test_cells(assignment: str) -> list:
    """The graded test cells of the instructor notebook(s), with their answers and points."""
    return [cell for path in sorted((ROOT / "solutions" / assignment).glob("*.ipynb"))
            for cell in score.test_cells(nbformat.read(path, as_version=4))]


def submission_points(assignment: str, answers: dict) -> float:
    """Total points the grader gives ``answers`` (answer name → value), as in a real grading run."""
    scored = score.score(test_cells(assignment), answers, answer_key(assignment), failed={}, problems=[])
    return round(sum(s.points for s in scored.values()), 2)


def judgement_share(module: str) -> float:
    """Share of the module's automatic points whose answer its key marks as a judgement (``JUDGEMENT``)."""
    total = judged = 0.0
    for folder in sorted((ROOT / "solutions").glob(f"{module}_*")):
        marked = load_key_module(ROOT / "solutions", folder.name).JUDGEMENT
        for cell in test_cells(folder.name):
            total += cell.points
            judged += cell.points if cell.answer in marked else 0
    return judged / total
