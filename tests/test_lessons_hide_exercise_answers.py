"""The lesson an exercise follows does not show that exercise's judgement answers.

Each lesson is executed (papermill) with one cell appended that prints the ids of the case items its
widgets and figures were built from. Its prose and text outputs are then searched for the items the
exercise grades (their text) and for the key's values that the lesson used to print. Each case keeps
its lesson section with a widget.
"""
import json
import re

import nbformat
import papermill
import pytest

from conftest import ROOT, answer_key, key_references
from keyaccount.exercises import six_steps_close_and_collect as six_ex
from keyaccount.exercises import strategy_swot_tows as swot_ex
from keyaccount.projects.case import load_projects_case
from keyaccount.swot.case import load_swot_case

pytestmark = pytest.mark.notebook
WIDGET = "application/vnd.jupyter.widget-view+json"
USED = "USED_IDS="


def run(lesson: str, tmp_path, used: str = "") -> nbformat.NotebookNode:
    """The executed lesson; ``used`` is an expression the appended cell prints (after USED_IDS=)."""
    nb = nbformat.read(ROOT / "notebooks" / lesson, as_version=4)
    if used:
        nb.cells.append(nbformat.v4.new_code_cell(f"import json as _j\nprint('{USED}' + _j.dumps({used}))"))
    papermill.execute_notebook(nb, str(tmp_path / lesson), kernel_name="python3", cwd=str(ROOT / "notebooks"),
                               progress_bar=False, execution_timeout=300)
    return nbformat.read(tmp_path / lesson, as_version=4)


def cell_text(cell) -> str:
    """What a learner reads in a cell: its Markdown, and the text of its outputs (not the appended probe)."""
    parts = [cell.source] if cell.cell_type == "markdown" else []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        data = out.get("data", {})
        parts += [data.get(kind, "") for kind in ("text/plain", "text/html", "text/markdown")]
    return "\n".join(p for p in parts if USED not in p)


def section(nb, start: str, end: str) -> list:
    """The cells from the Markdown cell containing ``start`` up to the one containing ``end``."""
    cells, inside = [], False
    for cell in nb.cells:
        if cell.cell_type == "markdown" and start in cell.source:
            inside = True
        elif inside and cell.cell_type == "markdown" and end in cell.source:
            break
        if inside:
            cells.append(cell)
    assert cells, start
    return cells


def used_ids(nb) -> dict:
    line = next(line for cell in nb.cells for out in cell.get("outputs", []) for line in out.get("text", "").splitlines()
                if line.startswith(USED))
    return json.loads(line[len(USED):])


def has_widget(cells) -> bool:
    return any(WIDGET in out.get("data", {}) for cell in cells for out in cell.get("outputs", []))


def test_lesson_30_teaches_on_cards_and_strategies_the_exercise_does_not_ask(tmp_path):
    nb = run("30_swot_tows.ipynb", tmp_path, "{'statements': [s.id for s in swot.statements], "
                                              "'strategies': [s.id for s in strategies]}")
    case = load_swot_case(swot_ex.CASE, key_references()[swot_ex.CASE])
    cards, strategies = swot_ex.labelled_statements(case), swot_ex.labelled_strategies(case)
    key = answer_key("strategy_swot_tows")
    assert set(cards) == {*key["按定义归类"], *(label for labels in key["SWOT分类"].values() for label in labels)}
    assert set(strategies) == set(key["策略类型"])
    used = used_ids(nb)
    assert used["statements"] and set(used["statements"]).isdisjoint(s.id for s in cards.values())
    assert used["strategies"] and set(used["strategies"]).isdisjoint(s.id for s in strategies.values())
    text = "\n".join(map(cell_text, nb.cells))
    shown = [s.text for s in cards.values() if s.text in text] + [s.text for s in strategies.values() if s.text in text]
    assert shown == []
    assert has_widget(section(nb, "## 2. 动手", "## 3.")) and has_widget(section(nb, "## 5. 动手", "## 小结"))


def test_lesson_14_tags_only_the_yaya_facts_the_exercise_does_not_ask(tmp_path):
    nb = run("14_six_steps_present_value.ipynb", tmp_path, "[s.id for s in yaya.statements]")
    asked = six_ex.labelled_yaya(load_swot_case(six_ex.YAYA_CASE, key_references()[six_ex.YAYA_CASE]))
    assert set(asked) == set(answer_key("six_steps_close_and_collect")["鸭鸭象限"])
    assert used_ids(nb) and set(used_ids(nb)).isdisjoint(s.id for s in asked.values())
    text = "\n".join(map(cell_text, nb.cells))
    assert [s.text for s in asked.values() if s.text in text] == []
    assert has_widget(section(nb, "## 1. 差异化分析", "## 2. FAB"))


def test_lesson_21_hands_on_abc_section_names_no_state_and_no_persons_cr(tmp_path):
    nb = run("21_projects_decision_chain.ipynb", tmp_path)
    cells = section(nb, "## 4. 动手：ABC 公司 H 项目", "## 5.")
    text = "\n".join(map(cell_text, cells))
    key = answer_key("projects_abc_tree")
    assert key["项目状态"] not in text
    assert not any(f"{name}（CR{cr}" in text or f"{name}：CR{cr}" in text for name, cr in key["关系程度"].items())
    assert has_widget(cells)


def test_lesson_22_hands_on_section_shows_no_state_and_calls_weighting_a_starting_point(tmp_path):
    nb = run("22_projects_statistics.ipynb", tmp_path)
    cells = section(nb, "### 动手：帮小李做统计表", "## 3.")
    text = "\n".join(map(cell_text, cells))
    xiaoli = load_projects_case("projects_xiaoli_customers", key_references()["projects_xiaoli_customers"])
    assert [r.situation for r in xiaoli.projects if r.situation in text] == []   # the reasons name each state
    assert not re.search(r"[A-F]\s*[：:（(]\s*P[0-7]|（P[0-7]）", text)
    assert not any(decision in text for decision in set(answer_key("projects_statistics")["推进决定"].values()))
    assert has_widget(cells)
    weighting = "\n".join(map(cell_text, section(nb, "## 2.", "### 动手")))
    assert "排在前面的就是重点项目" not in weighting and "加权只是起点" in weighting and "> **课程补充**：" in weighting


def test_lesson_20_does_not_call_the_weighted_amount_the_tables_true_worth():
    nb = nbformat.read(ROOT / "notebooks" / "20_projects_overview.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "真实价值" not in text and "不是赢单概率" in text
