"""The helpers the exercise notebooks call: the learner's self-check and the grader's hidden score.

``check`` looks only at the FORM of an answer (type, keys, count, options the question shows,
decimal instead of percent where the author says so) and prints the author's plausibility hints;
it never says whether an answer is right. In a graded test cell it fails on a wrong form with a
Chinese message (no Python traceback, also in nbgrader's Validate). ``score`` is the hidden test:
it compares with the answer key, which exists only in the trainer's course. Nothing is written to
stderr (nbgrader scores any stderr output as 0).
"""
import inspect

from keyaccount.compare import MISSING, compare
from keyaccount.course.keys import find_answer_key
from keyaccount.form import FormError, NoForm, answer_lines, load_form, summary


def check(assignment: str, name: str | None = None, value=MISSING) -> None:
    """Self-check of answer ``name``: its form and the author's hints; a wrong form fails with a Chinese
    message (no traceback). Without a name: the whole exercise, question by question (never fails)."""
    namespace = _caller_namespace()
    form = load_form(assignment)
    if name is None:
        print(summary(form, namespace)[1])
        return
    ok, lines = answer_lines(name, namespace.get(name, MISSING) if value is MISSING else value, form.answers[name])
    if not ok:
        raise FormError("\n".join(lines))
    print("\n".join(lines + ["（格式正确；答案对不对，提交后批改。）"]))


def score(assignment: str, name: str, points: float) -> float:
    """Hidden test: points earned for answer ``name`` (all, none, or a share for partly right answers)."""
    value = _caller_namespace().get(name, MISSING)
    if value is MISSING:
        print(f"✗ {name}：找不到这个答案。答题单元格可能被删除、改名或还没有运行。")
        return 0.0
    share, lines = compare(value, find_answer_key(assignment)[name], _spec(assignment, name))
    for line in lines:
        print(f"  {line}")
    earned = round(points * share, 2)
    mark = "✓" if share == 1 else ("◐" if share > 0 else "✗")
    print(f"{mark} {name}：得分 {earned:g} / {points:g}")
    return earned


def _spec(assignment: str, name: str) -> dict | None:
    """The public form of answer ``name`` (its author hint goes with a wrong judgement), if form.json is here."""
    try:
        return load_form(assignment).answers.get(name)
    except NoForm:
        return None


def _caller_namespace() -> dict:
    """The notebook's namespace: the globals of the cell that called the public helper."""
    frame = inspect.currentframe().f_back.f_back
    return {**frame.f_globals, **frame.f_locals}
