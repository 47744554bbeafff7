"""Lessons as reveal.js slides that work offline, with Chinese text.

    python -m keyaccount.slides [NOTEBOOK ...]      # default: every lesson → slides/

Each lesson is executed (papermill), each ``#``/``##`` heading starts a slide, code is hidden
and widgets are replaced by a note (they need a running kernel). reveal.js itself comes from
the pip package sphinx-revealjs and is copied next to the slides, so no CDN is needed.
"""
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

import nbformat
import papermill
from nbconvert import SlidesExporter

from keyaccount.course.paths import course_root

TEMPLATE = Path(__file__).parent / "slides_template"
REVEAL_DIR = "reveal.js"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "（这里是互动工具：请在 JupyterLab 里运行本课来使用它。）"


def reveal_assets() -> Path:
    """The reveal.js distribution shipped inside the sphinx-revealjs wheel."""
    return Path(str(resources.files("sphinx_revealjs") / "_static" / "revealjs"))


def mark_slides(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A slide per top-level or section heading; widgets become a note."""
    for cell in nb.cells:
        heading = cell.cell_type == "markdown" and cell.source.lstrip().startswith(("# ", "## "))
        cell.metadata["slideshow"] = {"slide_type": "slide" if heading else "-"}
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                output["data"] = {"text/markdown": WIDGET_NOTE}
    return nb


def export_slides(notebook: Path, out_dir: Path) -> Path:
    """Execute ``notebook`` and write ``out_dir/<name>.slides.html`` with reveal.js beside it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if not (out_dir / REVEAL_DIR).is_dir():
        shutil.copytree(reveal_assets(), out_dir / REVEAL_DIR)
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / notebook.name
        papermill.execute_notebook(str(notebook), str(executed), kernel_name="python3",
                                   cwd=str(notebook.parent), progress_bar=False, log_output=False)
        nb = mark_slides(nbformat.read(executed, as_version=4))
    exporter = SlidesExporter(template_name=TEMPLATE.name,
                              extra_template_basedirs=[str(TEMPLATE.parent)],
                              reveal_url_prefix=REVEAL_DIR, exclude_input=True, exclude_input_prompt=True,
                              exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook.stem}})
    target = out_dir / f"{notebook.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    root = course_root()
    notebooks = [Path(a) for a in argv] or sorted((root / "notebooks").glob("[0-9]*.ipynb"))
    for notebook in notebooks:
        print(f"已生成 {export_slides(notebook.resolve(), root / 'slides').relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
