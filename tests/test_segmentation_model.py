"""Attack/defend segmentation: five segments by potential × share, strategies, resources, BSC."""
import pandas as pd
import pytest

from keyaccount.segmentation import model as m
from keyaccount.validation import InputError

T = m.Thresholds(high=100, low=30, share=0.5)


@pytest.mark.parametrize("potential, share, expected", [
    (200, 0.1, "获取"), (200, 0.7, "保留"), (60, 0.2, "侵扰"), (60, 0.6, "维持"),
    (10, 0.9, "放弃"), (10, 0.1, "放弃"),
    (100, 0.5, "保留"),   # on both thresholds: high potential, high share
    (30, 0.49, "侵扰"),
])
def test_segment_by_potential_and_share(potential, share, expected):
    assert m.segment(potential, share, T) == expected


def test_each_segment_has_a_strategy():
    assert [m.strategy(s) for s in m.SEGMENT_NAMES] == ["进攻", "防御", "进攻", "维持", "退出"]


def test_table_and_resource_split_by_amount_at_play():
    customers = pd.DataFrame({"客户": list("abcde"), "采购潜力": [200, 150, 60, 50, 10],
                              "客户份额": [0.1, 0.7, 0.2, 0.6, 0.9]})
    table = m.segment_table(customers, T)
    assert list(table["细分"]) == ["获取", "保留", "侵扰", "维持", "放弃"]
    assert list(table["争取/守护金额"]) == pytest.approx([180, 105, 48, 30, 0])
    split = m.resource_split(table)
    assert list(split.index) == ["进攻", "防御", "维持"]
    assert list(split["客户数"]) == [2, 1, 1]
    assert split.loc["进攻", "投入占比"] == pytest.approx(228 / 363)
    assert split["投入占比"].sum() == pytest.approx(1)


@pytest.mark.parametrize("call, words", [
    (lambda: m.Thresholds(high=50, low=80), ["中潜力门槛 80", "高潜力门槛 50"]),
    (lambda: m.segment(100, 45, T), ["客户份额", "45", "0.45"]),
    (lambda: m.segment_table(pd.DataFrame({"客户": ["甲"], "采购潜力": [-5], "客户份额": [0.2]}), T),
     ["甲", "采购潜力", "-5"]),
    (lambda: m.segment_table(pd.DataFrame({"客户": ["甲"]}), T), ["采购潜力", "客户份额"]),
])
def test_bad_inputs_are_named(call, words):
    with pytest.raises(InputError) as err:
        call()
    assert all(w in str(err.value) for w in words)


def test_balanced_scorecard_blanks_have_reference_answers():
    assert all("＿＿" in b.text and b.answer for b in m.BSC_BLANKS)
    assert {b.side for b in m.BSC_BLANKS} == {"进攻", "防御"}
