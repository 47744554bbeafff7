"""Projects module: four elements, statistics table, attention rules, sales states, CR, 1+2+1."""
from datetime import date

import pytest

from conftest import key_references
from keyaccount.projects import attention, elements, one_two_one, reference, relationship, sales_state, templates
from keyaccount.projects.case import load_projects_case
from keyaccount.validation import InputError


# ---------------------------------------------------------------- four elements
def test_status_must_be_one_completed_state_not_a_range():
    with pytest.raises(InputError, match="P2-P3"):
        elements.Project.of("H项目", "P2-P3", 120, "2013.5.30")
    with pytest.raises(InputError, match="P9"):
        elements.Project.of("H项目", "P9", 120, "2013.5.30")
    assert elements.Project.of("H项目", "p2", 120, "2013.5.30").status == "P2"


def test_amount_may_be_a_range_early_and_its_estimate_is_the_middle():
    a = elements.amount("80~150")
    assert (a.low, a.high, a.estimate, a.is_range) == (80, 150, 115, True)
    assert elements.amount("80-150万") == a
    assert elements.amount(120).is_range is False
    with pytest.raises(InputError, match="150~80"):
        elements.amount((150, 80))
    with pytest.raises(InputError, match="很多"):
        elements.amount("很多")


@pytest.mark.parametrize("text, first, last", [
    ("2013.5.30", date(2013, 5, 30), date(2013, 5, 30)),
    ("12.7.1", date(2012, 7, 1), date(2012, 7, 1)),
    ("13.6", date(2013, 6, 1), date(2013, 6, 30)),
    ("12.Q4", date(2012, 10, 1), date(2012, 12, 31)),
    ("13.4~13.6", date(2013, 4, 1), date(2013, 6, 30)),
    ("2013-05-30", date(2013, 5, 30), date(2013, 5, 30)),
])
def test_sign_date_reads_the_source_formats(text, first, last):
    d = elements.sign_date(text)
    assert (d.first, d.last) == (first, last)


@pytest.mark.parametrize("text", ["明年", "13.13", "13.6~13.4"])
def test_a_bad_sign_date_is_named_in_the_error(text):
    with pytest.raises(InputError, match=text.split("~")[0].replace(".", r"\.")):
        elements.sign_date(text)


# ---------------------------------------------------------------- statistics table
def test_statistics_table_has_the_source_columns_and_rows():
    table = load_projects_case("projects_stats_source").statistics_table()
    assert list(table.columns) == list(elements.STATISTICS_COLUMNS)
    assert list(table["负责人"]) == ["刘一", "黄二", "张三", "李四", "王五", "陈六", "赵七", "钱八"]
    first = table.iloc[0]
    assert (first["状态"], first["预签金额"], first["客户关系程度"], first["ABC"]) == ("P3", 50, "CR1 CR3 CR4", "BCA")
    assert table["预签金额"].sum() == 550


def test_key_projects_of_xiaoli_are_ranked_by_weighted_amount():
    projects = load_projects_case("projects_xiaoli_customers", key_references()["projects_xiaoli_customers"]).project_list()
    assert [p.amount.estimate for p in projects] == [45, 20, 5, 19, 68, 34]
    assert elements.weighted_amount(projects[4]) == pytest.approx(68 * 0.30)
    assert elements.key_projects(projects) == ["E", "A", "F"]


# ---------------------------------------------------------------- attention rules
def test_attention_rules_on_the_source_table_flag_the_expected_projects_with_reasons():
    case = load_projects_case("projects_attention_source")
    flagged = attention.flagged_by_rule(case.project_list(), attention.Thresholds(case.as_of))
    assert flagged == {"签约时间已过": {"李四"}, "临近签约、进度落后": {"刘一", "黄二", "张三"},
                       "后期状态、关系薄弱": {"刘一", "黄二"}, "大金额、早期状态、时间临近": {"王五"},
                       "单线联系": set()}
    table = attention.flags(case.project_list(), attention.Thresholds(case.as_of))
    reason = table.loc[table["项目名称"] == "李四", "原因"].item()
    assert "12.3.30" in reason and "P2" in reason


def test_a_signed_project_is_never_flagged_for_its_past_date():
    done = elements.Project.of("X", "P7", 50, "12.1.1", contacts=[("甲", 1)])
    assert attention.flags([done], attention.Thresholds(date(2013, 1, 1))).empty


def test_thresholds_change_what_is_flagged():
    case = load_projects_case("projects_attention_source")
    strict = attention.Thresholds(case.as_of, big_amount=200)
    assert attention.flagged_by_rule(case.project_list(), strict)["大金额、早期状态、时间临近"] == set()


def test_bad_thresholds_are_refused_with_the_value():
    with pytest.raises(InputError, match="P8"):
        attention.Thresholds(date(2012, 1, 1), ready_state="P8")


