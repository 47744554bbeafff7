"""USS: five core steps with stages and decision points, three modes, the mode chooser."""
import pytest

from keyaccount.uss import model as m
from keyaccount.validation import InputError


def test_five_core_steps_in_order_with_their_stages():
    assert [s.name for s in m.CORE_STEPS] == ["开发商机", "引导需求", "建立规范", "呈现价值", "实现销售"]
    assert [s.stage for s in m.CORE_STEPS] == ["潜在阶段", "意向阶段", "方案阶段", "谈判阶段", "成交阶段"]
    assert all(s.activities for s in m.CORE_STEPS)


def test_decision_points_follow_steps_two_to_four_and_are_explained():
    assert [s.decision for s in m.CORE_STEPS] == ["", "憧憬？", "接受？", "认可？", ""]
    assert set(m.DECISION_MEANING) == {s.decision for s in m.CORE_STEPS if s.decision}


def test_three_modes_compared_on_the_same_seven_aspects():
    assert m.MODE_NAMES == ("战略模式", "顾问模式", "快刀模式")
    assert all(tuple(x.profile) == m.ASPECTS for x in m.MODES)
    assert m.mode("快刀模式").profile["制胜关键"] == "速度、个人能力"
    assert m.mode("战略模式").profile["目的"] == "大单做大"


@pytest.mark.parametrize("answers, expected", [
    (("价值空间不可估量", "需求复杂，要个性化方案", "一个团队（多部门、高层参与）"), "战略模式"),
    (("价值空间小", "一体化方案或业务软件包", "几个人（用户和把关者）"), "顾问模式"),   # majority
    (("价值空间较大", "标准产品即可", "一个团队（多部门、高层参与）"), "顾问模式"),     # no majority: value space
    (("价值空间小", "标准产品即可", "几个人（用户和把关者）"), "快刀模式"),
])
def test_chooser_follows_the_majority_and_breaks_ties_by_value_space(answers, expected):
    assert m.choose_mode(*answers) == expected


def test_chooser_names_a_wrong_answer():
    with pytest.raises(InputError, match="客户方参与采购的人.*很多人"):
        m.choose_mode("价值空间小", "标准产品即可", "很多人")
    with pytest.raises(InputError, match="销售模式"):
        m.mode("顾问")
