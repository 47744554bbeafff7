"""The lesson index: every notebook in notebooks/ and exercises/ with its Chinese title."""
import json
from pathlib import Path

from keyaccount.course.paths import course_root


def notebook_title(path: Path) -> str:
    """The first ``# heading`` of a notebook (its Chinese title), or the file name."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return path.stem
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def index_markdown(root: Path | None = None) -> str:
    """A Markdown list of lessons and exercises with links relative to notebooks/."""
    root = root or course_root()
    lines = ["### 课程（notebooks/）", ""]
    for path in sorted((root / "notebooks").glob("[0-9]*.ipynb")):
        if not path.name.startswith("00_"):
            lines.append(f"- [{notebook_title(path)}]({path.name})")
    lines += ["", "### 练习（exercises/）", ""]
    for path in sorted((root / "exercises").glob("*/*.ipynb")):
        lines.append(f"- [{notebook_title(path)}](../exercises/{path.parent.name}/{path.name})")
    return "\n".join(lines)
