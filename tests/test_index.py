"""The lesson index shows every lesson and exercise, in teaching order, without running anything."""
import re

import nbformat

from keyaccount.lessons import EXERCISE_AFTER, index_notebook, lessons

from conftest import ROOT

NOTEBOOKS, EXERCISES = ROOT / "notebooks", ROOT / "exercises"


def committed_index():
    return nbformat.read(NOTEBOOKS / "00_index.ipynb", as_version=4)


def test_the_committed_index_is_plain_markdown_in_step_with_the_titles():
    index = committed_index()
    assert [c.cell_type for c in index.cells] == ["markdown"], "the index needs no code to run"
    expected = index_notebook(NOTEBOOKS, EXERCISES)
    assert index.cells[0].source == expected.cells[0].source, \
        "notebooks/00_index.ipynb is out of date: run `python -m keyaccount.lessons`"


def test_every_lesson_and_exercise_is_linked():
    text = committed_index().cells[0].source
    for path in lessons(NOTEBOOKS):
        assert f"]({path.name})" in text
    for path in EXERCISES.glob("*/*.ipynb"):
        assert f"](../exercises/{path.parent.name}/{path.name})" in text


def test_exercises_are_listed_after_the_lessons_they_need():
    assigned = {p.name for p in EXERCISES.iterdir() if p.is_dir()}
    assert assigned == set(EXERCISE_AFTER), "say after which lesson a new exercise comes (keyaccount.lessons)"
    text = committed_index().cells[0].source
    positions = [text.index(f"../exercises/{name}/") for name in sorted(assigned, key=EXERCISE_AFTER.get)]
    assert positions == sorted(positions)
    win, close = text.index("six_steps_win_the_account"), text.index("six_steps_close_and_collect")
    assert win < close, "前三步 comes before 后三步"
    lesson_numbers = {p.name[:2] for p in lessons(NOTEBOOKS)}
    assert set(EXERCISE_AFTER.values()) <= lesson_numbers


CITED = re.compile(r"第\s*(\d{1,2})\s*课|(?<![\d_])(\d{2})_[a-z_]+\.ipynb")


def cited_lessons(text: str) -> set[int]:
    """Lesson numbers a text names: "第 41 课", "第 1 课" or a link to a lesson notebook (41_high_touch_selling.ipynb)."""
    return {int(a or b) for a, b in CITED.findall(text)}


def test_cited_lessons_are_read_from_words_and_links():
    assert cited_lessons("选用第 41 课三个模板；见第1课和 [这里](../../notebooks/22_projects_statistics.ipynb)") == {41, 1, 22}
    assert cited_lessons("第 3 题 · 2013_05.ipynb · 12 分") == set()


def test_an_exercise_comes_after_every_lesson_it_cites():
    """An exercise that asks for a lesson's templates is listed after that lesson, never before it."""
    lesson_numbers = {int(p.name[:2]) for p in lessons(NOTEBOOKS)}
    for folder in sorted(p for p in EXERCISES.iterdir() if p.is_dir()):
        text = "".join(c.source for path in folder.glob("*.ipynb") for c in nbformat.read(path, as_version=4).cells)
        cited = cited_lessons(text)
        assert cited <= lesson_numbers, f"{folder.name} cites lessons that do not exist: {cited - lesson_numbers}"
        after = int(EXERCISE_AFTER[folder.name])
        assert all(n <= after for n in cited), \
            f"{folder.name} cites lesson {max(cited)} but is listed after lesson {after} (keyaccount.lessons.EXERCISE_AFTER)"
