"""Make an exercise's public form.json from its answer key, the author's HINTS and the source notebook.

The form carries only what the question already shows: types, the keys of a dict (the template
shows them), the length of an ordered list, and what the author wrote in ``HINTS`` beside the key:

    HINTS = {"performance": {"预测完成率": {"ratio": True, "range": (0.3, 2), "hint": "…"}},
             "diagnosis": {"each": {"options": ["数量", "方向", "流速", "单产", "成功率"]}}}

(``each`` applies to every value of a dict or item of a list/set; ``range`` + ``hint`` is a plausible
range and what to tell a learner outside it; ``options`` the choices the question lists; ``ratio``
asks for a decimal, not a percent.) Never an expected value.
"""
import ast
import json
from pathlib import Path

import nbformat

from keyaccount.course.keys import load_key_module
from keyaccount.form import FORM_FILE, _kind

AUTHOR_FIELDS = ("options", "range", "hint", "ratio")


def describe(expected, hint: dict | None = None) -> dict:
    """The form of ``expected`` (no value of it), with the author's ``hint`` merged in."""
    hint = hint or {}
    if callable(getattr(expected, "form", None)):   # rules that grade an answer (compare.compare) say its form
        return {**expected.form(), **{field: hint[field] for field in AUTHOR_FIELDS if field in hint}}
    kind = _kind(expected)
    node = {"type": kind}
    if kind == "dict":
        node["keys"] = [[key, describe(value, hint.get(key, hint.get("each")))] for key, value in expected.items()]
    elif kind in ("list", "set"):
        if kind == "list":
            node["length"] = len(expected)
        kinds = {_kind(item) for item in expected}
        if len(kinds) == 1 and kinds <= {"number", "text", "bool"}:
            node["item"] = describe(next(iter(expected)), hint.get("each"))
    else:
        node.update({field: hint[field] for field in AUTHOR_FIELDS if field in hint})
    return node


def heading_of(cell) -> str | None:
    """The question title of a ``## `` heading cell, else None."""
    first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
    return first.lstrip("#").strip() if cell.cell_type == "markdown" and first.startswith("## ") else None


def scored_answers(source: str) -> list[tuple[str, float]]:
    """(answer name, points) of each hidden ``score(EXERCISE, "<name>", points=N)`` in a test cell."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "score" and len(node.args) >= 2:
            points = next((k.value.value for k in node.keywords if k.arg == "points"), None)
            found.append((node.args[1].value, points))
    return found


def questions(nb: nbformat.NotebookNode) -> list[dict]:
    """Each question (a ``## `` heading) with its automatically graded answers and whether a trainer grades it."""
    found, current = [], None
    for cell in nb.cells:
        title = heading_of(cell)
        if title:
            current = {"title": title, "answers": [], "manual": False}
            found.append(current)
            continue
        meta = cell.metadata.get("nbgrader", {})
        if current is None or not meta.get("grade"):
            continue
        if meta.get("solution"):
            current["manual"] = True
        else:
            current["answers"] += [name for name, _ in scored_answers(cell.source)]
    return [q for q in found if q["answers"] or q["manual"]]


def build_form(source_dir: Path, assignment: str) -> dict:
    """The form of ``assignment`` as written to form.json."""
    module = load_key_module(source_dir, assignment)
    key, author = module.answer_key(), getattr(module, "HINTS", {})
    unknown = set(author) - set(key)
    if unknown:
        raise ValueError(f"{source_dir / assignment}/answer_key.py 的 HINTS 里有答案表没有的题目：{'、'.join(unknown)}")
    asked = []
    for path in sorted((Path(source_dir) / assignment).glob("*.ipynb")):
        asked += questions(nbformat.read(path, as_version=4))
    return {"assignment": assignment,
            "answers": {name: describe(value, author.get(name)) for name, value in key.items()},
            "questions": asked}


def write_form(source_dir: Path, assignment: str) -> Path:
    """Write ``<source>/<assignment>/form.json``; stock nbgrader copies it to the release."""
    path = Path(source_dir) / assignment / FORM_FILE
    text = json.dumps(build_form(source_dir, assignment), ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    return path
