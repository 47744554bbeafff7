"""Where the course reads or adds to the sources, a learner is told so: the reading sits in a
"> **课程补充**：" quote, the course calls itself by one name, and a rule an exercise grades by is
taught (from lib, not retyped) in the lesson before it."""
import re

import nbformat
import pytest

from conftest import ROOT
from keyaccount.fishbone.model import BONE_MEANING

MARKER = "> **课程补充**："
LEARNER_TEXT = [*(ROOT / "notebooks").glob("*.ipynb"), *(ROOT / "notebooks" / "trainer").glob("*.md"),
                *(ROOT / "solutions").glob("*/*.ipynb"), *(ROOT / "cases").glob("*.yaml")]


def _cells(path):
    return nbformat.read(path, as_version=4).cells


def _marked(text: str, phrase: str) -> bool:
    """Whether ``phrase`` is inside a quote that a 课程补充 marker opens."""
    for block in re.split(r"\n\s*\n", text):
        quoted = block.lstrip().startswith(">")
        if phrase in block and quoted and MARKER in block and block.index(MARKER) <= block.index(phrase):
            return True
    return False


def test_the_course_calls_itself_by_one_name():
    said = [p.relative_to(ROOT) for p in LEARNER_TEXT if "本教材" in p.read_text(encoding="utf-8")]
    assert not said, f"these say 本教材 where the rest says 课程: {said}"


@pytest.mark.parametrize("lesson, phrase", [
    ("10_six_steps_overview", "鸭鸭团购部和北方某油田的故事是课程编写的"),
    ("10_six_steps_overview", "目的讲的是**怎样做**"),
    ("10_six_steps_overview", "**哪一层掉得最多？**"),
    ("41_high_touch_selling", "销售和营销主管关心收入和市场"),
    ("41_high_touch_selling", "两者的区别在于侧重点"),
    ("43_whole_brain_communication", "四个象限通常画成一个“田”字"),
    ("43_whole_brain_communication", "右脑对应 C、D 两个象限"),
    ("43_whole_brain_communication", "对 A 象限突出的客户"),
])
def test_the_course_s_own_readings_in_lessons_are_marked(lesson, phrase):
    cells = [c.source for c in _cells(ROOT / "notebooks" / f"{lesson}.ipynb") if phrase in c.source]
    assert cells and all(_marked(c, phrase) for c in cells), f"{lesson}: “{phrase}” is not in a 课程补充 quote"


@pytest.mark.parametrize("exercise, question, phrase", [
    ("strategy_swot_tows", "q_tows", "“说明”一栏是课程写的"),
    ("strategy_fishbone_plan", "q_causes", "每根鱼骨放什么（下表）是课程的归类规则"),
    ("hightouch_modes_segments", "q_bsc", "批改用的答案是课程定的"),
])
def test_exercise_material_the_course_wrote_is_marked(exercise, question, phrase):
    for folder in ("solutions", "exercises"):
        cell = next(c for c in _cells(ROOT / folder / exercise / f"{exercise}.ipynb")
                    if c.metadata.get("nbgrader", {}).get("grade_id") == question)
        assert _marked(cell.source, phrase), f"{folder}/{exercise} {question}"


def test_lesson_32_teaches_where_each_bone_goes_before_the_exercise_grades_by_it(tmp_path):
    """BONE_MEANING decides 鱼骨归类; the lesson shows it from lib, as the table the exercise uses."""
    from notebook_run import execute

    nb = execute(ROOT / "notebooks" / "32_fishbone_plan_review.ipynb", tmp_path / "32.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code" and "BONE_MEANING" in c.source]
    assert code, "lesson 32 does not show BONE_MEANING"
    shown = "".join(o.get("data", {}).get("text/html", "") for c in code for o in c.outputs)
    for bone, meaning in BONE_MEANING.items():
        assert bone in shown and meaning in shown, bone
    assert not any(meaning in c.source for c in nb.cells for meaning in BONE_MEANING.values()), "retyped from lib"
