"""The learner's feedback page: the autograded notebook as small, script-free HTML, with scores.

The notebook is already sanitised (see ``sanitise``); the page adds the score and the Chinese
reasons from this learner's own run under each test cell, a summary on top, and a
Content-Security-Policy that forbids scripts, so even a slip could not run anything.
"""
import html
import threading
from functools import lru_cache

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters import clean_html
from nbconvert.filters.highlight import Highlight2HTML
from nbgrader.utils import is_grade

from keyaccount import webfont
from keyaccount.grader.sanitise import markdown_text

TITLE = "批改说明"
STYLE = """body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:60em;margin:2em auto;
padding:0 1em;line-height:1.6;color:#222}pre{white-space:pre-wrap;word-break:break-all;margin:0}
.input_area{background:#f6f8fa;border:1px solid #ddd;padding:.5em;overflow-x:auto}
.output_area{padding:.3em .5em;border-left:3px solid #ccc;margin:.2em 0}.output_stderr,.output_error{background:#fdecea}
img{max-width:100%}.summary{border:2px solid #2a6;padding:.5em 1em;background:#f3fbf6}.cell{margin:1em 0}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}"""
POLICY = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'"
_local = threading.local()


_highlight = lru_cache(4096)(Highlight2HTML(pygments_lexer="ipython3").__call__)
_clean = lru_cache(4096)(clean_html)  # most cells are the same for every learner: highlight and clean once


def _exporter() -> HTMLExporter:
    if not hasattr(_local, "exporter"):
        _local.exporter = HTMLExporter(
            template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True, exclude_anchor_links=True,
            filters={"highlight_code": lambda source, language=None, metadata=None: _highlight(source, language),
                     "clean_html": _clean})
    return _local.exporter


def page(title: str, nb: nbformat.NotebookNode | None, scored: dict, notes: list[str],
         total: tuple[float, float]) -> str:
    """The HTML page. ``title``: the exercise's Chinese title; ``scored``: test cell → ``score.Scored``;
    ``total``: (points, maximum)."""
    summary = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    head = (f"<div class='summary'><h1>{TITLE} · {html.escape(title)}</h1>"
            f"<p>自动批改得分：<b>{total[0]:g} / {total[1]:g}</b>（书面题由培训师另行批改）</p>"
            + (f"<ul>{summary}</ul>" if summary else "")
            + ("" if nb is not None else "<p>你的作业没能自动批改，这份笔记本记 0 分。改好后请重新提交。</p>")
            + "</div>")
    body = _exporter().from_notebook_node(_with_scores(nb, scored))[0] if nb is not None else ""
    page_ = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
             f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
             f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
             f"<body>{head}{body}</body></html>")
    return webfont.embed(page_, common=title + _shared_text(nb))  # Chinese without a CJK system font


def _shared_text(nb: nbformat.NotebookNode | None) -> str:
    """The text every learner's page has: the locked cells (questions, tests), restored from the release."""
    cells = nb.cells if nb is not None else []
    return TITLE + "".join(c.source for c in cells if c.metadata.get("nbgrader", {}).get("locked"))


def _with_scores(nb: nbformat.NotebookNode, scored: dict) -> nbformat.NotebookNode:
    """A copy of ``nb`` with a Markdown cell of score and reasons after each test cell."""
    out = nbformat.from_dict(nb)
    cells = []
    for cell in out.cells:
        cells.append(cell)
        result = scored.get(cell.metadata.get("nbgrader", {}).get("grade_id")) if is_grade(cell) else None
        if result is not None:
            lines = "\n".join(f"- {markdown_text(line.strip())}" for line in result.lines)
            cells.append(nbformat.v4.new_markdown_cell(f"**本题得分：{result.points:g}**\n\n{lines}",
                                                       id=f"score-{cell.id}"))
    out.cells = cells
    return out
