"""Trainer's guides (notebooks/trainer/*.md): each has the parts a trainer teaches from, and the
printed walk-around checklist says what the lesson's lib data says."""
import re

import pytest

from conftest import ROOT

GUIDES = {"01_funnel.md": ("01",), "10_six_steps.md": ("10", "11", "12", "13", "14", "15", "16"),
          "20_projects.md": ("20", "21", "22"), "30_strategy.md": ("30", "31", "32"),
          "40_high_touch.md": ("40", "41", "42", "43", "44")}
CHECKLIST = re.compile(r"^\| (#|观察点|象限) \|", flags=re.M)


def test_every_guide_is_tested():
    assert set(GUIDES) == {p.name for p in (ROOT / "notebooks" / "trainer").glob("*.md")}


@pytest.mark.parametrize("name, lessons", GUIDES.items())
def test_guide_has_timing_discussion_role_plays_and_worksheets(name, lessons):
    text = (ROOT / "notebooks" / "trainer" / name).read_text(encoding="utf-8")
    assert re.search(r"\| 环节 \| 半天（3\.5 小时） \| 全天（7 小时） \|", text)
    discussion = text[text.index("## 2. 各课讨论题"):text.index("## 3. 角色扮演")]
    if len(lessons) > 1:
        for lesson in lessons:
            assert f"### 第 {lesson} 课" in discussion, f"{name}: no discussion questions for lesson {lesson}"
    else:  # one lesson: questions per section of it
        assert discussion.count("### 第") >= 3, f"{name}: discussion questions per section"
    role_plays = text[text.index("## 3. 角色扮演"):text.index("## 4. 带上你自己的客户")]
    sections = re.split(r"^#{2,3} .*角色扮演[一二三四五]?[：:].*$", role_plays, flags=re.M)[1:]
    assert len(sections) >= (1 if len(lessons) == 1 else 2), f"{name}: role-plays"
    for section in sections:
        assert CHECKLIST.search(section), f"{name}: a role-play without an observer's checklist"
    assert text.count("### 工作单") + text.count("### 工作表") >= max(len(lessons) - 1, 1)


def test_walk_around_checklist_is_the_lessons_own():
    from keyaccount.whole_brain import model

    text = (ROOT / "notebooks" / "trainer" / "40_high_touch.md").read_text(encoding="utf-8")
    for quadrant in model.QUADRANTS:
        row = next(line for line in text.splitlines() if line.startswith(f"| {quadrant.letter} | "))
        assert row.split(" | ")[1] == "".join(quadrant.walk_around)


ALL_GUIDES = sorted((ROOT / "notebooks" / "trainer").glob("*.md"))
LUNCH = ("午休", "午餐")


def minutes(cell: str) -> int:
    """"25 分钟（只做 A）" → 25, "2 × 15 分钟" → 30, "—" or "课后完成" → 0 (not in class time)."""
    found = re.match(r"\s*(?:(\d+)\s*×\s*)?(\d+)\s*分钟", cell)
    if found:
        return int(found[1] or 1) * int(found[2])
    assert cell.strip() in ("—", "课后完成"), f"unreadable time: {cell!r}"
    return 0


def timing(text: str):
    """(half-day hours, full-day hours, rows) of the guide's timing table; a row is (cells, half, full)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| 环节 |"))
    head = re.match(r"\| 环节 \| 半天（([\d.]+) 小时） \| 全天（([\d.]+) 小时） \|", lines[start])
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows.append((cells, minutes(cells[1]), minutes(cells[2])))
    return float(head[1]), float(head[2]), rows


def role_plays(text: str) -> dict[str, tuple[int, int]]:
    """Each role-play heading's stated length: name → (half-day minutes, full-day minutes; 0 = not done)."""
    found = {}
    for title in re.findall(r"^#{2,3} .*?(角色扮演[一二三四五]?)[：:].*$", text, flags=re.M):
        line = next(line for line in text.splitlines() if title in line and line.startswith("#"))
        half, full = (re.search(rf"{day}\s*(\d+)\s*分钟", line) for day in ("半天", "全天"))
        assert half or full, f"say how long it takes (半天 N 分钟 / 全天 N 分钟): {line}"
        found[title] = (int(half[1]) if half else 0, int(full[1]) if full else 0)
    return found


@pytest.mark.parametrize("path", ALL_GUIDES, ids=lambda p: p.name)
def test_timing_table_adds_up_to_its_labels(path):
    """A trainer plans the day from this table: its minutes (breaks in, lunch out) are what the header says."""
    text = path.read_text(encoding="utf-8")
    half, full, rows = timing(text)
    assert "时长含课间休息，不含午休" in text, f"{path.name}: say what the hours count"
    taught = [r for r in rows if r[0][0] not in LUNCH]
    assert sum(r[1] for r in taught) == half * 60, f"{path.name}: half day is {sum(r[1] for r in taught)} min"
    assert sum(r[2] for r in taught) == full * 60, f"{path.name}: full day is {sum(r[2] for r in taught)} min"


@pytest.mark.parametrize("path", ALL_GUIDES, ids=lambda p: p.name)
def test_role_plays_take_the_time_the_table_gives_them(path):
    """A role-play alone in a row gets exactly its stated length; sharing a row, no more than the row."""
    text = path.read_text(encoding="utf-8")
    plays, rows = role_plays(text), timing(text)[2]
    assert plays, f"{path.name} has no role-play"
    for name in plays:
        assert any(name in " ".join(r[0]) or (name == "角色扮演" and "角色扮演" in r[0][0]) for r in rows), \
            f"{path.name}: {name} is not in the timing table"
    for cells, *row in rows:
        named = [n for n in plays if n in " ".join(cells) or (n == "角色扮演" and "角色扮演" in cells[0])]
        for day in (0, 1):
            stated = sum(plays[n][day] for n in named)
            if cells[0].startswith("角色扮演"):
                assert stated == row[day], f"{path.name}: {cells[0]} has {row[day]} min, its section says {stated}"
            else:
                assert stated <= row[day], f"{path.name}: {cells[0]} has {row[day]} min for {stated} min of role-play"


def test_guides_cite_the_source_as_it_is():
    """The sources are slide decks: they have parts and slides, no lessons (第 N 课 are the course's)."""
    for path in ALL_GUIDES:
        assert not re.search(r"源文件(?:\s*\d{3})?\s*第\s*\d+\s*课", path.read_text(encoding="utf-8")), path.name
