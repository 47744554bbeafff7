"""What the learners answered: the values they filled into the answer templates, and the most
common wrong ones per question (e.g. which SWOT statements most learners misplaced)."""
import ast
from collections import Counter

import pandas as pd

from keyaccount.compare import equal
from keyaccount.course.keys import load_answer_key
from keyaccount.course.layout import Course
from keyaccount.grader import preflight


def _filled_values(source: str) -> dict:
    """``name = <literal>`` assignments in an answer cell (the template form learners fill in)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, SyntaxError):
                pass
    return found


def learner_answers(course: Course, assignment: str) -> dict[str, dict]:
    """Per learner: answer variable → the literal value they wrote."""
    result = {}
    for student in course.students(assignment):
        values = {}
        for path in sorted((course.submitted / student / assignment).glob("*.ipynb")):
            nb, _ = preflight.parse(path.read_bytes(), path.name)
            for cell in nb.cells if nb else []:
                if cell.cell_type == "code":
                    values.update(_filled_values(cell.source))
        result[student] = values
    return result


def _wrong(given, expected, part: str = "") -> list[tuple[str, object]]:
    """(part, wrong value) pairs of one answer, nested parts joined by "·"; blanks are not choices.

    For a set (e.g. the statements that belong in S of a SWOT) each wrongly placed item counts.
    """
    if given is None or callable(getattr(expected, "grade", None)):  # blank, or checked by rules (no one wrong value)
        return []
    if isinstance(expected, dict):
        given = given if isinstance(given, dict) else {}
        return [w for k, exp in expected.items() for w in _wrong(given.get(k), exp, _join(part, k))]
    if isinstance(expected, (set, frozenset)):
        chosen = given if isinstance(given, (list, tuple, set, frozenset)) else [given]
        return [(part, v) for v in chosen if not _in(v, expected)]
    if isinstance(expected, (list, tuple)):
        given = list(given) if isinstance(given, (list, tuple)) else []
        return [w for i, (v, exp) in enumerate(zip(given, expected)) for w in _wrong(v, exp, _join(part, f"第 {i + 1} 项"))]
    return [] if equal(given, expected) else [(part, given)]


def _join(part: str, key) -> str:
    return f"{part}·{key}" if part else str(key)


def _in(value, expected) -> bool:
    try:
        return value in expected or any(equal(value, e) for e in expected)
    except TypeError:  # an unhashable value (a list where an item was expected) is never right
        return False


def common_wrong_answers(course: Course, assignment: str, top: int = 3) -> pd.DataFrame:
    """Per question and part, the ``top`` most frequent wrong values and how many learners gave them."""
    key = load_answer_key(course.source, assignment)
    counts: Counter = Counter()
    for values in learner_answers(course, assignment).values():
        for name, expected in key.items():
            if name in values:
                for part, value in _wrong(values[name], expected):
                    counts[(name, part, repr(value))] += 1
    rows = [{"练习": assignment, "题目": n, "项": p, "错误答案": v, "人数": c} for (n, p, v), c in counts.items()]
    table = pd.DataFrame(rows, columns=["练习", "题目", "项", "错误答案", "人数"])
    if table.empty:
        return table
    table = table.sort_values(["题目", "项", "人数"], ascending=[True, True, False])
    return table.groupby(["题目", "项"], sort=False).head(top).reset_index(drop=True)
