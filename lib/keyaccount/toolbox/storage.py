"""Where the toolbox keeps the learner's data: ``<workspace>/我的数据/``, never anywhere else.

Saved files are JSON (mappings, deals, account maps) or exports (Excel, PNG) with a time stamp,
so nothing the learner saved is overwritten by a later export.
"""
import json
import os
import re
from datetime import datetime
from pathlib import Path

from keyaccount import validation as v
from keyaccount.workspace import TOOLBOX, default_folder

DATA = "我的数据"
ENV = "KEYACCOUNT_WORKSPACE"
MAPPINGS = "列对应.json"


def workspace() -> Path:
    """The learner's workspace: $KEYACCOUNT_WORKSPACE (set by ``keyaccount toolbox``), the parent of a
    工具箱 folder the notebook runs in (opened from JupyterLab), or the default folder."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    here = Path.cwd()
    return here.parent if here.name == TOOLBOX else default_folder()


def data_folder(root: Path, *parts: str) -> Path:
    """``<workspace>/我的数据/<parts>``, created when missing."""
    folder = Path(root, DATA, *parts)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def load_mapping(root: Path, kind: str) -> dict:
    """The column mapping the learner confirmed last time for this kind of upload ({} if none)."""
    path = Path(root, DATA, MAPPINGS)
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8")).get(kind, {})
    except (ValueError, AttributeError):
        return {}


def save_mapping(root: Path, kind: str, mapping: dict) -> Path:
    path = data_folder(root) / MAPPINGS
    try:
        saved = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        saved = {}
    saved[kind] = mapping
    path.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def safe_name(name: str) -> str:
    """A file name from what the learner typed (no folders, no characters Windows refuses)."""
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", str(name)).strip(" .")
    if not text:
        raise v.InputError("名称不能为空。")
    return text[:80]


def save_json(folder: Path, name: str, data: dict) -> Path:
    path = folder / f"{safe_name(name)}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def load_json(folder: Path, name: str) -> dict:
    path = folder / f"{safe_name(name)}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise v.InputError(f"没有找到已保存的“{name}”（{path}）。") from None
    except ValueError:
        raise v.InputError(f"文件 {path} 已损坏，无法读取。") from None


def saved_names(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.json"))


def stamped(folder: Path, stem: str, suffix: str) -> Path:
    """A new file name ``<stem>_<年月日-时分秒><suffix>`` that does not exist yet."""
    base = f"{safe_name(stem)}_{datetime.now():%Y%m%d-%H%M%S}"
    path, n = folder / f"{base}{suffix}", 2
    while path.exists():
        path, n = folder / f"{base}_{n}{suffix}", n + 1
    return path
