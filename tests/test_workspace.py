"""`keyaccount start`: the learner's workspace is made from the installed package and updating it
never overwrites a file the learner changed."""
import hashlib
import json

import pytest

from keyaccount import workspace
from keyaccount.course import cli

EXERCISE = "exercises/funnel_forecast/funnel_forecast.ipynb"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "我的 学习 空间"  # Chinese characters and spaces, as on a Windows desktop


def test_start_creates_lessons_exercises_cases_and_notes(folder, capsys):
    assert cli.main(["start", str(folder), "--update-only"]) == 0
    assert (folder / workspace.INDEX).is_file()
    assert (folder / "notebooks" / "01_funnel_forecast.ipynb").is_file()
    assert (folder / EXERCISE).is_file()
    assert (folder / "cases" / "funnel_usm_software.yaml").is_file()
    assert "keyaccount start" in (folder / workspace.NOTES).read_text(encoding="utf-8")
    assert not list(folder.rglob("answer_key.py")) and not list(folder.rglob("solutions"))
    assert not (folder / "notebooks" / "trainer").exists(), "trainers' guides are not for learners"
    assert str(folder) in capsys.readouterr().out


def test_running_start_again_keeps_what_the_learner_changed(folder, capsys):
    workspace.update(folder)
    mine = folder / EXERCISE
    nb = json.loads(mine.read_text(encoding="utf-8"))
    nb["cells"][3]["source"] = "业绩预测 = {'预测合计': 93.1}\n"  # the learner's answer
    mine.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    before = mine.read_bytes()
    (folder / "notebooks" / "01_funnel_forecast.ipynb").unlink()  # deleted by mistake

    assert cli.main(["start", str(folder), "--update-only"]) == 0
    out = capsys.readouterr().out
    assert mine.read_bytes() == before
    assert "保留了 1 个你改过的文件" in out and EXERCISE in out
    assert (folder / "notebooks" / "01_funnel_forecast.ipynb").is_file(), "a deleted lesson comes back"


def test_an_upgrade_refreshes_untouched_files_and_keeps_changed_ones(folder, monkeypatch, tmp_path):
    workspace.update(folder)
    untouched, changed = folder / "cases" / "funnel_usm_software.yaml", folder / EXERCISE
    changed.write_text(changed.read_text(encoding="utf-8") + " ", encoding="utf-8")
    mine = changed.read_bytes()
    newer = dict(workspace.packaged_files())  # the next version of the kit changes both files
    for name in ("cases/funnel_usm_software.yaml", EXERCISE):
        new = tmp_path / name.replace("/", "_")
        new.write_bytes(newer[name].read_bytes() + b"\n# v2\n")
        newer[name] = new
    newer["exercises/new_one/new_one.ipynb"] = newer[EXERCISE]
    monkeypatch.setattr(workspace, "packaged_files", lambda: newer)

    result = workspace.update(folder)
    assert untouched.read_bytes().endswith(b"# v2\n")
    assert changed.read_bytes() == mine
    assert result.updated == ["cases/funnel_usm_software.yaml"]
    assert result.kept == [EXERCISE]
    assert result.added == ["exercises/new_one/new_one.ipynb"]


def test_a_workspace_without_a_manifest_treats_every_differing_file_as_the_learners(folder):
    workspace.update(folder)
    (folder / workspace.MANIFEST).write_text("not json", encoding="utf-8")
    lesson = folder / "notebooks" / "01_funnel_forecast.ipynb"
    lesson.write_bytes(b"{}")
    result = workspace.update(folder)
    assert lesson.read_bytes() == b"{}" and result.kept == ["notebooks/01_funnel_forecast.ipynb"]


def test_the_default_folder_is_in_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert workspace.default_folder() == tmp_path / "大客户销售训练营"
    assert cli.main(["start", "--update-only"]) == 0
    assert digest(tmp_path / "大客户销售训练营" / EXERCISE) == digest(workspace.packaged_files()[EXERCISE])


def test_preparing_lessons_for_jupyterlab_does_not_count_as_the_learners_change(folder, monkeypatch, tmp_path):
    workspace.update(folder)
    lesson = "notebooks/01_funnel_forecast.ipynb"
    shipped = (folder / lesson).read_bytes()
    workspace.prepare_for_lab(folder)  # language_info written by the kit
    assert (folder / lesson).read_bytes() != shipped
    newer = dict(workspace.packaged_files())
    new = tmp_path / "01.ipynb"
    new.write_bytes(newer[lesson].read_bytes().replace("漏斗".encode(), "漏斗（新版）".encode(), 1))
    newer[lesson] = new
    monkeypatch.setattr(workspace, "packaged_files", lambda: newer)
    result = workspace.update(folder)
    assert lesson in result.updated and lesson not in result.kept


def test_starting_twice_in_a_row_changes_nothing_and_keeps_the_learners_lesson(folder, capsys):
    assert cli.main(["start", str(folder), "--update-only"]) == 0
    workspace.prepare_for_lab(folder)  # what a full `keyaccount start` does before JupyterLab opens
    mine = folder / "notebooks" / "01_funnel_forecast.ipynb"
    nb = json.loads(mine.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = "我的笔记：先问预算\n"
    mine.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    before = {path: path.read_bytes() for path in folder.rglob("*.ipynb")}
    capsys.readouterr()

    for _ in range(2):  # the next two starts
        assert cli.main(["start", str(folder), "--update-only"]) == 0
        out = capsys.readouterr().out
        assert "已是最新" in out and "更新了" not in out, out
        workspace.prepare_for_lab(folder)
    assert {path: path.read_bytes() for path in folder.rglob("*.ipynb")} == before
