"""Where a course lives: the nearest folder with an nbgrader_config.py (the repository or a trainer's course)."""
from pathlib import Path


def course_root(start: Path | None = None) -> Path:
    """The course folder: ``start`` (or the working directory) or the nearest parent with nbgrader_config.py."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file():
            return folder
    raise FileNotFoundError(f"当前文件夹 {here} 不在任何课程里：请用 --course 指定课程文件夹，"
                            "或先用 keyaccount course init 文件夹 建一个课程。")


def assignments(source: Path) -> list[str]:
    """Assignment names: the folders of a course's source (``solutions/`` or ``source/``) that hold a notebook."""
    return sorted(p.name for p in Path(source).iterdir() if p.is_dir() and any(p.glob("*.ipynb")))
