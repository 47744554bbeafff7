"""Self-paced check: the learner runs the visible tests of an exercise and reads a Chinese result."""
import shutil

import pytest

from conftest import ROOT
from keyaccount.course.cli import main

A = "funnel_forecast"


@pytest.mark.notebook
def test_check_on_an_untouched_exercise_names_each_question_in_chinese(tmp_path, capsys):
    copy = tmp_path / f"{A}.ipynb"
    shutil.copyfile(ROOT / "exercises" / A / f"{A}.ipynb", copy)
    assert main(["check", str(copy)]) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("✗")]
    assert len(lines) == 4 and all("第" in line and "格式不对" in line for line in lines)
    assert "0 题格式检查通过" in out
