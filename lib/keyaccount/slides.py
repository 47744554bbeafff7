"""Lessons as reveal.js slides that work offline, fit a 1280×720 screen and show Chinese.

    keyaccount slides [LESSON ...] [--case CASE] [--out FOLDER]   # default: every lesson → slides/
    python -m keyaccount.slides …                                  # the same (`make slides`)

A trainer presents a lesson on a client's numbers with ``--case`` (a case name, or the path of their own
case file, e.g. ``cases/client_a.yaml``): the deck is named ``<lesson>.<case>.slides.html``.

Each lesson is executed (papermill), each ``#``/``##`` heading starts a slide, and a section
too long for one screen continues on a new slide (its heading repeated with “（续）”). Code is
hidden, widgets are replaced by a note (they need a running kernel), and the lesson's trainer
notes become speaker notes (press S): a markdown cell starting with ``TRAINER_NOTE_MARK``, and the
lesson's section of its trainer's guide (``notebooks/trainer/*.md``, "### 第 NN 课"; the guide is its
one home, so a deck made from the repository carries it; the installed kit has no guides) on its first slide.
reveal.js comes from the pip package sphinx-revealjs and is copied next to the slides, and the
Chinese glyphs are embedded in each deck (keyaccount.webfont), so nothing is loaded from the web.
"""
import argparse
import base64
import copy
import re
import shutil
import struct
import sys
import tempfile
from importlib import resources
from pathlib import Path

import nbformat
import papermill
from nbconvert import SlidesExporter

from keyaccount import webfont
from keyaccount.jupyter_settings import kernel_config
from keyaccount.content import content_dir

TEMPLATE = Path(__file__).parent / "slides_template"
REVEAL_DIR = "reveal.js"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "（这里是互动工具：请在 JupyterLab 里运行本课来使用它。）"
TRAINER_NOTE_MARK = "**培训师提示**"
CONTINUED = "（续）"
GUIDES = "trainer"  # the trainers' guides, in the lessons' folder
# The slide canvas and the sizes the template's CSS gives text and figures (px), for the layout estimate.
WIDTH, HEIGHT = 1280, 720
TEXT_WIDTH, LINE, FONT = 1180, 36, 24
FIGURE_MAX = 470
BUDGET = HEIGHT - 60  # room left by the slide's padding


def reveal_assets() -> Path:
    """The reveal.js distribution shipped inside the sphinx-revealjs wheel."""
    try:
        return Path(str(resources.files("sphinx_revealjs") / "_static" / "revealjs"))
    except ModuleNotFoundError:
        raise FileNotFoundError('导出幻灯片要用 reveal.js：请先运行 pip install "keyaccount[slides]"。') from None


def is_trainer_note(cell) -> bool:
    """A markdown cell starting with **培训师提示** (or already marked as slide notes)."""
    return cell.cell_type == "markdown" and (
        cell.source.lstrip().startswith(TRAINER_NOTE_MARK)
        or cell.metadata.get("slideshow", {}).get("slide_type") == "notes")


def guide_notes(notebook: Path) -> str | None:
    """The lesson's section ("### 第 NN 课" up to the next heading) of the trainers' guides beside it."""
    number = notebook.name.split("_", 1)[0]
    if not number.isdigit():
        return None
    pattern = re.compile(rf"^### 第 0*{int(number)} 课[ \t]*\n(.*?)(?=^#|\Z)", re.M | re.S)
    for guide in sorted((notebook.parent / GUIDES).glob("*.md")):
        if found := pattern.search(guide.read_text("utf-8")):
            return found.group(1).strip()
    return None


def _heading(cell) -> str | None:
    first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
    return first if cell.cell_type == "markdown" and first.startswith(("# ", "## ")) else None


