"""The funnel formulas reproduce the source's worked numbers (004, 001) and refuse bad input."""
import pandas as pd
import pytest

from keyaccount import InputError, p_stages
from keyaccount.funnel import model
from keyaccount.funnel.case import load_funnel_case


@pytest.fixture
def case():
    return load_funnel_case("funnel_usm_software")


def test_performance_forecast_reproduces_slide(case):
    f = case.performance_forecast()
    assert f.forecast_total == pytest.approx(92.21)
    assert f.unforecast == pytest.approx(59.52)
    assert round(f.completion_rate, 2) == 0.98


def test_small_funnel_reproduces_slide(case):
    s = case.small_funnel()
    assert s.expected_deals == pytest.approx(82.45)
    assert s.expected_revenue == pytest.approx(164.9)
    assert s.gap == pytest.approx(88)
    assert s.project_gap == pytest.approx(220)


def test_small_quota_formula_does_not_give_the_slides_372(case):
    assert case.small_projects.quota_basis.quota() == pytest.approx(214.5)
    assert case.small_projects.quota == 372


def test_large_funnel_stage_expectations_and_corrected_totals(case):
    big = case.large_funnel()
    assert big.stage_expected[2:] == pytest.approx((42, 25, 168.7))
    assert big.expected_revenue == pytest.approx(248.1)       # slide: 248.7
    assert big.quota == pytest.approx(72.8)                    # slide: 72.9
    assert big.collection_forecast == pytest.approx(96.135)    # slide: 53.6 does not follow its formula
    assert big.gap == pytest.approx(72.8 - 15.5 - 96.135)


def test_source_check_puts_slide_and_correct_figure_side_by_side(case):
    table = case.source_check()
    assert table.loc["大项目期望收入合计", "幻灯片数字"] == 248.7
    assert table.loc["大项目期望收入合计", "按公式计算"] == pytest.approx(248.1)
    assert table.loc["本期预计回款", "幻灯片数字"] == 53.6
    assert table.loc["小项目定额 1100×26%×75%", "按公式计算"] == pytest.approx(214.5)
    assert all(table["说明"].str.len() > 10)


def test_project_gap_is_zero_when_forecast_exceeds_quota():
    s = model.SmallProjectFunnel(100, 50, 50, 2, 100, 150)
    assert s.gap < 0
    assert s.project_gap == 0


def test_weighted_pipeline_uses_stage_completion_and_p6_parameter():
    projects = pd.DataFrame({"状态": ["P2", "P6", "P6"], "预签金额": [100, 50, 10]})
    table = model.weighted_pipeline(projects)
    assert table.loc["P2", "加权金额"] == pytest.approx(25)
    assert table.loc["P6", "加权金额"] == pytest.approx(54)
    assert table.loc["P6", "项目数"] == 2
    assert list(table.index) == list(p_stages.CODES)
    assert model.weighted_pipeline(projects, p6_rate=0.8).loc["P6", "加权金额"] == pytest.approx(48)


def test_p_stage_range_is_refused():
    with pytest.raises(InputError, match="P2-P3 是一个范围"):
        p_stages.stage("P2-P3")


def test_funnel_metrics():
    opps = pd.DataFrame({
        "阶段": ["意向", "方案", "成交", "成交", "谈判"],
        "金额": [4.0, 6.0, 2.0, 4.0, 1.0],
        "目标客户": [True, False, True, True, False],
        "天数": [10, 20, 30, 50, 40],
        "结果": ["进行中", "进行中", "赢单", "赢单", "丢单"],
    })
    m = model.funnel_metrics(opps)
    assert m.quantity == {"意向": 1, "方案": 1}
    assert m.direction == pytest.approx(0.4)
    assert m.velocity == pytest.approx(40)
    assert m.unit_yield == pytest.approx(3)
    assert m.win_rate == pytest.approx(2 / 3)


@pytest.mark.parametrize("kwargs, message", [
    (dict(intent=-3), "意向客户数量 不能为负数"),
    (dict(intent="169"), "意向客户数量 应该是一个数字，收到的是 文字“169”（去掉引号即为数字）"),
    (dict(proposal=4.5), "方案阶段客户数量 应该是整数"),
    (dict(unit_value=0), "单产 必须大于 0"),
    (dict(quota=0), "小项目定额 必须大于 0"),
    (dict(rates=(0.2, 35, 0.7)), "方案阶段成交率 应在 0 到 1 之间，收到的是 35（如果指 35%，请写成 0.35）"),
    (dict(rates=(0.2, 0.35)), "成交率 应该是三个数"),
])
def test_small_funnel_bad_input_names_the_value(kwargs, message):
    values = dict(intent=169, proposal=49, negotiation=45, unit_value=2, achieved=119.1, quota=372)
    with pytest.raises(InputError) as err:
        model.SmallProjectFunnel(**{**values, **kwargs})
    assert message in str(err.value)


def test_performance_bad_input_names_the_value():
    with pytest.raises(InputError, match="本期定额 必须大于 0"):
        model.PerformanceForecast(0, 1, 1, 1, 1)
    with pytest.raises(InputError, match="保证实现 应该是一个数字，收到的是 空值 None"):
        model.PerformanceForecast(186, 1, None, 1, 1)


def test_large_funnel_wrong_number_of_stages():
    with pytest.raises(InputError, match="各阶段金额 应该有 5 个数"):
        model.LargeProjectFunnel((0,) * 5, (1, 2), 0, 0, 0, 0, 10)


def test_weighted_pipeline_names_the_bad_row():
    projects = pd.DataFrame({"状态": ["P1", "P9"], "预签金额": [10, 20]})
    with pytest.raises(InputError, match="项目表第 2 行：项目状态 只能是"):
        model.weighted_pipeline(projects)


def test_funnel_review_has_the_sources_three_steps_in_order():
    from keyaccount.funnel.model import funnel_review_table

    table = funnel_review_table()
    assert list(table["方法"]) == ["漏斗分析", "机会盘问", "机会和业绩指点"]
    assert list(table["结果"])[:2] == ["找出业绩问题", "把机会正确分类"]
