"""Key-customer fishnet: the table of ties, the holes in the net, the figure."""
import io
import warnings

import matplotlib.pyplot as plt
import pytest

from keyaccount.org_tree import chart, fishnet
from keyaccount.projects.case import load_projects_case
from keyaccount.validation import InputError


@pytest.fixture
def case():
    return load_projects_case("projects_hpss_example")


def test_fishnet_table_puts_each_tie_in_its_cell(case):
    table = fishnet.fishnet_table(case.tree(), case.team, case.ties())
    assert table.loc["赵经理", "小周（销售）"] == "CR4" and table.loc["赵经理", "李工（售前）"] == "CR3"
    assert table.loc["刘董", "层级"] == "高层" and table.loc["刘董", "小周（销售）"] == ""


def test_loose_knots_are_chain_people_without_a_strong_tie(case):
    assert fishnet.loose_knots(case.tree(), case.ties()) == ("刘董", "陈副总", "孙总监", "钱经理")


def test_a_tie_to_an_unknown_person_or_member_is_refused(case):
    with pytest.raises(InputError, match="马总"):
        fishnet.ties(case.tree(), case.team, [("小周（销售）", "马总", 2)])
    with pytest.raises(InputError, match="老板"):
        fishnet.ties(case.tree(), case.team, [("老板", "刘董", 2)])


def test_fishnet_chart_renders_without_warnings(case):
    fig = chart.fishnet_chart(case.tree(), case.team, case.ties())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")
    assert len(fig.axes[0].get_lines()) == len(case.ties())
    plt.close(fig)


def test_a_fishnet_without_our_team_is_refused_in_chinese(case):
    with pytest.raises(InputError, match="我方人员"):
        chart.fishnet_chart(case.tree(), (), ())
