"""The learner's workspace: a folder the learner owns, made and updated from the installed package.

Lessons, student exercises and cases are copied in; ``.keyaccount/manifest.json`` remembers what the
kit wrote. Updating (after an upgrade) adds what is new and refreshes what the learner never touched,
and never overwrites a file the learner changed: it is kept and reported.
"""
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from keyaccount.content import content_dir
from keyaccount.jupyter_settings import prepare_notebooks, prepared

FOLDER_NAME = "大客户销售训练营"
KIT_DIR = Path(".keyaccount")  # what the kit keeps in a folder it runs JupyterLab on
MANIFEST = KIT_DIR / "manifest.json"
NOTES = "学员须知.md"
INDEX = "notebooks/00_index.ipynb"
TOOLBOX = "工具箱"  # the toolbox apps (keyaccount toolbox); they open in JupyterLab too
SKIPPED_PARTS = {".ipynb_checkpoints", "__pycache__", "trainer"}  # trainer: the trainers' guides


def default_folder() -> Path:
    """Where ``keyaccount start`` puts the workspace when no folder is given: 大客户销售训练营 in the home folder."""
    return Path.home() / FOLDER_NAME


@dataclass
class WorkspaceUpdate:
    """What one ``keyaccount start`` did to the workspace (paths relative to it, with / separators)."""
    folder: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)      # changed by the learner: left as they are

    def summary(self) -> str:
        lines = [f"学习文件夹：{self.folder}"]
        if self.added:
            lines.append(f"新增 {len(self.added)} 个文件。")
        if self.updated:
            lines.append(f"更新了 {len(self.updated)} 个你没有改过的文件：{'、'.join(self.updated)}")
        if self.kept:
            lines.append(f"保留了 {len(self.kept)} 个你改过的文件（没有覆盖）：{'、'.join(self.kept)}")
            lines.append("  想换成课程的新版本：先把你的文件改名保存，再运行一次 keyaccount start。")
        if not (self.added or self.updated):
            lines.append("已是最新，没有文件需要更新。")
        return "\n".join(lines)


def packaged_files() -> dict[str, Path]:
    """Workspace path → the installed file it comes from."""
    files = {NOTES: Path(str(resources.files("keyaccount") / "workspace_notes.md"))}
    for kind in ("notebooks", "exercises", "cases"):
        root = content_dir(kind)
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and not SKIPPED_PARTS & set(relative.parts):
                files[f"{kind}/{relative.as_posix()}"] = path
    for path in sorted(Path(str(resources.files("keyaccount.toolbox") / "apps")).glob("*.ipynb")):
        files[f"{TOOLBOX}/{path.name}"] = path
    return files


def update(folder: Path, extra: dict[str, Path] | None = None) -> WorkspaceUpdate:
    """Create or update the workspace in ``folder`` from the installed package and ``extra`` (workspace
    path → file, e.g. the exercises a workshop's trainer released; they win over the package's)."""
    folder = Path(folder).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    recorded = _read_manifest(folder)
    result = WorkspaceUpdate(folder)
    for name, source in {**packaged_files(), **(extra or {})}.items():
        target = folder / name
        content = source.read_bytes()
        new = _digest(content)
        if not target.exists():
            _write(target, content)
            result.added.append(name)
        elif (current := _digest(target.read_bytes())) in _kit_forms(name, content):
            new = current  # as shipped, or as the kit prepared it for JupyterLab: nothing to do
        elif recorded.get(name) != current:  # the learner changed it (or the kit never wrote it)
            result.kept.append(name)
            continue
        else:
            _write(target, content)
            result.updated.append(name)
        recorded[name] = new
    _write(folder / MANIFEST, json.dumps(recorded, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    return result


def prepare_for_lab(folder: Path) -> None:
    """Lessons and exercises open unmodified and trusted (jupyter_settings.prepare_notebooks); what that
    rewrites in a file the learner never touched is recorded as the kit's, so an upgrade still refreshes it."""
    folder = Path(folder)
    recorded = _read_manifest(folder)
    before = {name: _digest((folder / name).read_bytes()) for name in recorded
              if name.endswith(".ipynb") and (folder / name).is_file()}
    for path in prepare_notebooks([folder / "notebooks", folder / "exercises", folder / TOOLBOX]):
        name = path.relative_to(folder).as_posix()
        if name in before and recorded.get(name) == before[name]:
            recorded[name] = _digest(path.read_bytes())
    _write(folder / MANIFEST, json.dumps(recorded, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))


def _kit_forms(name: str, content: bytes) -> set[str]:
    """Digests of the kit's file as shipped and as prepare_for_lab leaves it."""
    return {_digest(content), _digest(prepared(content))} if name.endswith(".ipynb") else {_digest(content)}


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _read_manifest(folder: Path) -> dict[str, str]:
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no or unreadable manifest: every differing file counts as the learner's
    return recorded if isinstance(recorded, dict) else {}


def _write(target: Path, content: bytes) -> None:
    """Write whole or not at all: a crash never leaves half a lesson."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".keyaccount-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
