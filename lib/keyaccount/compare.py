"""Compare an answer with the expected value: the share that is right and Chinese lines per part.

Runs in the grader's process (and in stock nbgrader's hidden tests); the lines never show the
expected value. Only a computed amount (``Amount``: arithmetic the learner should check) is told which
way it is off; a judgement or a choice is only "不正确" (with the author's hint from the form), so
resubmitting cannot home in on the key.
"""
import math
from numbers import Real

MISSING = object()


class Amount(float):
    """A computed amount in an answer key (see ``keys.load_answer_key``): a wrong answer hears which way it is off."""


def is_number(x) -> bool:
    return isinstance(x, Real) and not isinstance(x, bool)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.005, abs_tol=0.01)


def equal(a, b) -> bool:
    """Same answer: numbers within rounding, text ignoring case and surrounding spaces."""
    if is_number(a) and is_number(b):
        return _close(a, b)
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().upper() == b.strip().upper()
    return a == b


def _number_hint(value: float, expected: float) -> str:
    if expected and _close(value * 100, expected):
        return "数量级差了 100 倍：是不是把小数写成了百分数的数值？"
    if expected and _close(value / 100, expected):
        return "数量级差了 100 倍：比例请写成小数（例如 0.98，而不是 98）。"
    if expected and (abs(value) > 5 * abs(expected) or abs(value) < abs(expected) / 5):
        return "数量级不对：请检查单位（万元）和公式。"
    return "偏大了，请检查计算。" if value > expected else "偏小了，请检查计算。"


def _wrong(spec: dict | None) -> str:
    hint = (spec or {}).get("hint")
    return f"不正确。提示：{hint}" if hint else "不正确"


def compare(value, expected, spec: dict | None = None) -> tuple[float, list[str]]:
    """Share of ``expected`` that ``value`` gets right, and one feedback line per part.

    ``spec``: the answer's public form (``form.json``), whose author hint a wrong judgement is given.

    ``expected`` may also be a set of rules with ``grade(value)`` (e.g. a learner's own plan,
    checked by ``keyaccount.plan.written.PlanRules``): then the rules give the share and the lines.
    """
    if callable(getattr(expected, "grade", None)):
        return expected.grade(value)
    if isinstance(expected, dict):
        lines, right = [], 0.0
        given = value if isinstance(value, dict) else {}
        specs = dict((spec or {}).get("keys", []))
        for key, exp in expected.items():
            part, sub = compare(given[key], exp, specs.get(key)) if key in given else (0.0, ["缺少这一项"])
            right += part
            lines.append(("✓ " if part == 1 else "✗ ") + f"{key}" + ("" if part == 1 else f"：{sub[0]}"))
        return right / len(expected), lines
    if isinstance(expected, (set, frozenset)):
        chosen = set(value) if isinstance(value, (list, tuple, set, frozenset)) else set()
        hits, wrong = len(chosen & expected), len(chosen - expected)
        share = max(hits - wrong, 0) / len(expected)
        lines = [f"选对 {hits} 项，共应选 {len(expected)} 项" + (f"；多选了 {wrong} 项不该选的" if wrong else "")]
        return share, lines
    if isinstance(expected, (list, tuple)):
        seq = list(value) if isinstance(value, (list, tuple)) else []
        hits = sum(1 for a, b in zip(seq, expected) if equal(a, b))
        return hits / len(expected), [f"{hits} / {len(expected)} 项位置和内容正确"]
    if equal(value, expected):
        return 1.0, ["正确"]
    if isinstance(expected, Amount) and is_number(value):
        return 0.0, [_number_hint(value, expected)]
    return 0.0, [_wrong(spec)]
