"""Opportunity analysis: the 20 factors of source 000, the 1–5 scorecard, Z and partners."""
import pytest

from keyaccount.opportunity import model as m
from keyaccount.validation import InputError


def scores(default=3, **changes):
    s = {name: default for name in m.FACTOR_NAMES}
    s.update(changes)
    return s


def test_four_questions_of_five_factors_each_with_diagnostic_questions():
    assert [q.name for q in m.QUESTIONS] == ["是否有机会？", "我们有竞争力？", "我们能否胜出？", "价值何在？"]
    assert [len(q.factors) for q in m.QUESTIONS] == [5, 5, 5, 5]
    assert len(set(m.FACTOR_NAMES)) == 20
    assert all(len(f.diagnostics) >= 2 for f in m.FACTORS)
    assert m.factor("政治联盟").diagnostics[0] == "参与决策的人中谁最有权力？"
    assert m.factor("资金来源").code == "Q1.4"


def test_rollups_are_means_per_question_and_overall():
    card = m.Scorecard(scores(**{"客户高层信任": 1, "政治联盟": 1, "短期收入": 5}))
    q = card.question_scores
    assert q["我们能否胜出？"] == pytest.approx(2.2)
    assert q["价值何在？"] == pytest.approx(3.4)
    assert card.overall == pytest.approx((3 + 3 + 2.2 + 3.4) / 4)
    assert card.weakest_question == "我们能否胜出？"
    assert card.weak_factors() == ["客户高层信任", "政治联盟"]


@pytest.mark.parametrize("changes, z", [
    ({}, 0),
    ({name: 4 for name in m.FACTOR_NAMES}, 1),
    ({"客户高层信任": 1, "政治联盟": 1}, -1),   # one weak question compromises the deal
])
def test_z_position_follows_the_weakest_question(changes, z):
    assert m.Scorecard(scores(**changes)).z == z


def test_high_mean_with_one_lost_question_is_still_z_minus_one():
    s = scores(5, **{f.name: 1 for f in m.QUESTIONS[2].factors})
    card = m.Scorecard(s)
    assert card.overall == 4.0 and card.z == -1


@pytest.mark.parametrize("bad, words", [
    (scores(**{"政治联盟": 6}), ["政治联盟", "6"]),
    (scores(**{"利润率": "4"}), ["利润率", "文字“4”"]),
    (scores(**{"利润率": 3.5}), ["利润率", "3.5"]),
    ({k: v for k, v in scores().items() if k != "战略价值"}, ["缺少", "战略价值"]),
    (scores(**{"价格": 3}), ["不认识", "价格"]),
])
def test_bad_scores_name_the_factor_and_value(bad, words):
    with pytest.raises(InputError) as err:
        m.Scorecard(bad)
    assert all(w in str(err.value) for w in words)


def test_best_partner_prefers_a_balanced_partner_over_a_higher_mean():
    lopsided = scores(5, **{f.name: 1 for f in m.QUESTIONS[1].factors})   # mean 4, Z = -1
    balanced = scores(4, **{"利润率": 3})                                   # mean 3.95, Z = 1
    ranked = m.compare_partners({"偏科": lopsided, "均衡": balanced, "一般": scores()})
    assert [name for name, _ in ranked] == ["均衡", "一般", "偏科"]
    assert m.best_partner({"偏科": lopsided, "均衡": balanced}) == "均衡"


def test_partner_errors_name_the_partner():
    with pytest.raises(InputError, match="伙伴“乙”"):
        m.compare_partners({"甲": scores(), "乙": scores(**{"利润率": 0})})
    with pytest.raises(InputError):
        m.compare_partners({})
