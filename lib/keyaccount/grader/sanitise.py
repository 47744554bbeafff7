"""The autograded notebook: the grader's own cells with the learner's outputs made harmless.

Everything that came back from the learner's process is hostile. Cells, metadata and cell types
come from the restored notebook the grader handed to the sandbox; of the executed copy only the
outputs are taken, rebuilt field by field: text, PNG/JPEG pictures and errors, each size-limited.
HTML, SVG, JavaScript, Markdown and widget outputs become plain text (or are dropped), and text the
learner wrote in Markdown cells is shown as text, so neither formgrader nor feedback runs learner markup.
"""
import base64
import binascii
import re

import nbformat
from nbgrader.utils import is_grade, is_locked

OUTPUT_LIMIT = 5000  # characters of one text output kept
CUT_NOTE = "\n…（输出太长，只保留开头 {limit} 个字符）"
OUTPUTS_PER_CELL = 30
IMAGE_LIMIT = 2_000_000  # base64 characters of one picture
TEXT_KINDS = ("text/markdown", "text/plain")  # the first found is shown, as plain text
FORM_ERRORS = ("AssertionError", "FormError")  # what the visible check in a test cell raises on a wrong form
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown: every ASCII punctuation mark backslash-escaped (no tag, link or markup)."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def autograded(restored: nbformat.NotebookNode, executed: nbformat.NotebookNode | None) -> tuple[
        nbformat.NotebookNode, list[str]]:
    """The notebook to keep and show, and notes on outputs that had to be cut."""
    nb = nbformat.from_dict(restored)
    ran = list(getattr(executed, "cells", []) or [])
    if len(ran) != len(nb.cells):
        ran = [{}] * len(nb.cells)
    notes, number = [], 0
    for cell, result in zip(nb.cells, ran):
        cell.pop("attachments", None)
        if cell.cell_type != "code":
            if not is_locked(cell):
                cell.cell_type, cell.source = "markdown", markdown_text(cell.source)
            continue
        number += 1
        count = result.get("execution_count") if isinstance(result, dict) else None
        cell.execution_count = count if type(count) is int else None
        outputs = result.get("outputs") if isinstance(result, dict) else None
        cell.outputs, cut = _outputs(outputs if isinstance(outputs, list) else [], short_errors=is_grade(cell))
        if cut:
            notes.append(f"第 {number} 个代码单元格的输出太长，反馈里只保留开头部分；请不要打印大量内容。")
    return nb, notes


def form_failures(nb: nbformat.NotebookNode) -> dict[str, str]:
    """Grade cells whose visible form check failed in the learner's run → its message.

    Such a cell scores 0, as in stock nbgrader; the learner's process can only lose points this way.
    """
    found = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []) if is_grade(cell) else []:
            if output.output_type == "error" and output.ename in FORM_ERRORS:
                found[cell.metadata["nbgrader"]["grade_id"]] = output.evalue[:300]
    return found


def _outputs(outputs: list, short_errors: bool) -> tuple[list, bool]:
    kept, cut = [], len(outputs) > OUTPUTS_PER_CELL
    for output in outputs[:OUTPUTS_PER_CELL]:
        clean, too_long = _output(output if isinstance(output, dict) else {}, short_errors)
        cut |= too_long
        if clean is not None:
            kept.append(clean)
    return kept, cut


def _output(output: dict, short_errors: bool):
    kind = output.get("output_type")
    if kind == "stream":
        text, cut = _text(output.get("text"))
        name = output.get("name") if output.get("name") in ("stdout", "stderr") else "stdout"
        return nbformat.v4.new_output("stream", name=name, text=text), cut
    if kind == "error":
        ename, _ = _text(output.get("ename"), 200)
        evalue, cut = _text(output.get("evalue"))
        trace = output.get("traceback") if isinstance(output.get("traceback"), list) else []
        lines = [f"{ename}: {evalue}"] if short_errors else [_text(line)[0] for line in trace[-20:]]
        return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=lines), cut
    if kind in ("execute_result", "display_data"):
        return _rich(output.get("data") if isinstance(output.get("data"), dict) else {}, kind)
    return None, False


def _rich(data: dict, kind: str):
    clean, cut = {}, False
    for mime in ("image/png", "image/jpeg"):
        if _is_base64(data.get(mime)):
            clean[mime] = data[mime]
    text = next((data[m] for m in TEXT_KINDS if isinstance(data.get(m), str)), None)
    if text is not None:
        clean["text/plain"], cut = _text(text)
    if not clean:
        return None, False
    return nbformat.v4.new_output(kind, data=clean), cut


def _text(value, limit: int = OUTPUT_LIMIT) -> tuple[str, bool]:
    if isinstance(value, list):
        value = "".join(v for v in value if isinstance(v, str))
    text = value if isinstance(value, str) else ""
    if len(text) <= limit:
        return text, False
    return text[:limit] + CUT_NOTE.format(limit=limit), True


def _is_base64(value) -> bool:
    if not isinstance(value, str) or len(value) > IMAGE_LIMIT:
        return False
    try:
        base64.b64decode(value.replace("\n", ""), validate=True)
        return True
    except (binascii.Error, ValueError):
        return False
