"""Where the course lives: the folder with nbgrader_config.py, solutions/ and exercises/."""
from pathlib import Path

CLONE_ROOT = Path(__file__).resolve().parents[3]


def course_root(start: Path | None = None) -> Path:
    """The course folder: ``start`` (or the working directory) or a parent with nbgrader_config.py; else the clone."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file() and (folder / "solutions").is_dir():
            return folder
    return CLONE_ROOT


def assignments(root: Path) -> list[str]:
    """Assignment names: the folders of solutions/ that hold a notebook."""
    return sorted(p.name for p in (root / "solutions").iterdir()
                  if p.is_dir() and any(p.glob("*.ipynb")))
