"""Every case widget is laid out on the shared grid (keyaccount.widgets), checked headless:
labels are grid cells of one width (never a control's own, cut-off description), controls take
the width of their column, figures shrink to fit, and the results come below the controls."""
import inspect

import ipywidgets as w
import pytest

from conftest import key_references
from keyaccount import widgets as grid
from keyaccount.fishbone.model import Fishbone
from keyaccount.fishbone.widget import FishboneEditor
from keyaccount.funnel.case import load_funnel_case
from keyaccount.funnel.widget import FunnelCalculator
from keyaccount.high_touch.widget import ValueStatementBuilder
from keyaccount.opportunity.case import load_opportunity_case
from keyaccount.opportunity.widget import ScorecardWidget
from keyaccount.org_tree.widget import TreeEditor
from keyaccount.plan.case import load_project_case
from keyaccount.plan.widget import PlanChecker
from keyaccount.projects.case import load_projects_case
from keyaccount.projects.elements_widget import FourElementsTree
from keyaccount.projects.one_two_one_widget import OneTwoOneBuilder
from keyaccount.projects.statistics_widget import StatisticsBuilder
from keyaccount.projects.templates import TemplateForm
from keyaccount.projects.widget import AttentionExplorer
from keyaccount.segmentation.case import load_segmentation_case
from keyaccount.segmentation.widget import SegmentationExplorer
from keyaccount.six_steps import widget as six
from keyaccount.six_steps.case import load_six_steps_case
from keyaccount.strategy.widget import ChecklistForm, SmartChecker, TeamFormEditor
from keyaccount.swot.case import load_swot_case
from keyaccount.swot.widget import SwotSorter, TowsBuilder
from keyaccount.uss.widget import ModeChooser
from keyaccount.whole_brain.widget import SelfAssessment


def _six_steps():
    return load_six_steps_case("six_steps_yaya_oilfield")


def _attention():
    case = load_projects_case("projects_attention_source")
    return AttentionExplorer(case.project_list(), case.as_of)


def _plan():
    case = load_project_case("strategy_kmobile")
    return PlanChecker(case.tasks(), case.tender_close)


def _one_two_one():
    case = load_projects_case("projects_hpss_example")
    return OneTwoOneBuilder([p.name for p in case.tree().people], case.tracking_rows()[0])


def _segments():
    case = load_segmentation_case("hightouch_segments_distributor")
    return SegmentationExplorer(case.customer_table(), case.thresholds())


WIDGETS = {
    "FunnelCalculator": lambda: FunnelCalculator(load_funnel_case("funnel_usm_software").small_funnel()),
    "StepLocator": six.StepLocator,
    "OpportunityJudge": lambda: six.OpportunityJudge(dict(_six_steps().prospect)),
    "InfoForm": lambda: six.InfoForm(_six_steps().customer_info),
    "RelationshipTracker": lambda: six.RelationshipTracker(_six_steps().people),
    "StyleIdentifier": six.StyleIdentifier,
    "SpinSorter": lambda: six.SpinSorter(_six_steps().spin_key()),
    "PurchaseProcessExplorer": six.PurchaseProcessExplorer,
    "FabBuilder": lambda: six.FabBuilder(_six_steps().benefits[0]),
    "MeetingClassifier": lambda: six.MeetingClassifier(_six_steps().meetings),
    "BadDebtCalculator": six.BadDebtCalculator,
    "DelayCalculator": six.DelayCalculator,
    "TreeEditor": lambda: TreeEditor(load_projects_case("projects_hpss_example").tree()),
    "TemplateForm": lambda: TemplateForm("competitor"),
    "AttentionExplorer": _attention,
    "SwotSorter": lambda: SwotSorter(load_swot_case("strategy_antelope", key_references()["strategy_antelope"]).swot()),
    "TowsBuilder": lambda: TowsBuilder(load_swot_case("strategy_antelope", key_references()["strategy_antelope"]).swot()),
    "ChecklistForm": ChecklistForm,
    "SmartChecker": SmartChecker,
    "TeamFormEditor": TeamFormEditor,
    "FishboneEditor": lambda: FishboneEditor(Fishbone("拿下项目")),
    "PlanChecker": _plan,
    "ScorecardWidget": lambda: ScorecardWidget(load_opportunity_case("hightouch_opportunity_erp").scores),
    "ValueStatementBuilder": lambda: ValueStatementBuilder(template=3),
    "ModeChooser": ModeChooser,
    "SelfAssessment": SelfAssessment,
    "SegmentationExplorer": _segments,
    "SwotTagger": lambda: six.SwotTagger(load_swot_case("six_steps_yaya_swot", key_references()["six_steps_yaya_swot"]).swot()),
    "FourElementsTree": lambda: FourElementsTree(load_projects_case("projects_abc_h")),
    "StatisticsBuilder": lambda: StatisticsBuilder(load_projects_case("projects_xiaoli_customers")),
    "OneTwoOneBuilder": _one_two_one,
}


def _all(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _all(child)


def _case_widget_classes():
    import importlib
    import pkgutil

    import keyaccount

    for info in pkgutil.walk_packages(keyaccount.__path__, "keyaccount."):
        if info.name.endswith(("widget", "templates")):
            for cls in vars(importlib.import_module(info.name)).values():
                if inspect.isclass(cls) and issubclass(cls, grid.BoxDisplay) and cls.__module__ == info.name:
                    yield cls.__name__


def test_every_case_widget_is_checked_here():
    assert set(_case_widget_classes()) <= set(WIDGETS), "a new case widget: add it to WIDGETS"


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_is_laid_out_on_the_shared_grid(name):
    made = WIDGETS[name]()
    parts = list(_all(made.box))
    assert isinstance(made, grid.CaseWidget)
    # no control keeps ipywidgets' own label (cut off with "…" when long, ragged from widget to widget)
    assert [p for p in parts if getattr(p, "description", "") and not isinstance(p, w.Button)] == []
    assert not any(isinstance(p, w.Label) for p in parts)
    # every fixed width is the label column: controls fill their column instead
    assert {p.layout.width for p in parts} <= {None, "auto", grid.LABEL_WIDTH}
    # the results come last, below the controls; a figure shrinks to the output
    children = made.box.children
    assert made.result in children and children.index(made.result) == len(children) - 1 - (made.figure is not None)
    if made.figure is not None:
        assert children[-1] is made.figure and made.figure.layout.max_width == "100%"


def test_labels_wrap_instead_of_being_cut_off():
    row = grid.row("一个很长很长很长很长很长很长的标签", w.Text(description="旧标签"))
    label, control = row.children
    assert "一个很长很长很长很长很长很长的标签" in label.value and label.layout.width == grid.LABEL_WIDTH
    assert control.description == "" and control.layout.width == "auto"
    assert "&lt;b&gt;" in grid.row("<b>", w.Text()).children[0].value  # a label is text, never markup


def test_figure_is_hidden_until_there_is_one():
    made = SelfAssessment()
    assert made.figure.layout.display == "none"
    picks = ("人际关系", "倾听感受", "团队合作", "帮助他人", "制定计划", "客观判断", "技术问题", "全局愿景")
    for control in made.controls:
        control.value = picks
    assert made.figure.layout.display is None and bytes(made.figure.value).startswith(b"\x89PNG")
