"""Shared test helpers: the repository root and headless plotting."""
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # this process only: kernels started by tests keep Jupyter's inline backend

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def root() -> Path:
    return ROOT
