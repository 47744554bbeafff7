"""Take in submissions as trainers receive them: a folder or a zip, one folder or file per learner.

Accepted shapes (learner = folder name, or what is left of the file name without the notebook name):
    收件/张三/funnel_forecast.ipynb       收件/张三/任意子文件夹/funnel_forecast (1).ipynb
    收件/张三_funnel_forecast.ipynb       收件/funnel_forecast-lisi.ipynb
A browser's copy suffix (`` (1)``, ``（2）``, `` - 副本``, `` - Copy``) is ignored, and so is the
file name when the assignment has a single notebook and the learner sent a single notebook.
Each such correction is recorded as a notice for the report and the learner's feedback.
"""
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from keyaccount.course import notices
from keyaccount.course.layout import Course

COPY_SUFFIX = re.compile(r"(\s*[\(（]\d+[\)）]|\s*-?\s*(副本|copy)(\s*\d+)?)+$", re.IGNORECASE)
SEPARATORS = " _-.—·"
SKIPPED = ("__MACOSX", ".ipynb_checkpoints")


@dataclass
class Collected:
    """What one collect run did: files stored per learner, and files it could not place."""
    stored: dict[str, list[str]] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)


def base_name(stem: str) -> str:
    """The file stem without a browser's or editor's copy suffix."""
    return COPY_SUFFIX.sub("", stem).strip()


def collect(course: Course, assignment: str, incoming: Path) -> Collected:
    """Copy the notebooks in ``incoming`` (folder or .zip) into the course's submitted/ folder."""
    incoming = Path(incoming)
    if incoming.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory(prefix="keyaccount-collect-") as tmp:
            _unzip(incoming, Path(tmp))
            return collect(course, assignment, Path(tmp))
    if not incoming.is_dir():
        raise FileNotFoundError(f"找不到提交的文件夹或压缩包：{incoming}")
    expected = course.notebook_names(assignment)
    by_student: dict[str, list[Path]] = {}
    result = Collected()
    for path in sorted(incoming.rglob("*.ipynb")):
        rel = path.relative_to(incoming)
        if any(part in SKIPPED or part.startswith(".") for part in rel.parts):
            continue
        student = rel.parts[0] if len(rel.parts) > 1 else _student_from_file(path.stem, expected)
        if not student:
            result.unplaced.append(str(rel))
            continue
        by_student.setdefault(student, []).append(path)
    found = {}
    for student, paths in by_student.items():
        folder = course.submitted / student / assignment
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        found[student] = []
        for path in paths:
            target, message = _target_name(path, expected, single=len(paths) == 1)
            if target is None:
                found[student].append(message)
                continue
            if message:
                found[student].append(message)
            shutil.copyfile(path, folder / target)
            result.stored.setdefault(student, []).append(target)
    notices.record(course, assignment, "collect", found)
    return result


def _student_from_file(stem: str, expected: list[str]) -> str:
    """Learner name in a flat file name such as ``张三_funnel_forecast (1)``."""
    stem = base_name(stem)
    for name in expected:
        nb = Path(name).stem
        if nb.casefold() in stem.casefold():
            start = stem.casefold().index(nb.casefold())
            return (stem[:start] + " " + stem[start + len(nb):]).strip(SEPARATORS)
    return stem.strip(SEPARATORS) if len(expected) == 1 else ""


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


def _unzip(archive: Path, dest: Path) -> None:
    """Extract ``archive``; Chinese names come out right whether stored as UTF-8 or GBK."""
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            name = info.filename
            if not info.flag_bits & 0x800:  # no UTF-8 flag: UTF-8 anyway (Linux zip) or GBK (Windows)
                raw = name.encode("cp437")
                for encoding in ("utf-8", "gbk"):
                    try:
                        name = raw.decode(encoding)
                        break
                    except UnicodeDecodeError:
                        continue
            target = (dest / name).resolve()
            if dest.resolve() not in target.parents or info.is_dir():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))
