"""The grading service's reading and writing in a learner's workspace, which the learner controls:
links, special files, hard links and huge files are refused with a Chinese message naming the file;
feedback goes into a new folder, never over a file, never through a link."""
import os

import pytest

from keyaccount.hub import learner_files
from keyaccount.hub.learner_files import LearnerHome, RefusedFile

NOTEBOOK = "exercises/funnel_forecast/funnel_forecast.ipynb"


@pytest.fixture
def home(tmp_path):
    (tmp_path / "home" / "ws" / "exercises" / "funnel_forecast").mkdir(parents=True)
    (tmp_path / "home" / "ws" / NOTEBOOK).write_text("{}", encoding="utf-8")
    (tmp_path / "secret").write_text("gradebook", encoding="utf-8")
    return LearnerHome(tmp_path / "home", "ws")


def test_a_saved_notebook_is_read(home):
    assert home.read(NOTEBOOK) == b"{}"


@pytest.mark.parametrize("link", ["file", "folder", "workspace"])
def test_a_link_anywhere_on_the_path_is_refused(home, link):
    ws = home.home / home.folder
    if link == "file":
        (ws / NOTEBOOK).unlink()
        (ws / NOTEBOOK).symlink_to(home.home.parent / "secret")
    elif link == "folder":
        (ws / "exercises").rename(home.home / "elsewhere")
        (ws / "exercises").symlink_to(home.home / "elsewhere")
    else:
        ws.rename(home.home / "real")
        ws.symlink_to(home.home / "real")
    with pytest.raises(RefusedFile, match="链接") as refused:
        home.read(NOTEBOOK)
    assert NOTEBOOK in str(refused.value) and "secret" not in str(refused.value)


def test_special_hard_linked_missing_and_huge_files_are_refused(home, monkeypatch):
    ws = home.home / home.folder
    (ws / NOTEBOOK).unlink()
    os.mkfifo(ws / NOTEBOOK)
    with pytest.raises(RefusedFile, match="不是普通文件"):
        home.read(NOTEBOOK)
    (ws / NOTEBOOK).unlink()
    os.link(home.home.parent / "secret", ws / NOTEBOOK)
    with pytest.raises(RefusedFile, match="硬链接"):
        home.read(NOTEBOOK)
    (ws / NOTEBOOK).unlink()
    with pytest.raises(RefusedFile, match="找不到"):
        home.read(NOTEBOOK)
    (ws / NOTEBOOK).write_bytes(b"x" * 100)
    monkeypatch.setattr(learner_files, "MAX_BYTES", 99)
    with pytest.raises(RefusedFile, match="太大"):
        home.read(NOTEBOOK)


def test_feedback_goes_into_a_new_folder_and_never_over_a_learners_file(home):
    ws = home.home / home.folder
    assert home.write_new("反馈/a/第1次提交", {"x.html": b"one"}) == "反馈/a/第1次提交"
    assert (ws / "反馈/a/第1次提交/x.html").read_bytes() == b"one"
    (ws / "反馈/a/第2次提交").mkdir()
    (ws / "反馈/a/第2次提交/x.html").write_bytes(b"the learner's own")
    assert home.write_new("反馈/a/第2次提交", {"x.html": b"two"}) == "反馈/a/第2次提交-2"
    assert (ws / "反馈/a/第2次提交/x.html").read_bytes() == b"the learner's own"
    assert (ws / "反馈/a/第2次提交-2/x.html").read_bytes() == b"two"


def test_feedback_is_never_written_through_a_link(home, tmp_path):
    outside = tmp_path / "other-learner"
    outside.mkdir()
    (home.home / home.folder / "反馈").symlink_to(outside)
    with pytest.raises(RefusedFile):
        home.write_new("反馈/a/第1次提交", {"x.html": b"one"})
    assert list(outside.iterdir()) == []


def test_released_files_are_added_only_where_the_workspace_has_none_and_never_through_a_link(home):
    ws = home.home / home.folder
    written = home.add_missing({NOTEBOOK: b"released", "exercises/late/late.ipynb": b"new"})
    assert written == ["exercises/late/late.ipynb"]
    assert (ws / NOTEBOOK).read_bytes() == b"{}", "the learner's own file is kept"
    assert (ws / "exercises" / "late" / "late.ipynb").read_bytes() == b"new"
    (ws / "exercises").rename(home.home / "elsewhere")
    (ws / "exercises").symlink_to(home.home / "elsewhere")
    with pytest.raises(RefusedFile, match="链接"):
        home.add_missing({"exercises/other/other.ipynb": b"x"})
    assert not (home.home / "elsewhere" / "other").exists()
