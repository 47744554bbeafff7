"""What a learner reads names each answer in Chinese: no template asks them to fill in `failed_criteria`."""
import json
import re

import pytest

from conftest import ROOT

EXERCISES = sorted(p.name for p in (ROOT / "exercises").iterdir() if p.is_dir())
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_answer_variable_has_a_chinese_name(exercise):
    form = json.loads((ROOT / "exercises" / exercise / "form.json").read_text("utf-8"))
    english = [name for name in form["answers"] if not CHINESE.search(name)]
    assert not english, f"{exercise}: answer variables a learner fills in still have English names: {english}"


IDENTIFIER = re.compile(r"[A-Za-z]+_[A-Za-z0-9_]+")   # a grade id or an English variable name
TYPE_NAME = re.compile(r"\b(float|int|str|list|dict|tuple|set|bool|NoneType|object)\b")


def _templates(nb) -> dict:
    """What the untouched template cells hold: answer name → its literal value (None, a dict of None …)."""
    import ast

    found = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution"):
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                    try:
                        found[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        continue
    return found


def _wrong(value):
    """A wrong answer of the right shape: other numbers, other words, other members."""
    if isinstance(value, dict):
        return {k: _wrong(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset, list, tuple)):
        return ["某某"] * max(len(value), 1)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value * 100 + 7
    return "某某" if isinstance(value, str) else []


def _feedback_texts(exercise, copy):
    """The heading and the reasons of the kit's feedback page for ``copy`` (name → value) of each notebook."""
    import html as html_module

    import nbformat

    from conftest import answer_key
    from keyaccount.form import answer_lines, load_form
    from keyaccount.grader import feedback, score
    from keyaccount.lessons import notebook_title

    form, key = load_form(exercise, ROOT / "exercises" / exercise).answers, answer_key(exercise)
    for path in sorted((ROOT / "exercises" / exercise).glob("*.ipynb")):
        cells = score.test_cells(nbformat.read(ROOT / "solutions" / exercise / path.name, as_version=4))
        answers = copy(nbformat.read(path, as_version=4), key)
        failed = {}
        for cell in cells:   # what the visible check cell raised in the learner's run
            ok, lines = answer_lines(cell.answer, answers.get(cell.answer), form[cell.answer])
            if not ok:
                failed[cell.grade_id] = "\n".join(lines)
        scored = score.score(cells, answers, key, failed, [], form)
        page = feedback.page(notebook_title(path), nbformat.read(path, as_version=4), scored, [], (0, 1))
        head = re.search(r"<title>(.*?)</title>.*?<h1>(.*?)</h1>", page, flags=re.S)
        yield from (html_module.unescape(part) for part in head.groups())
        yield from (line for s in scored.values() for line in s.lines)


COPIES = {"blank": lambda nb, key: _templates(nb),
          "wrong": lambda nb, key: {name: _wrong(value) for name, value in key.items()},
          "wrong type": lambda nb, key: {name: 7.0 if isinstance(value, str) else "七" for name, value in key.items()},
          "not data": lambda nb, key: dict.fromkeys(key, print)}   # e.g. a function where an answer goes


@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("exercise", EXERCISES)
def test_feedback_names_questions_in_chinese_and_no_python_type(exercise, copy):
    """The page's heading and every reason under a test cell, for a blank, a wrong and a mistyped copy."""
    texts = list(_feedback_texts(exercise, COPIES[copy]))
    assert texts
    for text in texts:
        assert not IDENTIFIER.search(text), f"{exercise} ({copy}): an English id in feedback: {text}"
        assert not TYPE_NAME.search(text), f"{exercise} ({copy}): a Python type name in feedback: {text}"
