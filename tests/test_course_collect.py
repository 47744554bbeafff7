"""`keyaccount collect`: learners are found by folder or file name, in folders and zips as trainers get them."""
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from keyaccount.course import notices
from keyaccount.course.cli import main
from keyaccount.course.collect import CollectError, base_name, collect
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


def _zip(path, entries):
    """A zip of ``entries`` {name: (bytes, (y, m, d, h, min, s))} as Windows "compress folder" stores them."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, (data, when) in entries.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return path


T = (2026, 11, 20, 9, 0, 0)


def test_a_zip_of_the_inbox_folder_itself_finds_the_learners_inside(course, tmp_path, notebook_bytes):
    archive = _zip(tmp_path / "收件.zip", {f"收件/张三/{NB}": (notebook_bytes, T), f"收件/李四/{NB}": (notebook_bytes, T),
                                          f"收件/王五_{NB}": (notebook_bytes, T)})
    assert sorted(collect(course, A, archive).stored) == ["张三", "李四", "王五"]


def test_group_folders_are_seen_through_also_a_group_of_one(course, tmp_path, notebook_bytes):
    archive = _zip(tmp_path / "全班.zip", {f"全班/一组/张三/{NB}": (notebook_bytes, T),
                                          f"全班/一组/李四/作业/{NB}": (notebook_bytes, T),
                                          f"全班/二组/王五/{NB}": (notebook_bytes, T)})
    assert sorted(collect(course, A, archive).stored) == ["张三", "李四", "王五"]


def test_of_two_versions_the_newest_by_the_zip_time_is_kept_and_said(course, tmp_path, notebook_bytes):
    newer = notebook_bytes.replace(b"None", b"12", 1)
    archive = _zip(tmp_path / "收件.zip", {f"张三/{A} (1).ipynb": (newer, (2026, 11, 20, 10, 31, 0)),
                                          f"张三/{NB}": (notebook_bytes, T)})
    result = collect(course, A, archive)
    assert (course.submitted / "张三" / A / NB).read_bytes() == newer
    (note,) = result.versions
    assert "张三 交了 2 份" in note and f"已收最新的一份 {A} (1).ipynb" in note and "2026-11-20 10:31" in note
    assert note in notices.load(course, A)["张三"]


def test_unsafe_entries_are_refused_and_listed(course, tmp_path, notebook_bytes):
    archive = _zip(tmp_path / "收件.zip", {f"../../{NB}": (notebook_bytes, T), f"/tmp/evil_{NB}": (notebook_bytes, T),
                                          f"张三/{NB}": (notebook_bytes, T)})
    result = collect(course, A, archive)
    assert result.stored == {"张三": [NB]}
    assert result.refused == [f"../../{NB}", f"/tmp/evil_{NB}"]
    assert not (Path("/") / NB).exists() and not (tmp_path / NB).exists()


@pytest.mark.parametrize("make, phrase", [
    (lambda p: p.write_bytes(b""), "是空文件"),
    (lambda p: p.write_bytes(b"Rar!\x1a\x07\x00 not a zip"), "不是 zip 压缩包"),
    (lambda p: _zip(p, {"说明.txt": (b"hello", T)}), "里没有笔记本"),
])
def test_an_unusable_archive_is_a_chinese_error_naming_the_file(course, tmp_path, make, phrase):
    archive = tmp_path / "第三组作业.zip"
    make(archive)
    with pytest.raises(CollectError, match=phrase) as error:
        collect(course, A, archive)
    assert "第三组作业.zip" in str(error.value)


def test_the_collect_command_says_what_it_chose_and_refused(course, tmp_path, notebook_bytes, capsys):
    archive = _zip(tmp_path / "收件.zip", {f"收件/张三/{NB}": (notebook_bytes, T), f"收件/张三/{A} (1).ipynb": (notebook_bytes, T),
                                          f"收件/李四/{NB}": (notebook_bytes, T), f"../{NB}": (notebook_bytes, T)})
    assert main(["--course", str(course.root), "collect", A, str(archive)]) == 0
    out = capsys.readouterr().out
    assert "已收取 2 位学员" in out and "张三 交了 2 份" in out and f"拒收不安全的条目：../{NB}" in out
    (tmp_path / "坏.zip").write_bytes(b"")
    assert main(["--course", str(course.root), "collect", A, str(tmp_path / "坏.zip")]) == 2
    assert "坏.zip 是空文件" in capsys.readouterr().err
