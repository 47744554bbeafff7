"""Projects widgets driven headless (four elements + tree, 小李's statistics table, 1+2+1),
their charts rendered, and the reference tables read as the source gives them."""
import io
import warnings

import matplotlib.pyplot as plt
import pytest

from conftest import key_references
from keyaccount import p_stages
from keyaccount.projects import chart, elements, reference
from keyaccount.projects.case import load_projects_case
from keyaccount.projects.elements_widget import FourElementsTree
from keyaccount.projects.one_two_one_widget import OneTwoOneBuilder
from keyaccount.projects.statistics_widget import StatisticsBuilder


def _render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


# ---------------------------------------------------------------- reference tables
def test_three_cycles_reading_uses_only_the_source_phases_and_every_state_once():
    table = reference.three_cycles_table()
    assert len(table) == 3
    phases = [p for _, ps, _, _ in reference.THREE_CYCLES_READING for p in ps]
    assert sorted(phases) == sorted(reference.THREE_CYCLE_PHASES)
    codes = [c for _, _, cs, _ in reference.THREE_CYCLES_READING for c in cs]
    assert codes == list(p_stages.CODES)


def test_market_types_keep_the_source_columns_and_read_each_column_by_one_question():
    table = reference.market_types_table()
    assert list(table.loc[["显在市场", "潜在市场", "潜力市场"], "源文件的栏"]) == ["新市场"] * 3
    assert list(table.loc[["防守市场", "缝隙市场", "进攻市场"], "源文件的栏"]) == ["老市场"] * 3
    assert table.loc["进攻市场", "营销策略（源文件）"].startswith("本公司、对手均未实现销售")
    assert "谁已经在这里实现了销售" in table.loc["进攻市场", "课程解读"]


# ---------------------------------------------------------------- four elements + tree (ABC H)
def test_four_elements_are_checked_by_the_kit_rules_and_name_what_is_missing():
    widget = FourElementsTree(load_projects_case("projects_abc_h"))
    assert "项目状态、预签金额、预签时间" in widget.result.value
    widget.controls["status"].value = "P2-P3"
    widget.controls["amount"].value = "80~150"
    widget.controls["sign_date"].value = "2013.5"
    assert "✗" in widget.result.value and "范围" in widget.result.value
    widget.controls["status"].value = "P2"
    assert "✓" in widget.result.value and "预签金额、预签时间写的是范围" in widget.result.value
    assert "P2" in widget.tree_editor.title and bytes(widget.tree_editor.figure.value).startswith(b"\x89PNG")


def test_the_tree_starts_unplaced_and_the_tick_compares_levels_but_never_the_judgements():
    """Lesson 21 shows what the story states; projects_abc_tree grades the state, the chains and the CRs."""
    case = load_projects_case("projects_abc_h")
    widget = FourElementsTree(case)
    assert {p.level for p in widget.tree_editor.tree().people} == {"中层"}
    assert "<table" not in widget.result.value   # the comparison shows only when ticked
    widget.tree_editor.controls[("黄总", "level")].value = "高层"
    widget.tree_editor.controls[("冯工", "chain")].value = "技术"
    widget.controls["show_reference"].value = True
    html = widget.result.value
    assert "高层 ✓</td>" in html and "中层 ✗</td>" in html
    assert "2013.5.30" in html   # the source's example sign date beside the case's
    assert "审批链</th>" not in html and "技术 ✓" not in html and "P2" not in html and "CR" in html
    assert widget.figure is None   # no reference tree (it would show every chain and CR)
    widget.controls["show_reference"].value = False
    assert "<table" not in widget.result.value


def test_the_source_example_answer_counts_as_right():
    widget = FourElementsTree(load_projects_case("projects_abc_h"))
    for key, value in (("status", "P2"), ("amount", "120"), ("sign_date", "2013.5.30")):
        widget.controls[key].value = value
    widget.controls["show_reference"].value = True
    assert widget.result.value.split("<b>物理树状图</b>")[0].count(" ✓</td>") == 2   # amount and date; no state


# ---------------------------------------------------------------- 小李's statistics table
def _fill(widget, case):
    for row in case.projects:
        widget.controls[(row.name, "status")].value = row.status
        widget.controls[(row.name, "amount")].value = str(row.amount)
        widget.controls[(row.name, "sign_date")].value = row.sign_date


def test_statistics_builder_names_unfinished_and_wrong_rows():
    case = load_projects_case("projects_xiaoli_customers", key_references()["projects_xiaoli_customers"])
    widget = StatisticsBuilder(case)
    assert widget.result.value.count("还没填完") == 6
    widget.controls[("A", "status")].value = "P1"
    widget.controls[("A", "amount")].value = "45"
    widget.controls[("A", "sign_date")].value = "下个月"
    assert "A：预签时间" in widget.result.value and widget.result.value.count("还没填完") == 5


