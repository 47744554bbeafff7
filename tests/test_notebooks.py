"""Every lesson runs top to bottom with no error and nothing on stderr.

Solution notebooks are executed by the nbgrader round trip (test_nbgrader_roundtrip.py), which
checks their autograded copies the same way, so they are not run a second time here.
"""
import json

import nbformat
import pytest

from conftest import ROOT
from notebook_run import execute, stderr_outputs

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*/*.ipynb"))


def rel(path):
    return str(path.relative_to(ROOT))


@pytest.mark.notebook
@pytest.mark.parametrize("path", LESSONS, ids=rel)
def test_notebook_executes_without_errors_or_stderr(path, tmp_path):
    nb = execute(path, tmp_path / path.name)
    assert stderr_outputs(nb) == []


@pytest.mark.parametrize("path", LESSONS, ids=rel)
def test_lesson_has_a_chinese_title_and_a_case_parameter(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith("# ") and any("\u4e00" <= ch <= "\u9fff" for ch in first.splitlines()[0])
    if path.name != "00_index.ipynb":
        tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, "a lesson has exactly one cell tagged 'parameters'"


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=rel)
def test_notebooks_are_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=rel)
def test_notebooks_are_committed_as_jupyter_saves_them(path):
    """So a maintainer's save in `make lab` changes nothing but what they edited (language_info included:
    course_source_contents)."""
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    assert text == nbformat.writes(nb) + "\n"
    assert nb.metadata["language_info"] == {"name": "python"}


@pytest.mark.notebook
def test_funnel_lesson_runs_on_another_case_as_a_papermill_parameter(tmp_path):
    path = ROOT / "notebooks" / "01_funnel_forecast.ipynb"
    nb = execute(path, tmp_path / "out.ipynb", {"case": "funnel_exercise_hardware", "p6_rate": 0.8})
    text = json.dumps(nb.cells, ensure_ascii=False)
    assert "华东区硬件产品线" in text
    assert stderr_outputs(nb) == []

