"""The section-C lessons run on another case given as a papermill parameter."""
import json

import pytest

from conftest import ROOT, write_reference_cases
from notebook_run import execute, stderr_outputs


@pytest.mark.notebook
@pytest.mark.parametrize("lesson, case, expected", [
    ("32_fishbone_plan_review.ipynb", "strategy_kmobile", "徐经理"),
    ("30_swot_tows.ipynb", "six_steps_yaya_swot", "鸭鸭"),
])
def test_lesson_runs_on_another_case(lesson, case, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("KEYACCOUNT_CASES", str(write_reference_cases(tmp_path / "cases")))  # exercise cases with their keys' facts
    nb = execute(ROOT / "notebooks" / lesson, tmp_path / lesson, {"case": case})
    assert expected in json.dumps(nb.cells, ensure_ascii=False)
    assert stderr_outputs(nb) == []
