"""The package a learner installs: built as a wheel, installed into a fresh virtual environment with no
repository in sight, it makes a workspace and runs a lesson and a filled-in exercise from it.
It carries lessons, student exercises and cases — never a solution notebook or an answer key."""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("keyaccount-*.whl"))


def test_the_wheel_carries_the_course_but_no_solution_or_key(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "keyaccount/content/notebooks/01_funnel_forecast.ipynb" in names
    assert "keyaccount/content/exercises/funnel_forecast/funnel_forecast.ipynb" in names
    assert "keyaccount/content/cases/funnel_usm_software.yaml" in names
    assert any(n.endswith("share/jupyter/lab/settings/overrides.json") for n in names)
    assert any(n.endswith("etc/jupyter/jupyter_server_config.d/keyaccount.json") for n in names)
    assert not [n for n in names if "solutions/" in n or n.endswith("answer_key.py")]
    assert not [n for n in names if "/trainer/" in n], "the trainers' guides hold role cards learners must not see"
    for name in names:
        if name.endswith((".py", ".ipynb")):
            text = zipfile.ZipFile(wheel).read(name).decode("utf-8")
            assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text, name
            assert "def answer_key" not in text, name


def filled_in(exercise: Path, solution: Path) -> nbformat.NotebookNode:
    """The learner's copy with each answer cell filled in as the solution does (what a learner types)."""
    nb = nbformat.read(exercise, as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(solution, as_version=4).cells
               if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution")}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.cell_type == "code" and grade_id in answers:
            source = answers[grade_id]
            cell.source = source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    return nb


@pytest.mark.slow
def test_a_fresh_install_makes_a_workspace_that_runs(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "constraints.txt"),
                    str(wheel), "papermill"], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    env["HOME"] = str(tmp_path / "home")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args, cwd=elsewhere):
        return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)

    where = run(python, "-c", "import keyaccount, sys; print(keyaccount.__file__); print(sys.path)")
    assert str(venv) in where.stdout.splitlines()[0] and str(ROOT) not in where.stdout
    folder = tmp_path / "学员 空间"
    started = run(bin_dir / "keyaccount", "start", folder, "--update-only")
    assert started.returncode == 0, started.stderr
    assert "新增" in started.stdout

    lesson = folder / "notebooks" / "01_funnel_forecast.ipynb"
    ran = run(python, "-m", "papermill", lesson, tmp_path / "lesson_out.ipynb", "-k", "python3", "--cwd",
              lesson.parent)
    assert ran.returncode == 0, ran.stderr[-2000:]

    exercise = folder / "exercises" / "funnel_forecast" / "funnel_forecast.ipynb"
    nbformat.write(filled_in(exercise, ROOT / "solutions" / "funnel_forecast" / "funnel_forecast.ipynb"), exercise)
    ran = run(python, "-m", "papermill", exercise, tmp_path / "exercise_out.ipynb", "-k", "python3", "--cwd",
              exercise.parent)
    assert ran.returncode == 0, ran.stderr[-2000:]
    done = nbformat.read(tmp_path / "exercise_out.ipynb", as_version=4)
    assert not [o for c in done.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]

    settings = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(settings.read_text())["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
