"""Trainer's guides (notebooks/trainer/*.md): each has the parts a trainer teaches from, and the
printed walk-around checklist says what the lesson's lib data says."""
import re

import pytest

from conftest import ROOT

GUIDES = {"20_projects.md": ("20", "21", "22"), "30_strategy.md": ("30", "31", "32"),
          "40_high_touch.md": ("40", "41", "42", "43", "44")}


@pytest.mark.parametrize("name, lessons", GUIDES.items())
def test_guide_has_timing_discussion_role_plays_and_worksheets(name, lessons):
    text = (ROOT / "notebooks" / "trainer" / name).read_text(encoding="utf-8")
    assert re.search(r"\| 环节 \| 半天（3\.5 小时） \| 全天（7 小时） \|", text)
    discussion = text[text.index("## 2. 各课讨论题"):text.index("## 3. 角色扮演")]
    for lesson in lessons:
        assert f"### 第 {lesson} 课" in discussion, f"{name}: no discussion questions for lesson {lesson}"
    role_plays = text[text.index("## 3. 角色扮演"):text.index("## 4. 带上你自己的客户")]
    assert role_plays.count("### 角色扮演") >= 2 and role_plays.count("| 观察点") + role_plays.count("| 象限") >= 2
    assert text.count("### 工作单") >= len(lessons) - 1


def test_walk_around_checklist_is_the_lessons_own():
    from keyaccount.whole_brain import model

    text = (ROOT / "notebooks" / "trainer" / "40_high_touch.md").read_text(encoding="utf-8")
    for quadrant in model.QUADRANTS:
        row = next(line for line in text.splitlines() if line.startswith(f"| {quadrant.letter} | "))
        assert row.split(" | ")[1] == "".join(quadrant.walk_around)
