"""The course content the package carries: lessons, student exercises and cases.

In a wheel they are package data under ``keyaccount/content/``; in a maintainer's editable
install (where the package is ``lib/keyaccount`` of a clone) they are the clone's own folders.
Solutions and answer keys are never content: the wheel is built without them.
"""
from pathlib import Path

PACKAGED = Path(__file__).parent / "content"
CHECKOUT = Path(__file__).parents[2]
KINDS = ("notebooks", "exercises", "cases")


def _is_checkout(folder: Path) -> bool:
    """True for a clone of the kit's repository (editable install), never for site-packages."""
    return (folder / "pyproject.toml").is_file() and (folder / "lib" / "keyaccount").is_dir()


def content_root() -> Path:
    """The folder holding ``notebooks/``, ``exercises/`` and ``cases/``."""
    if PACKAGED.is_dir():
        return PACKAGED
    if _is_checkout(CHECKOUT):
        return CHECKOUT
    raise FileNotFoundError("课程包里没有课程内容（lessons/exercises/cases）：请重新安装 keyaccount。")


def content_dir(kind: str) -> Path:
    """``notebooks``, ``exercises`` or ``cases`` of the installed course."""
    if kind not in KINDS:
        raise ValueError(f"unknown content kind {kind!r}")
    return content_root() / kind
