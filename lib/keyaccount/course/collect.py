"""Take in submissions as trainers receive them: a folder or a zip, one folder or file per learner.

Accepted shapes (learner = folder name, or what is left of the file name without the notebook name):
    收件/张三/funnel_forecast.ipynb       收件/张三/任意子文件夹/funnel_forecast (1).ipynb
    收件/张三_funnel_forecast.ipynb       收件/funnel_forecast-lisi.ipynb
A folder around several learners (the zipped inbox folder itself, group folders 一组/张三/…) is
seen through. Of two versions of one learner's notebook the newest (by the zip's time) is kept.
A browser's copy suffix (`` (1)``, ``（2）``, `` - 副本``, `` - Copy``) is ignored, and so is the
file name when the assignment has a single notebook and the learner sent a single notebook.
Each such correction is recorded as a notice for the report and the learner's feedback.
"""
import os
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from keyaccount.course import notices
from keyaccount.course.layout import Course

COPY_SUFFIX = re.compile(r"(\s*[\(（]\d+[\)）]|\s*-?\s*(副本|copy)(\s*\d+)?)+$", re.IGNORECASE)
SEPARATORS = " _-.—·"
SKIPPED = ("__MACOSX", ".ipynb_checkpoints")


class CollectError(ValueError):
    """The submissions cannot be taken in at all (empty file, not a zip, no notebook); the message names the file."""


@dataclass
class Collected:
    """What one collect run did: files stored per learner, files it could not place, versions it chose
    between, and archive entries it refused (paths leaving the folder)."""
    stored: dict[str, list[str]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def base_name(stem: str) -> str:
    """The file stem without a browser's or editor's copy suffix."""
    return COPY_SUFFIX.sub("", stem).strip()


def collect(course: Course, assignment: str, incoming: Path) -> Collected:
    """Copy the notebooks in ``incoming`` (folder or .zip) into the course's submitted/ folder."""
    incoming = Path(incoming)
    if incoming.is_file() or incoming.suffix.lower() == ".zip":
        if not incoming.is_file():
            raise FileNotFoundError(f"找不到提交的文件夹或压缩包：{incoming}")
        with tempfile.TemporaryDirectory(prefix="keyaccount-collect-") as tmp:
            refused = _unzip(incoming, Path(tmp))
            return _collect_folder(course, assignment, Path(tmp), incoming.name, refused)
    if not incoming.is_dir():
        raise FileNotFoundError(f"找不到提交的文件夹或压缩包：{incoming}")
    return _collect_folder(course, assignment, incoming, incoming.name, [])


def _collect_folder(course: Course, assignment: str, root: Path, label: str, refused: list[str]) -> Collected:
    expected = course.notebook_names(assignment)
    result = Collected(refused=refused)
    by_student: dict[str, list[Path]] = {}
    for student, path in _learner_notebooks(root, expected):
        if not student:
            result.unplaced.append(str(path.relative_to(root)))
            continue
        by_student.setdefault(student, []).append(path)
    if not by_student and not result.unplaced:
        said = f"（另有 {len(refused)} 个不安全的条目被拒收：{'、'.join(refused)}）" if refused else ""
        raise CollectError(f"{label} 里没有笔记本（.ipynb）文件{said}：请确认打包的是学员交来的作业。")
    found = {}
    for student, paths in by_student.items():
        folder = course.submitted / student / assignment
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        found[student] = []
        chosen: dict[str, list[tuple[Path, str]]] = {}
        for path in paths:
            target, message = _target_name(path, expected, single=len(paths) == 1)
            if target is None:
                found[student].append(message)
                continue
            chosen.setdefault(target, []).append((path, message))
        for target, versions in chosen.items():
            path, message = max(versions, key=lambda v: (v[0].stat().st_mtime, v[0].name))
            if len(versions) > 1:
                note = _versions_note(student, target, [v[0] for v in versions], path)
                result.versions.append(note)
                found[student].append(note)
            elif message:
                found[student].append(message)
            shutil.copyfile(path, folder / target)
            result.stored.setdefault(student, []).append(target)
    notices.record(course, assignment, "collect", found)
    return result


def _versions_note(student: str, target: str, paths: list[Path], kept: Path) -> str:
    shown = "、".join(f"{p.name}（{_when(p)}）" for p in sorted(paths, key=lambda p: p.stat().st_mtime))
    return f"{student} 交了 {len(paths)} 份 {target}：{shown}；已收最新的一份 {kept.name}。"


def _when(path: Path) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))