def test_statistics_builder_ranks_by_the_learners_own_states_as_a_starting_point_only():
    """Lesson 22 agrees with the exercise's three gates: the weighted top 3 is never called right."""
    case = load_projects_case("projects_xiaoli_customers", key_references()["projects_xiaoli_customers"])
    widget = StatisticsBuilder(case)
    _fill(widget, case)
    assert "E、A、F" in widget.result.value and "<td>20.4</td>" in widget.result.value
    assert "加权只是起点" in widget.result.value
    for name in "EAF":
        widget.controls[(name, "key")].value = True
    assert "一致" not in widget.result.value and "✓" not in widget.result.value
    assert "你勾选了 A（预签时间 11.12）" in widget.result.value
    widget.controls[("F", "key")].value = False
    assert "F 的加权金额在前 3 名，你没有勾选" in widget.result.value
    widget.controls[("B", "status")].value = "P6"     # a learner's other reading changes the ranking
    assert "E、B、A" in widget.result.value
    assert bytes(widget.figure.value).startswith(b"\x89PNG")


def test_statistics_builder_reference_gives_amounts_and_dates_but_not_the_states():
    """The states are what projects_statistics grades: ticking the reference does not show them."""
    case = load_projects_case("projects_xiaoli_customers", key_references()["projects_xiaoli_customers"])
    widget = StatisticsBuilder(case)
    widget.controls["show_reference"].value = True
    shown = widget.result.value
    assert "<td>11.12</td>" in shown and "<td>45万</td>" in shown
    assert not any(code in shown for code in p_stages.CODES)
    assert not any(row.situation[:8] in shown for row in case.projects)


# ---------------------------------------------------------------- 1+2+1
def test_one_two_one_builder_shows_the_row_and_refuses_two_of_one_role():
    case = load_projects_case("projects_hpss_example")
    widget = OneTwoOneBuilder([p.name for p in case.tree().people], case.tracking_rows()[0])
    assert "采购人员、决策人" in widget.result.value and bytes(widget.figure.value).startswith(b"\x89PNG")
    widget.controls["role2"].value = "使用者"
    assert "两位都是 使用者" in widget.result.value
    widget.controls["role2"].value = "决策人"
    widget.controls["ally2"].value = "刘董"
    assert "采购人员、技术/财务把关者" in widget.result.value
    widget.controls["guide"].value = "刘董"
    assert "不应同时算作" in widget.result.value


def test_one_two_one_builder_escapes_what_the_learner_typed():
    case = load_projects_case("projects_hpss_example")
    widget = OneTwoOneBuilder([p.name for p in case.tree().people], case.tracking_rows()[0])
    widget.controls["next_step"].value = "<script>alert(1)</script>"
    assert "<script>" not in widget.result.value and "&lt;script&gt;" in widget.result.value


# ---------------------------------------------------------------- charts
def test_one_two_one_chart_fills_the_two_covered_roles():
    row = load_projects_case("projects_hpss_example").tracking_rows()[0]
    fig = chart.one_two_one_chart(row)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"赵经理（CR4）", "陈副总（CR2）", "郑秘书", "小周"} <= texts
    assert sum(t == "尚未覆盖" for t in (t.get_text() for t in fig.axes[0].texts)) == 2
    _render(fig)


def test_weighted_chart_orders_by_todays_worth_and_marks_the_chosen():
    projects = load_projects_case("projects_xiaoli_customers", key_references()["projects_xiaoli_customers"]).project_list()
    fig = chart.weighted_chart(projects, {"E"})
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[:3] == ["E", "A", "F"] and "橙色" in fig.axes[0].get_title()
    _render(fig)


def test_unplaced_tree_keeps_people_and_reporting_lines():
    tree = load_projects_case("projects_abc_h").tree()
    blank = tree.unplaced()
    assert [p.name for p in blank.people] == [p.name for p in tree.people]
    assert [p.reports_to for p in blank.people] == [p.reports_to for p in tree.people]
    assert {(p.chain, p.cr.level) for p in blank.people} == {("无", 1)}


@pytest.mark.parametrize("name", ["projects_abc_h", "strategy_smart_goals"])
def test_the_abc_h_project_is_dated_2012_13_in_every_case(name):
    from keyaccount.strategy.case import load_smart_case

    if name == "projects_abc_h":
        years = {elements.sign_date(load_projects_case(name).project.sign_date).first.year}
    else:
        goals = load_smart_case(name)
        years = {goals.today.year} | {g.due.year for g in goals.goal_list().values()}
    assert years <= {2012, 2013}
