"""Whole-brain model: quadrants with walk-around checklists, pairs, the three-round profile."""
import pytest

from keyaccount.validation import InputError
from keyaccount.whole_brain import model as m

A, B, C, D = (m.ELEMENTS[q] for q in "ABCD")


def test_four_quadrants_each_with_a_walk_around_checklist_and_six_elements():
    assert m.LETTERS == ("A", "B", "C", "D")
    assert all(q.walk_around and q.reach for q in m.QUADRANTS)
    assert "经过量化了吗？" in m.quadrant("A").walk_around
    assert "用到比喻了吗？" in m.quadrant("D").walk_around
    assert len(m.ELEMENT_QUADRANT) == 24


def test_every_pair_of_quadrants_has_traits():
    assert set(m.PAIRS) == {"AB", "AC", "AD", "BC", "BD", "CD"}


def test_profile_counts_picks_per_quadrant_over_three_rounds():
    p = m.Profile([A[:4] + D[:4], A[:3] + D[:3] + B[:2], D[:5] + C[:3]])
    assert p.counts == {"A": 7, "B": 2, "C": 3, "D": 12}
    assert sum(p.counts.values()) == 24
    assert p.dominant == "D" and p.pair == "AD"


def test_tie_reports_both_dominant_quadrants():
    p = m.Profile([B[:4] + C[:4]] * 3)
    assert p.dominant == "BC" and p.pair == "BC"


@pytest.mark.parametrize("rounds, words", [
    ([A[:4] + D[:3]] + [A[:4] + D[:4]] * 2, ["第 1 轮", "应选 8 项", "7 项"]),
    ([A[:4] + D[:4], A[:4] + D[:3] + ("唱歌",), A[:4] + D[:4]], ["第 2 轮", "唱歌"]),
    ([A[:4] + D[:4]] * 2 + [A[:4] + D[:3] + A[:1]], ["第 3 轮", "重复"]),
    ([A[:4] + D[:4]] * 2, ["3 轮"]),
])
def test_bad_rounds_name_the_round_and_the_problem(rounds, words):
    with pytest.raises(InputError) as err:
        m.Profile(rounds)
    assert all(w in str(err.value) for w in words)
