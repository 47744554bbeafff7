"""Shared test helpers: the repository root, the answer keys beside solutions/, headless plotting."""
from pathlib import Path

import matplotlib
import pytest

from keyaccount.course.keys import load_answer_key

matplotlib.use("Agg")  # this process only: kernels started by tests keep Jupyter's inline backend

ROOT = Path(__file__).resolve().parents[1]


def answer_key(assignment: str) -> dict:
    """The instructor's key of ``assignment`` (solutions/<assignment>/answer_key.py)."""
    return load_answer_key(ROOT / "solutions", assignment)


@pytest.fixture
def root() -> Path:
    return ROOT
