"""The lesson index shows every lesson and exercise, in teaching order, without running anything."""
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
