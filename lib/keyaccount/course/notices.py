"""Problems found in a learner's submission, kept so that the report and feedback can say them.

One JSON file per assignment and stage (``collect`` or ``grade``): ``{learner: [message, …]}``.
Each run of a stage replaces the messages of the learners it handled.
"""
import json

from keyaccount.course.layout import Course

STAGES = ("collect", "grade")


def of_stage(course: Course, assignment: str, stage: str) -> dict[str, list[str]]:
    """One stage's messages per learner."""
    path = course.notices / f"{assignment}.{stage}.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def record(course: Course, assignment: str, stage: str, found: dict[str, list[str]]) -> None:
    """Store this run's messages for the learners in ``found`` (an empty list clears them)."""
    notices = of_stage(course, assignment, stage)
    notices.update(found)
    notices = {k: v for k, v in notices.items() if v}
    course.notices.mkdir(parents=True, exist_ok=True)
    text = json.dumps(notices, ensure_ascii=False, indent=1, sort_keys=True)
    (course.notices / f"{assignment}.{stage}.json").write_text(text, encoding="utf-8")


def load(course: Course, assignment: str) -> dict[str, list[str]]:
    """Every stage's messages per learner, collect first."""
    merged: dict[str, list[str]] = {}
    for stage in STAGES:
        for student, messages in of_stage(course, assignment, stage).items():
            merged.setdefault(student, []).extend(messages)
    return merged
