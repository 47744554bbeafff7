"""High-touch selling: cycle alignment, question types vs SPIN, value statements, G-POST."""
from datetime import date

import pytest

from keyaccount.high_touch import model as m
from keyaccount.validation import InputError


def test_seven_stages_cover_the_buying_cycle_in_order():
    assert [s.name for s in m.CYCLE] == ["发现", "界定", "合理定位", "开发方案", "证实价值", "签单和执行", "传递价值"]
    assert m.BUYING_CYCLE[0] == "业务驱动" and m.BUYING_CYCLE[-1] == "开展业务"
    assert len(set(m.BUYING_CYCLE)) == len(m.BUYING_CYCLE) == 9


def test_question_types_line_up_with_spin():
    assert m.spin_comparison() == [("形势", "背景问题", "Situation"), ("问题", "难点问题", "Problem"),
                                   ("结果", "暗示问题", "Implication"), ("价值", "需求-效益问题", "Need-payoff")]


def test_template_blanks_in_order():
    assert m.template_blanks(3) == ("解决方案", "紧急而重要的事项", "可衡量的成果", "风险/回报分享策略")
    assert "频率" in m.template_blanks(2)


def test_value_statement_fills_the_template():
    text = m.value_statement(3, {"解决方案": "云 ERP", "紧急而重要的事项": "年底前的批次追溯要求",
                                 "可衡量的成果": "把追溯时间从 3 天缩短到 2 小时。",
                                 "风险/回报分享策略": "按上线里程碑付款"})
    assert text == ("我们通过实施云 ERP，帮助你处理年底前的批次追溯要求，能把追溯时间从 3 天缩短到 2 小时。"
                    "我们将通过按上线里程碑付款保证你的投资回报。")


@pytest.mark.parametrize("number, blanks, words", [
    (3, {"解决方案": "云 ERP", "紧急而重要的事项": " ", "可衡量的成果": "x", "风险/回报分享策略": "y"},
     ["紧急而重要的事项", "还没有填写"]),
    (3, {"解决方案": "云 ERP"}, ["紧急而重要的事项", "None"]),
    (1, {"频率": "每月"}, ["模板 1", "频率"]),
    (4, {}, ["模板编号", "4"]),
])
def test_empty_or_unknown_blanks_are_refused_by_name(number, blanks, words):
    with pytest.raises(InputError) as err:
        m.value_statement(number, blanks)
    assert all(w in str(err.value) for w in words)


def test_gpost_objective_must_be_detailed_measurable_and_time_bound():
    obj = m.Objective("云 ERP 一期（生产+财务）", 600, date(2027, 6, 30))
    assert obj.text() == "在 2027年06月30日 前签下 云 ERP 一期（生产+财务），金额 600万元"
    with pytest.raises(InputError, match="可衡量"):
        m.Objective("云 ERP", 0, date(2027, 6, 30))
    with pytest.raises(InputError, match="有时限"):
        m.Objective("云 ERP", 600, "明年上半年")
    with pytest.raises(InputError, match="详细"):
        m.Objective("", 600, date(2027, 6, 30))


def test_gpost_tactics_are_owned_and_come_before_the_sign_date():
    obj = m.Objective("云 ERP", 600, date(2027, 6, 30))
    visit = m.Tactic("拜访总经理", "小李", date(2027, 1, 15))
    plan = m.GPostPlan("成为集团的长期数字化伙伴", "见机会分析", obj, "先补齐质量追溯模块，再争取高层", (visit,))
    assert plan.tactics[0].owner == "小李"
    with pytest.raises(InputError, match="负责人"):
        m.Tactic("拜访总经理", "", date(2027, 1, 15))
    with pytest.raises(InputError, match="晚于签单时间"):
        m.GPostPlan("目的", "状态", obj, "战略", (m.Tactic("验收", "小李", date(2027, 9, 1)),))


def test_initiative_needs_a_critical_success_factor():
    m.Initiative("主机厂要求批次追溯", "质量追溯系统上线", ("年底前上线", "供应商数据接入"))
    with pytest.raises(InputError, match="关键成功因素"):
        m.Initiative("主机厂要求批次追溯", "质量追溯系统上线", ())
