"""Record a learner's automatic scores in nbgrader's gradebook, as stock ``autograde`` does.

Only automatic scores and comments are written: a trainer's manual score survives re-grading, and a
cell with one stays marked for review. A hand-graded written answer left blank scores 0 (nbgrader's
checksum rule); otherwise it waits for the trainer. A notebook that could not be graded scores 0.
"""
import warnings

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.utils import compute_checksum, determine_grade, is_grade, parse_utc
from sqlalchemy.exc import SAWarning

NO_RESPONSE = "未作答。"


def submission(gb: Gradebook, assignment: str, student: str, timestamp: str | None = None):
    """The learner's submission, created (with empty grades) if missing."""
    gb.update_or_create_student(student)
    try:
        sub = gb.find_submission(assignment, student)
    except MissingEntry:
        with warnings.catch_warnings():  # nbgrader's own add_submission trips SQLAlchemy's autoflush notes
            warnings.simplefilter("ignore", SAWarning)
            sub = gb.add_submission(assignment, student)
    try:
        sub.timestamp = parse_utc(timestamp) if timestamp else sub.timestamp
    except (ValueError, OverflowError):  # a timestamp.txt that is not a time keeps the one recorded
        pass
    return sub


def record(gb: Gradebook, assignment: str, student: str, name: str, nb: nbformat.NotebookNode | None,
           scores: dict[str, float]) -> None:
    """Write one notebook's automatic scores (``scores``: test cell → points; ``nb`` None: not gradable)."""
    notebook = gb.find_submission_notebook(name.removesuffix(".ipynb"), assignment, student)
    cells = {c.metadata["nbgrader"]["grade_id"]: c for c in (nb.cells if nb else []) if "nbgrader" in c.metadata}
    for grade in notebook.grades:
        if nb is None:
            auto = 0.0
        elif grade.name in scores:
            auto = scores[grade.name]
        elif grade.name in cells and is_grade(cells[grade.name]):
            auto = determine_grade(cells[grade.name])[0]  # written answers: 0 when blank, else manual
        else:
            auto = 0.0
        grade.auto_score = auto
        grade.needs_manual_grade = grade.manual_score is not None or auto is None
    for comment in notebook.comments:
        cell = cells.get(comment.name)
        blank = cell is None or cell.metadata["nbgrader"].get("checksum") == compute_checksum(cell)
        comment.auto_comment = NO_RESPONSE if blank else None
    gb.db.commit()
