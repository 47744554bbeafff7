"""Physical tree: model rules, the chart renders Chinese with no warning, the editor redraws."""
import io
import warnings

import matplotlib.pyplot as plt
import pytest

from conftest import key_references
from keyaccount.org_tree.chart import CHAIN_COLORS, positions, tree_chart
from keyaccount.org_tree.model import Influence, OrgTree, Person
from keyaccount.org_tree.widget import TreeEditor
from keyaccount.projects.case import load_projects_case
from keyaccount.validation import InputError


def _render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


@pytest.mark.parametrize("name", ["projects_abc_h", "projects_hpss_example"])
def test_tree_chart_renders_without_warnings(name):
    _render(tree_chart(load_projects_case(name).tree(), "物理树状图"))


def test_chart_colours_chains_and_keeps_boxes_apart():
    tree = load_projects_case("projects_hpss_example").tree()
    fig = tree_chart(tree)
    colors = {tuple(line.get_color() for line in ax.get_lines()) for ax in fig.axes}
    drawn = {c for group in colors for c in group}
    assert CHAIN_COLORS["技术"] in drawn and CHAIN_COLORS["商务"] in drawn
    pos = positions(tree)
    same_row = [(a, b) for a in pos for b in pos if a < b and pos[a][1] == pos[b][1]]
    assert all(abs(pos[a][0] - pos[b][0]) >= 2.0 for a, b in same_row)
    plt.close(fig)


def test_model_refuses_unknown_level_cycles_and_missing_people():
    with pytest.raises(InputError, match="顶层"):
        Person.of("甲", level="顶层")
    with pytest.raises(InputError, match="环"):
        OrgTree((Person.of("甲", reports_to="乙"), Person.of("乙", reports_to="甲")))
    with pytest.raises(InputError, match="丙"):
        OrgTree((Person.of("甲"),), (Influence("甲", "丙"),))


def test_weak_links_are_chain_people_below_cr3():
    tree = load_projects_case("projects_abc_h", key_references()["projects_abc_h"]).tree()
    assert [p.name for p in tree.weak_links()] == ["黄总", "王副总", "周总"]


def test_editor_redraws_when_a_person_changes():
    editor = TreeEditor(load_projects_case("projects_abc_h", key_references()["projects_abc_h"]).tree())
    before = editor.figure.value
    assert "周总（CR1）" in editor.result.value
    editor.controls[("周总", "cr")].value = 4
    assert "周总（CR4）" in editor.result.value and editor.figure.value != before
    editor.controls[("冯工", "chain")].value = "无"
    assert "冯工" not in editor.result.value.split("商务审批链")[0].split("技术审批链")[1]
    editor.controls[("黄总", "level")].value = "中层"
    assert editor.tree().person("黄总").level == "中层"
