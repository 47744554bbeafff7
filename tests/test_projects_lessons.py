"""The projects lessons run on another case given as a papermill parameter (trainer's own case)."""
import json

import pytest

from conftest import ROOT, write_reference_cases
from notebook_run import execute, stderr_outputs


@pytest.mark.notebook
@pytest.mark.parametrize("lesson, parameters, expected", [
    ("21_projects_decision_chain.ipynb", {"case": "projects_abc_h"}, "ABC公司H项目"),
    ("22_projects_statistics.ipynb", {"case": "projects_attention_exercise"}, "丙银行"),
    ("20_projects_overview.ipynb", {"case": "projects_xiaoli_customers"}, "小李的六个客户"),
])
def test_projects_lesson_runs_on_another_case(lesson, parameters, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("KEYACCOUNT_CASES", str(write_reference_cases(tmp_path / "cases")))  # exercise cases with their keys' facts
    nb = execute(ROOT / "notebooks" / lesson, tmp_path / lesson, parameters)
    assert expected in json.dumps(nb.cells, ensure_ascii=False)
    assert stderr_outputs(nb) == []
