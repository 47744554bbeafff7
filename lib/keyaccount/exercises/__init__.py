"""Answer keys of the graded exercises, one module per assignment in ``solutions/``.

Each module ``keyaccount.exercises.<assignment>`` defines ``answer_key() -> dict`` mapping
the answer variable names of the exercise notebook to their expected values, computed from
the exercise's case file with the kit's own formulas (never retyped). Hidden tests and the
learner's self-check both read the key through ``answer_key``.
"""
from importlib import import_module

from keyaccount.validation import InputError


def answer_key(assignment: str) -> dict:
    """The expected answers of one assignment."""
    try:
        module = import_module(f"keyaccount.exercises.{assignment}")
    except ModuleNotFoundError:
        raise InputError(f"没有名为 {assignment} 的练习。") from None
    return module.answer_key()
