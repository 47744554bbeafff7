"""Six-step charts render without missing glyphs; widgets driven headless by their controls."""
import warnings
from io import BytesIO

import pytest

from conftest import key_references
from keyaccount.six_steps import chart, trust, widget
from keyaccount.six_steps.case import load_six_steps_case
from keyaccount.swot.case import load_swot_case
from keyaccount.swot.chart import swot_chart

CASE = load_six_steps_case("six_steps_yaya_oilfield")


@pytest.mark.parametrize("make", [
    lambda: chart.chain_chart(3),
    chart.factors_chart,
    lambda: chart.purchase_process_chart("评估比较"),
    lambda: chart.relationship_chart((p.name, p.stage) for p in CASE.people),
    lambda: chart.org_chart(CASE.people),
    lambda: chart.meeting_chart(["会谈1", "会谈2"], ["暂停", "进展"]),
    lambda: chart.collection_chart(CASE.receivable_rows()),
    lambda: chart.style_chart(trust.identify_style(CASE.people[0].observed)),
    lambda: chart.bad_debt_chart(600, 0.035),
    lambda: chart.delay_chart(0.10, 0.05),
    lambda: swot_chart(load_swot_case("six_steps_yaya_swot", key_references()["six_steps_yaya_swot"]).swot(), title="鸭鸭团体定制市场 SWOT"),
    lambda: chart.ecosystem_chart(CASE.ecosystem_edges()),
    lambda: chart.needs_tree_chart(CASE.needs_tree.nodes()),
])
def test_chart_renders_chinese_without_missing_glyphs(make):
    fig = make()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")


def test_step_locator_puts_the_customer_in_the_step_the_marker_starts():
    locator = widget.StepLocator()
    assert "第1步 客户分析" in locator.result.value
    locator.marker.value = "客户露出购买信号，开始谈判"
    assert "第5步 赢取承诺" in locator.result.value and "选择法" in locator.result.value
    locator.marker.value = "依照合同，回收全部账款"
    assert "六步已经走完" in locator.result.value


def test_opportunity_judge_names_the_failing_criterion():
    judge = widget.OpportunityJudge(dict(CASE.prospect))
    assert "有销售机会" in judge.result.value
    judge.controls["timeline"].value = False
    assert "无销售机会" in judge.result.value and "采购时间表" in judge.result.value
    assert "预算" not in judge.result.value


def test_info_form_exports_what_was_typed_and_lists_gaps():
    form = widget.InfoForm()
    form.controls[("客户现状", "客户名称")].value = "某油田"
    table = form.table()
    assert table.loc[(table["项目"] == "客户名称"), "内容"].item() == "某油田"
    assert "客户名称" not in form.result.value and "竞争对手在客户内的合作历史" in form.result.value


def test_relationship_tracker_updates_plan_and_picture():
    tracker = widget.RelationshipTracker(CASE.people)
    before = tracker.figure.value
    tracker.controls["赵总"].value = "同盟"
    assert "保持同盟" in tracker.result.value
    assert tracker.figure.value != before and bytes(tracker.figure.value).startswith(b"\x89PNG")


def test_style_identifier_names_style_and_how_to_talk():
    ident = widget.StyleIdentifier()
    assert "还没有观察到行为" in ident.result.value
    for b in trust.style("老虎").behaviours:
        ident.controls[b].value = True
    assert "老虎" in ident.result.value and "直奔主题" in ident.result.value


def test_spin_sorter_reports_wrong_picks_but_not_unanswered_ones():
    key = CASE.spin_key()
    sorter = widget.SpinSorter(key)
    first, second = list(key)[:2]
    sorter.controls[first].value = "P"
    assert f"{first}：你选 P，应为 {key[first]}" in sorter.result.value
    assert second not in sorter.result.value
    for q, letter in key.items():
        sorter.controls[q].value = letter
    assert "100%" in sorter.result.value


def test_purchase_process_explorer_shows_role_of_chosen_stage():
    explorer = widget.PurchaseProcessExplorer()
    explorer.stage.value = "采购设计"
    assert "设计者" in explorer.result.value and "引导期" in explorer.result.value


def test_fab_builder_writes_both_statements_and_flags_empty_parts():
    builder = widget.FabBuilder(CASE.benefits[0])
    assert "FAB" in builder.result.value and "FBV" in builder.result.value
    builder.controls["value"].value = ""
    assert "价值 V 还没有填写" in builder.result.value


def test_meeting_classifier_judges_by_actions():
    classifier = widget.MeetingClassifier(CASE.meetings)
    classifier.controls[0].value = "进展"     # polite words, no action
    assert "✗" in classifier.result.value and "暂停" in classifier.result.value
    classifier.large_sale.value = False
    assert "无销售" in classifier.result.value


def test_credit_calculators_recompute_and_report_bad_input():
    bad = widget.BadDebtCalculator(600, 0.03)
    assert "20,000" in bad.result.value
    bad.loss.value = -1
    assert "坏账损失" in bad.result.value and "负数" in bad.result.value
    delay = widget.DelayCalculator(0.10, 0.05)
    assert "24.0 个月" in delay.result.value
    delay.rate.value = 0.10
    assert "12.0 个月" in delay.result.value


def test_swot_tagger_grades_tag_and_quadrant_and_draws_the_learners_grid():
    swot = load_swot_case("six_steps_yaya_swot", key_references()["six_steps_yaya_swot"]).swot()
    tagger = widget.SwotTagger(swot, "鸭鸭 SWOT")
    assert "已完成 0 / 20 条" in tagger.result.value
    empty = tagger.figure.value
    tagger.tags["事实17"].value, tagger.quadrants["事实17"].value = "QQCDMS:Q", "S"
    tagger.tags["事实4"].value, tagger.quadrants["事实4"].value = "QQCDMS:Q", "W"
    assert "已完成 2 / 20 条" in tagger.result.value and ">1</b> 条" in tagger.result.value
    assert "放在 W 的是内部因素" not in tagger.result.value and "象限放错了" in tagger.result.value
    assert tagger.figure.value != empty
    tagger.show_answer.value = True
    assert "多品牌运作" in tagger.result.value          # the note on the debatable 事实15
    assert tagger.answers()["事实17"] == ("QQCDMS:Q", "S")


def test_tagged_swot_chart_shows_the_learners_tag_not_the_cases():
    from keyaccount.six_steps import value
    from keyaccount.six_steps.chart import tagged_swot_chart
    swot = load_swot_case("six_steps_yaya_swot", key_references()["six_steps_yaya_swot"]).swot()
    fig = tagged_swot_chart(swot, value.check_tags({"事实17": ("QQCDMS:M", "S")}, swot), "SWOT")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("【内部 M 人才】" in t for t in texts) and not any("Q 品质" in t for t in texts)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")
