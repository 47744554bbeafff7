"""`keyaccount collect`: learners are found by folder or file name, in folders and zips as trainers get them."""
import shutil
import zipfile

import pytest

from conftest import ROOT
from keyaccount.course import notices
from keyaccount.course.collect import base_name, collect
from keyaccount.course.layout import Course

A = "funnel_forecast"
NB = f"{A}.ipynb"


@pytest.fixture
def course(tmp_path):
    shutil.copytree(ROOT / "solutions" / A, tmp_path / "course" / "source" / A)
    return Course.at(tmp_path / "course")


@pytest.fixture
def notebook_bytes():
    return (ROOT / "exercises" / A / NB).read_bytes()


@pytest.mark.parametrize("name, base", [
    (f"{A} (1)", A), (f"{A}（2）", A), (f"{A} - 副本", A), (f"{A} - Copy (3)", A), (A, A)])
def test_copy_suffixes_are_ignored(name, base):
    assert base_name(name) == base


def test_folder_per_learner_and_flat_file_names(course, tmp_path, notebook_bytes):
    inbox = tmp_path / "inbox"
    (inbox / "张三" / "作业").mkdir(parents=True)
    (inbox / "张三" / "作业" / f"{A} (1).ipynb").write_bytes(notebook_bytes)
    (inbox / f"李四_{A}.ipynb").write_bytes(notebook_bytes)
    (inbox / f"{A}-wangwu.ipynb").write_bytes(notebook_bytes)
    (inbox / "__MACOSX").mkdir()
    (inbox / "__MACOSX" / f"._{A}.ipynb").write_bytes(b"junk")
    result = collect(course, A, inbox)
    assert sorted(result.stored) == ["wangwu", "张三", "李四"]
    for student in result.stored:
        assert (course.submitted / student / A / NB).read_bytes() == notebook_bytes
    said = notices.load(course, A)
    assert "下载副本" in said["张三"][0] and "李四" not in said


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])  # as Chinese Windows and Linux zip store names
def test_a_zip_with_chinese_names_stored_without_the_utf8_flag(course, tmp_path, notebook_bytes, encoding):
    encoded = "赵六/".encode(encoding)
    placeholder = "X" * (len(encoded) - 1) + "/"  # same length, so the zip's offsets stay valid
    archive = tmp_path / "收件.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(placeholder + NB, notebook_bytes)
    archive.write_bytes(archive.read_bytes().replace(placeholder.encode(), encoded))
    assert collect(course, A, archive).stored == {"赵六": [NB]}


def test_a_single_wrongly_named_notebook_is_taken_and_said(course, tmp_path, notebook_bytes):
    inbox = tmp_path / "inbox"
    (inbox / "孙七").mkdir(parents=True)
    (inbox / "孙七" / "我的作业.ipynb").write_bytes(notebook_bytes)
    assert collect(course, A, inbox).stored == {"孙七": [NB]}
    assert "我的作业.ipynb" in notices.load(course, A)["孙七"][0]


def test_an_unknown_extra_notebook_is_named_with_what_to_do(course, tmp_path, notebook_bytes):
    inbox = tmp_path / "inbox"
    (inbox / "周八").mkdir(parents=True)
    (inbox / "周八" / NB).write_bytes(notebook_bytes)
    (inbox / "周八" / "草稿.ipynb").write_bytes(notebook_bytes)
    assert collect(course, A, inbox).stored == {"周八": [NB]}
    message = notices.load(course, A)["周八"][0]
    assert "草稿.ipynb" in message and "改成" in message


def test_recollecting_replaces_the_old_submission_and_notes(course, tmp_path, notebook_bytes):
    inbox = tmp_path / "inbox"
    (inbox / "孙七").mkdir(parents=True)
    (inbox / "孙七" / "我的作业.ipynb").write_bytes(notebook_bytes)
    collect(course, A, inbox)
    (inbox / "孙七" / "我的作业.ipynb").rename(inbox / "孙七" / NB)
    collect(course, A, inbox)
    assert "孙七" not in notices.load(course, A)


def test_missing_inbox_is_a_clear_error(course, tmp_path):
    with pytest.raises(FileNotFoundError, match="找不到"):
        collect(course, A, tmp_path / "没有这个文件夹")
