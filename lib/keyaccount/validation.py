"""Input checks with Chinese messages that name the wrong value.

Every model function validates its inputs through these helpers, so a learner who types
``"169"`` or ``-3`` or ``120`` (for 120%) is told exactly which value is wrong and why.
"""
from numbers import Real


class InputError(ValueError, TypeError):
    """A value a learner or trainer supplied is wrong; the message says which and why."""


def number(label: str, value) -> float:
    """A real number (not bool, not text)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InputError(f"{label} 应该是一个数字，收到的是 {shown(value)}。")
    if value != value:  # NaN
        raise InputError(f"{label} 不是有效数字（NaN）。")
    return float(value)


def non_negative(label: str, value) -> float:
    """A number ≥ 0 (amounts, counts of money)."""
    value = number(label, value)
    if value < 0:
        raise InputError(f"{label} 不能为负数，收到的是 {_fmt(value)}。")
    return value


def positive(label: str, value) -> float:
    """A number > 0 (quotas, 单产, divisors)."""
    value = number(label, value)
    if value <= 0:
        raise InputError(f"{label} 必须大于 0，收到的是 {_fmt(value)}。")
    return value


def count(label: str, value) -> int:
    """A whole number ≥ 0 (numbers of customers or projects)."""
    value = non_negative(label, value)
    if value != int(value):
        raise InputError(f"{label} 应该是整数（个数），收到的是 {_fmt(value)}。")
    return int(value)


def rate(label: str, value) -> float:
    """A probability or percentage written as a fraction between 0 and 1."""
    value = number(label, value)
    if not 0 <= value <= 1:
        hint = f"（如果指 {_fmt(value)}%，请写成 {value / 100:g}）" if 1 < value <= 100 else ""
        raise InputError(f"{label} 应在 0 到 1 之间，收到的是 {_fmt(value)}{hint}。")
    return value


def one_of(label: str, value, allowed) -> object:
    """One of a fixed set of choices."""
    if value not in allowed:
        choices = "、".join(str(a) for a in allowed)
        raise InputError(f"{label} 只能是 {choices} 之一，收到的是 {shown(value)}。")
    return value


def _fmt(value: float) -> str:
    return f"{value:g}"


def shown(value) -> str:
    """``value`` as a learner reads it (文字“明年”, 数字 7, 列表 …), never a Python type name."""
    if isinstance(value, str):
        return f"文字“{value}”" + ("（去掉引号即为数字）" if _looks_numeric(value) else "")
    if value is None:
        return "空值 None（是不是忘了填写？）"
    if isinstance(value, bool):
        return f"{value}（是 / 否）"
    if isinstance(value, Real):
        return f"数字 {value:g}"
    if isinstance(value, dict):
        return "一个对照表 { … }"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "一个列表 [ … ]"
    return "一个不是数字、文字、列表或对照表的东西"


def _looks_numeric(text: str) -> bool:
    try:
        float(text.strip().rstrip("%"))
    except ValueError:
        return False
    return True