# ---------------------------------------------------------------- sales states
@pytest.mark.parametrize("statuses, state", [
    (["P0", "P1", "P2", "P3", "P4", "P5", "P6"], "独当一面"),
    (["P3", "P4", "P5", "P5", "P6", "P6"], "只重跟进"),
    (["P0", "P0", "P1", "P1", "P2", "P3"], "只重开发"),
    (["P5", "P6"], "项目少"),
])
def test_four_sales_states_from_the_spread_over_p0_p7(statuses, state):
    found, reason = sales_state.sales_state(statuses)
    assert found.name == state and "个" in reason


def test_sales_state_refuses_a_range():
    with pytest.raises(InputError, match="P2-P3"):
        sales_state.stage_counts(["P2-P3"])


# ---------------------------------------------------------------- CR, 1+2+1, templates, reference
def test_cr_levels_have_the_source_definitions():
    assert relationship.CR_CODES == ("CR1", "CR2", "CR3", "CR4", "CR5")
    assert "Coach" in relationship.cr_level("cr4").definition
    assert relationship.cr_level(2).code == "CR2"
    with pytest.raises(InputError, match="CR6"):
        relationship.cr_level("CR6")


def test_one_two_one_needs_two_different_roles_and_a_separate_guide():
    ok = one_two_one.OneTwoOne.of("P", "向导甲", [("乙", "使用者", 3), ("丙", "决策人", 2)], "小王")
    assert ok.missing_roles() == ("采购人员", "技术/财务把关者")
    with pytest.raises(InputError, match="使用者"):
        one_two_one.OneTwoOne.of("P", "向导甲", [("乙", "使用者", 3), ("丙", "使用者", 2)], "小王")
    with pytest.raises(InputError, match="向导甲"):
        one_two_one.OneTwoOne.of("P", "向导甲", [("向导甲", "使用者", 3), ("丙", "决策人", 2)], "小王")
    with pytest.raises(InputError, match="老板"):
        one_two_one.OneTwoOne.of("P", "甲", [("乙", "老板", 3), ("丙", "决策人", 2)], "小王")


def test_tracking_table_lists_the_uncovered_roles():
    table = one_two_one.tracking_table(load_projects_case("projects_hpss_example").tracking_rows())
    assert table.loc[0, "1 向导"] == "郑秘书"
    assert table.loc[0, "尚未覆盖的角色"] == "采购人员、决策人"


def test_template_forms_export_what_was_typed():
    form = templates.TemplateForm("customer")
    item = templates.CUSTOMER_ANALYSIS["决策链、决策机制"][0]
    form.controls[item].value = "招标，集体决策"
    table = form.table()
    assert table.loc[table["项目"] == item, "填写内容"].item() == "招标，集体决策"
    assert "已填写 1 / 16" in form.result.value
    rival = templates.TemplateForm("competitor", competitors=("麋鹿",))
    rival.controls[("服务特色", "麋鹿")].value = "本地服务团队"
    assert rival.table().loc["服务特色", "麋鹿"] == "本地服务团队"
    with pytest.raises(InputError, match="swot"):
        templates.TemplateForm("swot")


def test_process_table_puts_a_key_node_beside_every_stage():
    table = reference.process_table()
    assert list(table["关键节点"]) == ["信息准确", "目标确认", "售前立项", "关系推进", "投标议标",
                                   "合同审批", "合同签订", "验收结案"]
    assert table.loc["P6", "完成程度"] == 0.9 and reference.process_table(0.8).loc["P6", "完成程度"] == 0.8


def test_attention_explorer_recomputes_when_a_threshold_moves():
    from keyaccount.projects.widget import AttentionExplorer

    case = load_projects_case("projects_attention_source")
    explorer = AttentionExplorer(case.project_list(), case.as_of)
    assert "需要关注的项目（5 / 7）" in explorer.result.value
    explorer.controls["big_amount"].value = 200
    assert "王五" not in explorer.result.value and "（4 / 7）" in explorer.result.value
    explorer.controls["near_days"].value = 0
    assert "临近签约、进度落后" not in explorer.result.value


def test_charts_render_chinese_without_warnings():
    import io
    import warnings

    import matplotlib.pyplot as plt

    from keyaccount.projects import chart

    case = load_projects_case("projects_attention_source")
    figures = [chart.stage_spread_chart(dict(sales_state.EXAMPLES)),
               chart.timeline_chart(case.project_list(), case.as_of, {"李四"})]
    for fig in figures:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    assert figures[0].axes[0].get_title() == "独当一面"


def test_each_example_spread_reads_as_its_own_state():
    for name, statuses in sales_state.EXAMPLES.items():
        assert sales_state.sales_state(statuses)[0].name == name


def test_bcg_chart_renders_the_four_quadrants_without_warnings():
    import io
    import warnings

    import matplotlib.pyplot as plt

    from keyaccount.projects import chart

    fig = chart.bcg_chart()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert set(reference.BCG) <= texts
    plt.close(fig)


def test_a_date_range_that_has_already_begun_counts_as_near():
    running = elements.Project.of("Y", "P2", 50, "24.Q1", contacts=[("甲", 3), ("乙", 3)])
    flagged = attention.flagged_by_rule([running], attention.Thresholds(date(2024, 2, 10)))
    assert flagged["临近签约、进度落后"] == {"Y"} and flagged["签约时间已过"] == set()
