"""`keyaccount course init`: a trainer's course folder outside the repository; `release` writes only
into that course (its release folder and exchange), never into a learner's workspace or exercises/."""
import hashlib
import os
import stat

import pytest

from keyaccount import workspace
from keyaccount.course import cli
from keyaccount.course.layout import Course

from conftest import ROOT

A = "funnel_forecast"


def tree_digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def course_folder(tmp_path):
    folder = tmp_path / "培训 课程"
    assert cli.main(["course", "init", str(folder), "--source", str(ROOT / "solutions")]) == 0
    return folder


def test_init_makes_a_stock_nbgrader_course_only_the_trainer_can_read(course_folder):
    course = Course.at(course_folder)
    assert (course_folder / "nbgrader_config.py").is_file()
    assert (course.source / A / f"{A}.ipynb").is_file()
    assert course.db_path.is_file()
    assert stat.S_IMODE(os.stat(course_folder).st_mode) == 0o700


def test_init_again_adds_new_assignments_and_keeps_the_trainers_edits(course_folder, tmp_path, capsys):
    edited = course_folder / "source" / A / f"{A}.ipynb"
    edited.write_text(edited.read_text(encoding="utf-8").replace("漏斗", "漏斗（客户版）"), encoding="utf-8")
    before = edited.read_bytes()
    assert cli.main(["course", "init", str(course_folder), "--source", str(ROOT / "solutions")]) == 0
    assert edited.read_bytes() == before
    assert A in capsys.readouterr().out


def test_init_without_a_source_says_where_to_find_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["course", "init", str(tmp_path / "c")]) == 2
    assert "找不到练习的教师版" in capsys.readouterr().err


def test_trainer_commands_outside_a_course_say_so_in_chinese(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report"]) == 2
    assert "不在任何课程里" in capsys.readouterr().err
    assert cli.main(["--course", str(tmp_path), "report"]) == 2


@pytest.mark.nbgrader
def test_release_touches_neither_the_learners_workspace_nor_the_committed_exercises(course_folder, tmp_path):
    learner = tmp_path / "学员"
    workspace.update(learner)
    mine = learner / "exercises" / A / f"{A}.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace('"预测合计": None', '"预测合计": 93.1'), encoding="utf-8")
    learner_before, exercises_before = tree_digest(learner), tree_digest(ROOT / "exercises")

    assert cli.main(["--course", str(course_folder), "release", A]) == 0
    course = Course.at(course_folder)
    assert (course.release / A / f"{A}.ipynb").is_file()
    assert (course.release / f"{A}.zip").is_file()
    assert list((course_folder / "exchange").rglob(f"outbound/{A}/{A}.ipynb"))
    assert tree_digest(learner) == learner_before
    assert tree_digest(ROOT / "exercises") == exercises_before
