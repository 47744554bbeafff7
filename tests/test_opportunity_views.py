"""Opportunity figures render with Chinese glyphs; the scorecard widget works headless."""
import warnings
from io import BytesIO

import pytest

from keyaccount.opportunity import chart
from keyaccount.opportunity.case import load_opportunity_case
from keyaccount.opportunity.widget import ScorecardWidget


@pytest.fixture(scope="module")
def case():
    return load_opportunity_case("hightouch_opportunity_erp")


def render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")


def test_figures_render_without_missing_glyphs(case):
    card, partners = case.scorecard(), case.partner_scorecards()
    render(chart.radar({"本机会": card}))
    render(chart.radar(partners, by="question"))
    render(chart.scorecard_grid(card))
    render(chart.partner_heat_map(partners))


def test_radar_has_one_spoke_per_factor_or_question(case):
    ax = chart.radar({"本机会": case.scorecard()}).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["客户应用或项目情况", "客户业务状况"]
    assert len(ax.get_xticklabels()) == 20
    assert len(chart.radar(case.partner_scorecards(), by="question").axes[0].get_xticklabels()) == 4


def test_widget_recomputes_rollups_and_z_on_every_change(case):
    w = ScorecardWidget(case.scores, title="ERP 项目")
    assert "3.30" in w.result.value and "Z = -1" in w.result.value
    before = w.figure.value
    for name in ("客户高层信任", "非正式决策标准", "政治联盟", "独特的商业价值"):
        w.controls[name].value = 4
    assert "Z = 0" in w.result.value
    assert w.figure.value != before and bytes(w.figure.value).startswith(b"\x89PNG")
    w.view.value = "grid"
    assert bytes(w.figure.value).startswith(b"\x89PNG")


def test_widget_lists_weak_factors(case):
    w = ScorecardWidget(case.scores)
    assert "客户高层信任" in w.result.value
    w.controls["客户高层信任"].value = 5
    assert "客户高层信任" not in w.result.value.split("需要行动的因素")[1]


def test_widget_opens_the_first_question_and_says_how_to_open_the_others(case):
    from keyaccount.opportunity.model import QUESTIONS

    w = ScorecardWidget(case.scores)
    assert w.groups.selected_index == 0
    assert w.groups.get_title(0) == f"Q1 {QUESTIONS[0].name}（5 个因素）"
    hint = w.box.children[0].children[0]                    # the line above the sections
    assert "点击" in hint.children[0].value and "展开" in hint.children[0].value
    # every slider sits in its question's section
    for page, question in zip(w.groups.children, QUESTIONS):
        assert len(page.children) == len(question.factors)