def _text_height(text: str) -> int:
    """Rough height of wrapped text; a CJK character is one em wide, a Latin one about half."""
    height = 0
    for line in text.splitlines() or [""]:
        if line.startswith("|") and set(line) <= set("|-: "):
            continue  # a markdown table's rule
        ems = sum(1 if ord(ch) > 0x2000 else 0.55 for ch in line)
        size = 1.5 if line.startswith("# ") else 1.25 if line.startswith("## ") else 1
        height += max(1, -(-ems * FONT * size // TEXT_WIDTH)) * LINE * size
    return int(height) + 16


def _png_height(data: str) -> int:
    width, height = struct.unpack(">II", base64.b64decode(data[:64])[16:24])
    return int(min(FIGURE_MAX, height * min(1, TEXT_WIDTH / width)))


def cell_height(cell) -> int:
    """An estimate of the cell's height on a slide (px): text lines, table rows, figures."""
    if cell.cell_type == "markdown":
        return _text_height(cell.source)
    height = 0
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data:
            height += _png_height(data["image/png"]) + 16
        elif "text/html" in data:
            rows = data["text/html"].count("<tr")
            height += rows * LINE + 16 if rows else _text_height(data["text/html"])
        elif "text/markdown" in data:
            height += _text_height(data["text/markdown"])
        else:
            height += _text_height(output.get("text", "") or data.get("text/plain", ""))
    return height


def _blocks(source: str) -> list[str]:
    """Markdown split at blank lines; a long table is cut into parts that each repeat its header."""
    blocks = []
    for block in source.split("\n\n"):
        lines = block.splitlines()
        if len(lines) > 3 and lines[0].startswith("|") and set(lines[1]) <= set("|-: "):
            rows = max(1, (BUDGET - 2 * LINE) // LINE - 1)
            blocks += ["\n".join(lines[:2] + lines[i:i + rows]) for i in range(2, len(lines), rows)]
        else:
            blocks.append(block)
    return blocks


def _markdown_of(cell) -> str | None:
    """The markdown a cell shows: its source, or the Markdown its code printed (code is hidden on slides)."""
    if cell.cell_type == "markdown":
        return None if is_trainer_note(cell) else cell.source
    shown = [output.get("data", {}) for output in cell.get("outputs", [])]
    if shown and all(set(data) <= {"text/markdown", "text/plain"} and "text/markdown" in data for data in shown):
        return "\n\n".join(data["text/markdown"] for data in shown)
    return None


def split_long_markdown(cells: list) -> list:
    """A markdown cell (or printed Markdown) taller than a slide becomes one cell per paragraph or table part."""
    out = []
    for cell in cells:
        markdown = _markdown_of(cell)
        if markdown is not None and cell_height(cell) > BUDGET:
            out += [nbformat.v4.new_markdown_cell(block) for block in _blocks(markdown)]
        else:
            out.append(cell)
    return out


def _expand_rowspans(rows: list[str]) -> list[str]:
    """Table rows without rowspan: a header cell spanning rows is repeated in each, so rows can part."""
    out, carry = [], []
    for row in rows:
        start, inner, end = re.match(r"(?s)(<tr[^>]*>)(.*)(</tr>)", row).groups()
        prefix = "".join(cell for cell, _ in carry)
        carry = [(cell, left - 1) for cell, left in carry if left > 1]
        for span in re.finditer(r'(?s)<th([^>]*?)\s+rowspan="(\d+)"([^>]*)>(.*?)</th>', inner):
            if int(span.group(2)) > 1:
                carry.append((f"<th{span.group(1)}{span.group(3)}>{span.group(4)}</th>", int(span.group(2)) - 1))
        out.append(start + prefix + re.sub(r'\s+rowspan="\d+"', "", inner) + end)
    return out


def _table_parts(html: str) -> list[str]:
    """A printed table (pandas HTML) as parts that each fit a slide, each with the table's header."""
    found = re.match(r"(?s)(.*?<tbody>)(.*)(</tbody>.*)", html)
    if html.count("<table") != 1 or not found:
        return [html]
    head, body, tail = found.groups()
    rows = _expand_rowspans(re.findall(r"(?s)<tr.*?</tr>", body))
    per = max(1, (BUDGET - 3 * LINE) // LINE - head.count("<tr"))
    return [head + "".join(rows[i:i + per]) + tail for i in range(0, len(rows), per)] or [html]


def split_long_outputs(cells: list) -> list:
    """A code cell whose outputs are taller than a slide: one cell per output, long tables in parts."""
    out = []
    for cell in cells:
        if cell.cell_type != "code" or cell_height(cell) <= BUDGET:
            out.append(cell)
            continue
        for output in cell.outputs:
            html = output.get("data", {}).get("text/html")
            parts = _table_parts(html) if html and html.count("<tr") * LINE > BUDGET else [None]
            for part in parts:
                shown = copy.deepcopy(output)
                if part is not None:
                    shown["data"] = {"text/html": part}
                out.append(nbformat.v4.new_code_cell(outputs=[shown]))
    return out


def mark_slides(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A slide per top-level or section heading, continued when full; widgets become a note."""
    nb.metadata.pop("widgets", None)  # widget state left by the run would load a widget manager from the web
    cells, heading, used, alone = [], None, 0, False
    for cell in split_long_outputs(split_long_markdown(nb.cells)):
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                output["data"] = {"text/markdown": WIDGET_NOTE}
        if is_trainer_note(cell):
            cell.metadata["slideshow"] = {"slide_type": "notes"}
            cells.append(cell)
            continue
        height, title = cell_height(cell), _heading(cell)
        if cell.cell_type == "code" and not cell.get("outputs"):
            height = 0
        if title:
            heading, used, slide_type, alone = title, height, "slide", True
        elif used + height > BUDGET and used > 0 and height > 0 and heading and not alone:  # a heading stays
            # with the first part of its content (too tall, it is scaled to fit: the template's fitSlide)
            cells.append(nbformat.v4.new_markdown_cell(f"{heading.rstrip()}{CONTINUED}",
                                                       metadata={"slideshow": {"slide_type": "slide"}}))
            used, slide_type = _text_height(heading) + height, "-"
        else:
            used, slide_type = used + height, "-"
        cell.metadata["slideshow"] = {"slide_type": slide_type}
        cells.append(cell)
        alone = alone if height == 0 else bool(title)  # the slide holds only its heading so far
    nb.cells = cells
    return nb


def execute(notebook: Path, target: Path, case: str | None = None) -> None:
    """Run ``notebook`` (on ``case`` if given) with papermill into ``target``, its kernel quiet (kernel_config)."""
    papermill.execute_notebook(str(notebook), str(target), kernel_name="python3",
                               parameters={"case": case} if case else {},
                               cwd=str(notebook.parent), progress_bar=False, log_output=False,
                               config=kernel_config())


def case_suffix(case: str | None) -> str:
    """What a lesson's output file names after its case: ``.client_a`` for cases/client_a.yaml."""
    return f".{Path(case).stem}" if case else ""


def export_slides(notebook: Path, out_dir: Path, case: str | None = None) -> Path:
    """Execute ``notebook`` (on ``case`` if given) and write its deck with reveal.js beside it in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if not (out_dir / REVEAL_DIR).is_dir():
        shutil.copytree(reveal_assets(), out_dir / REVEAL_DIR)
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / notebook.name
        execute(notebook, executed, case)
        nb = nbformat.read(executed, as_version=4)
        if notes := guide_notes(notebook):
            nb.cells.insert(1, nbformat.v4.new_markdown_cell(f"{TRAINER_NOTE_MARK}\n\n{notes}"))
        nb = mark_slides(nb)
    exporter = SlidesExporter(template_name=TEMPLATE.name,
                              extra_template_basedirs=[str(TEMPLATE.parent)], reveal_theme="white",
                              reveal_url_prefix=REVEAL_DIR, exclude_input=True, exclude_input_prompt=True,
                              exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook.stem}})
    target = out_dir / f"{notebook.stem}{case_suffix(case)}.slides.html"
    target.write_text(webfont.embed(body), encoding="utf-8")
    return target


def lessons(names: list[str]) -> list[Path]:
    """The lessons given by path or by number (``01``, ``14``); all of them when none is given."""
    every = sorted(content_dir("notebooks").glob("[0-9]*.ipynb"))
    found = []
    for name in names:
        path = Path(name)
        matches = [path] if path.suffix == ".ipynb" and path.is_file() else [p for p in every if p.name.startswith(f"{name}_")]
        if not matches:
            raise FileNotFoundError(f"找不到课程 {name}：请写课程编号（如 01、14）或笔记本的路径。")
        found += matches
    return [p.resolve() for p in found] or every


def case_argument(case: str | None) -> str | None:
    """A case name as given, or the absolute path of a case file (the lesson runs in its own folder)."""
    if case and Path(case).suffix in (".yaml", ".yml"):
        if not Path(case).is_file():
            raise FileNotFoundError(f"找不到案例文件 {case}。")
        return str(Path(case).resolve())
    return case


def add_arguments(parser: argparse.ArgumentParser, out: str = "slides", what: str = "幻灯片") -> None:
    parser.add_argument("lesson", nargs="*", help="课程编号（如 01、14）或笔记本路径（默认：每一课）")
    parser.add_argument("--case", help="用这个案例讲（案例名，或你自己的案例文件路径，如 cases/client_a.yaml）")
    parser.add_argument("--out", type=Path, default=Path(out), help=f"{what}放到这个文件夹（默认 {out}/）")


def run(args: argparse.Namespace) -> int:
    case = case_argument(args.case)
    for notebook in lessons(args.lesson):
        target = export_slides(notebook, args.out.resolve(), case)
        print(f"已生成 {target}")
    return 0


def run_lessons(args: argparse.Namespace) -> int:
    """``keyaccount run``: each lesson executed on the case, saved with its results (papermill, quietly)."""
    case = case_argument(args.case)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for notebook in lessons(args.lesson):
        target = out / f"{notebook.stem}{case_suffix(case)}.ipynb"
        execute(notebook, target, case)
        print(f"已生成 {target}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m keyaccount.slides", description="把课程导出成离线幻灯片。")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
