"""Questions of the strategy_swot_tows exercise (case strategy_antelope).

Lesson 30 teaches SWOT and TOWS on part of the case (``LESSON_STATEMENTS``, ``LESSON_STRATEGIES``);
the exercise asks about the rest. Cards are shown under neutral labels (信息1 …, 策略1 …, ordered
by text) so that an id such as "S1" does not give the answer away. What the learner's kernel gets
is text only: quadrants and kinds are read by the answer key (``labelled_statements(case)``).
"""
import pandas as pd

from keyaccount.swot.case import load_swot_case
from keyaccount.swot.model import STRATEGY_KINDS

CASE = "strategy_antelope"
# 第 30 课的示范：一条策略一类，加上它们用到的条目和一张有争议的卡片（O2）；练习只问其余的。
LESSON_STRATEGIES = ("SO3", "WO2", "ST4", "WT2")
LESSON_STATEMENTS = ("S1", "S3", "W1", "W4", "O1", "O2", "T2")


def for_lesson(case_name: str, items) -> tuple:
    """``items`` (statements or strategies) without those this exercise asks about, when the lesson uses its case."""
    if case_name != CASE:
        return tuple(items)
    return tuple(i for i in items if i.id in LESSON_STATEMENTS + LESSON_STRATEGIES)


def labelled_statements(case) -> dict:
    """{"信息1": Statement, …}: the asked statements of ``case``, in the order of their text."""
    asked = [s for s in case.swot().statements if s.id not in LESSON_STATEMENTS]
    return {f"信息{n}": s for n, s in enumerate(sorted(asked, key=lambda s: s.text), start=1)}


def labelled_strategies(case) -> dict:
    """{"策略1": Strategy, …}: the asked strategies of ``case``, in the order of their text."""
    asked = [s for s in case.strategy_list() if s.id not in LESSON_STRATEGIES]
    return {f"策略{n}": s for n, s in enumerate(sorted(asked, key=lambda s: s.text), start=1)}


def intro() -> str:
    """The case's title and story (Markdown)."""
    c = load_swot_case(CASE)
    return f"**{c.title}**\n\n{c.story}"


def cards(debatable: bool = False) -> dict:
    """{label: text} of question 1's cards (or, ``debatable``, question 2's)."""
    return {label: s.text for label, s in labelled_statements(load_swot_case(CASE)).items() if s.debatable == debatable}


def strategy_cards() -> list:
    """[(label, strategy, what it builds on and answers)] of question 3."""
    return [(label, s.text, s.why) for label, s in labelled_strategies(load_swot_case(CASE)).items()]


def kinds_table():
    """The four TOWS kinds (类型, 组合, 含义) as question 3 shows them."""
    return pd.DataFrame([(k.code, k.name, k.aim) for k in STRATEGY_KINDS], columns=["类型", "组合", "含义"]).set_index("类型")