def _skipped(name: str) -> bool:
    return name in SKIPPED or name.startswith(".")


def _notebooks_here(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file() and not _skipped(p.name))


def _subfolders(folder: Path) -> list[Path]:
    """Sub-folders that hold a notebook somewhere below them."""
    return sorted(d for d in folder.iterdir() if d.is_dir() and not _skipped(d.name) and _all_notebooks(d))


def _all_notebooks(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*.ipynb"))
            if p.is_file() and not any(_skipped(part) for part in p.relative_to(folder).parts)]


def _is_wrapper(folder: Path, expected: list[str]) -> bool:
    """A folder around several learners: two or more learner folders, or notebooks named after learners."""
    return len(_subfolders(folder)) >= 2 or any(_named_learner(p.stem, expected) for p in _notebooks_here(folder))


def _learner_notebooks(folder: Path, expected: list[str]):
    """(learner, notebook) pairs; wrapper folders (a zipped inbox, group folders) are seen through."""
    for path in _notebooks_here(folder):
        yield _student_from_file(path.stem, expected), path
    subs = _subfolders(folder)
    wrappers = [d for d in subs if _is_wrapper(d, expected)]
    for sub in subs:
        lone_group = wrappers and not _notebooks_here(sub) and len(_subfolders(sub)) == 1  # a group of one
        if sub in wrappers or lone_group:
            yield from _learner_notebooks(sub, expected)
        else:
            for path in _all_notebooks(sub):
                yield sub.name, path


def _named_learner(stem: str, expected: list[str]) -> str:
    """The learner named in a file name that also holds the notebook's name (``张三_funnel_forecast``), or ""."""
    stem = base_name(stem)
    for name in expected:
        nb = Path(name).stem
        if nb.casefold() in stem.casefold():
            start = stem.casefold().index(nb.casefold())
            return (stem[:start] + " " + stem[start + len(nb):]).strip(SEPARATORS)
    return ""


def _student_from_file(stem: str, expected: list[str]) -> str:
    """Learner name in a flat file name such as ``张三_funnel_forecast (1)``."""
    if any(Path(n).stem.casefold() in base_name(stem).casefold() for n in expected):
        return _named_learner(stem, expected)
    return base_name(stem).strip(SEPARATORS) if len(expected) == 1 else ""


def _target_name(path: Path, expected: list[str], single: bool) -> tuple[str | None, str]:
    """The assignment notebook ``path`` stands for, and a notice when its name had to be corrected."""
    base = base_name(path.stem)
    for name in expected:
        if Path(name).stem.casefold() in base.casefold():
            renamed = base != path.stem
            return name, f"文件名是“{path.name}”（下载副本的名字），已按 {name} 收取。" if renamed else ""
    if len(expected) == 1 and single:
        return expected[0], f"文件名是“{path.name}”，不是 {expected[0]}；本练习只有这一个笔记本，已按它收取。"
    return None, (f"无法识别文件“{path.name}”：本练习的笔记本是 {'、'.join(expected)}。"
                  "请把文件改成这个名字后重新提交。")


def _unzip(archive: Path, dest: Path) -> list[str]:
    """Extract ``archive`` (file times kept); Chinese names come out right whether stored as UTF-8 or GBK.

    Entries that would land outside ``dest`` (``../``, absolute paths, drive letters) are refused and returned.
    """
    if archive.stat().st_size == 0:
        raise CollectError(f"{archive.name} 是空文件（0 字节）：可能没有下载完整，请重新下载或重新打包后再收取。")
    if not zipfile.is_zipfile(archive):
        raise CollectError(f"{archive.name} 不是 zip 压缩包（可能没有下载完整，或是 rar/7z 格式）："
                           "请用 zip 格式重新打包后再收取。")
    refused = []
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                name = _decoded_name(info).replace("\\", "/")
                parts = PurePosixPath(name).parts
                if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
                    refused.append(name)
                    continue
                if info.is_dir() or not parts:
                    continue
                target = dest.joinpath(*parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(zf.read(info))
                stamp = time.mktime((*info.date_time, 0, 0, -1))
                os.utime(target, (stamp, stamp))
    except (zipfile.BadZipFile, EOFError) as error:
        raise CollectError(f"{archive.name} 是损坏的 zip 压缩包（{error}）：请重新打包后再收取。") from None
    return refused


def _decoded_name(info: zipfile.ZipInfo) -> str:
    """The entry's name; without the UTF-8 flag it is UTF-8 anyway (Linux zip) or GBK (Windows)."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename
