"""Scoring helpers for nbgrader test cells and the learner's self-check.

A test cell names the learner's answer variable; the helper finds it in the notebook,
compares it with the assignment's answer key and prints Chinese feedback that never shows
the expected value. ``score`` returns the points earned, which nbgrader reads as partial
credit when it is the last expression of a test cell. Nothing is written to stderr
(nbgrader scores any stderr output as 0).
"""
import inspect

from keyaccount.compare import MISSING, compare, is_number
from keyaccount.course.keys import find_answer_key


def score(assignment: str, name: str, points: float) -> float:
    """Points earned for answer ``name``: all, none, or a share for partly right answers."""
    value = _learner_value(name)
    if value is MISSING:
        print(f"✗ {name}：找不到这个答案。答题单元格可能被删除、改名或还没有运行。")
        return 0.0
    share, lines = compare(value, find_answer_key(assignment)[name])
    for line in lines:
        print(f"  {line}")
    earned = round(points * share, 2)
    mark = "✓" if share == 1 else ("◐" if share > 0 else "✗")
    print(f"{mark} {name}：得分 {earned:g} / {points:g}")
    return earned


def check_format(assignment: str, name: str) -> None:
    """Visible test: the answer exists and has the expected form (type, keys, length)."""
    value = _learner_value(name)
    assert value is not MISSING, f"找不到答案 {name}：请确认答题单元格还在，并且已经运行。"
    problem = _form_problem(value, find_answer_key(assignment)[name])
    assert problem is None, f"{name} 的格式不对：{problem}"
    print(f"✓ {name} 的格式正确（数值是否正确由隐藏测试评分）。")


def check(assignment: str, name: str, value=MISSING) -> None:
    """Self-check for learners: a Chinese hint about ``name`` that never reveals the answer."""
    if value is MISSING:
        value = _learner_value(name)
    expected = find_answer_key(assignment)[name]
    if value is MISSING:
        print(f"还没有找到 {name}。请先运行填写答案的单元格。")
        return
    problem = _form_problem(value, expected)
    if problem:
        print(f"{name}：格式还不对 —— {problem}")
        return
    share, lines = compare(value, expected)
    if share == 1:
        print(f"{name}：正确！")
        return
    print(f"{name}：还不完全对（约 {share:.0%} 正确）。提示：")
    for line in lines:
        if not line.startswith("✓"):
            print(f"  {line}")


# ---------------------------------------------------------------- helpers
def _learner_value(name: str):
    """The variable ``name`` in the notebook's namespace (the caller of the public helper)."""
    frame = inspect.currentframe().f_back.f_back
    return frame.f_locals.get(name, frame.f_globals.get(name, MISSING))


def _form_problem(value, expected) -> str | None:
    """Why ``value`` does not have the form of ``expected``, or None."""
    if value is None:
        return "还没有填写：请把模板里的 None 换成你的答案。"
    if is_number(expected):
        if isinstance(value, str):
            return "应该是数字，不要加引号。"
        return None if is_number(value) else f"应该是一个数字，现在是 {type(value).__name__}。"
    if isinstance(expected, str):
        return None if isinstance(value, str) else "应该是文字（加引号），例如 \"A\"。"
    if isinstance(expected, dict):
        if not isinstance(value, dict):
            return "应该是字典 {键: 值}。"
        missing = [k for k in expected if k not in value]
        extra = [k for k in value if k not in expected]
        if missing:
            return f"缺少这些键：{'、'.join(map(str, missing))}。"
        if extra:
            return f"多出了这些键：{'、'.join(map(str, extra))}（请不要改动模板里的键）。"
        for key, exp in expected.items():
            problem = _form_problem(value[key], exp)
            if problem:
                return f"{key} —— {problem}"
        return None
    if isinstance(expected, (list, tuple, set, frozenset)):
        if not isinstance(value, (list, tuple, set, frozenset)):
            return "应该是列表 [ … ]。"
        if isinstance(expected, (list, tuple)) and len(value) != len(expected):
            return f"应该有 {len(expected)} 项，现在有 {len(value)} 项。"
        return None
    return None
