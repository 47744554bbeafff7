"""Questions of the strategy_swot_tows exercise (case strategy_antelope).

Lesson 30 teaches SWOT and TOWS on part of the case; the exercise asks about the rest. The asked
cards and strategies have neutral ids (信息1 …, 策略1 …, ordered by text) that the exercise shows as
they are, and the shipped case file holds only their text: quadrants, kinds and the cards a
strategy uses are in the answer key's REFERENCE (``labelled_statements(case)`` reads them there).
"""
import pandas as pd

from keyaccount.swot.case import load_swot_case
from keyaccount.swot.model import STRATEGY_KINDS

CASE = "strategy_antelope"
ASKED_STATEMENTS = tuple(f"信息{n}" for n in range(1, 9))
BY_DEFINITION = ("信息4", "信息5")     # 第 2 题：源文件的归类有争议的两张（其余六张是第 1 题）
ASKED_STRATEGIES = tuple(f"策略{n}" for n in range(1, 12))


def lesson_ids(case_name: str, items) -> tuple:
    """The ids of ``items`` (a case's statements or strategies) a lesson on ``case_name`` shows:
    all of them, or of this exercise's case those the exercise does not ask."""
    asked = ASKED_STATEMENTS + ASKED_STRATEGIES if case_name == CASE else ()
    return tuple(i.id for i in items if i.id not in asked)


def labelled_statements(case) -> dict:
    """{"信息1": Statement, …}: the asked statements of ``case`` (one that holds their quadrants)."""
    return {s.id: s for s in case.swot(ASKED_STATEMENTS).statements}


def labelled_strategies(case) -> dict:
    """{"策略1": Strategy, …}: the asked strategies of ``case`` (one that holds their kinds)."""
    return {s.id: s for s in case.strategy_list(ASKED_STRATEGIES)}


def intro() -> str:
    """The case's title and story (Markdown)."""
    c = load_swot_case(CASE)
    return f"**{c.title}**\n\n{c.story}"


def cards(debatable: bool = False) -> dict:
    """{label: text} of question 1's cards (or, ``debatable``, question 2's)."""
    return {s.id: s.text for s in load_swot_case(CASE).statements
            if s.id in ASKED_STATEMENTS and (s.id in BY_DEFINITION) == debatable}


def strategy_cards() -> list:
    """[(label, strategy, what it builds on and answers)] of question 3."""
    return [(s.id, s.text, s.why) for s in load_swot_case(CASE).strategies if s.id in ASKED_STRATEGIES]


def kinds_table():
    """The four TOWS kinds (类型, 组合, 含义) as question 3 shows them."""
    return pd.DataFrame([(k.code, k.name, k.aim) for k in STRATEGY_KINDS], columns=["类型", "组合", "含义"]).set_index("类型")
