"""How many of a module's automatic points ask for a judgement: each answer key names its
judgement questions in ``JUDGEMENT``; points are read from the instructor notebooks' test cells."""
import nbformat

from conftest import ROOT
from keyaccount.course.keys import load_key_module
from keyaccount.grader.score import test_cells


def points_by_kind(assignments) -> tuple[float, float]:
    """(judgement points, all automatic points) over ``assignments``."""
    judgement = total = 0.0
    for assignment in assignments:
        marked = load_key_module(ROOT / "solutions", assignment).JUDGEMENT
        source = nbformat.read(ROOT / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
        cells = test_cells(source)
        assert marked <= {c.answer for c in cells}, f"{assignment}: JUDGEMENT names an answer no test cell scores"
        judgement += sum(c.points for c in cells if c.answer in marked)
        total += sum(c.points for c in cells)
    return judgement, total
