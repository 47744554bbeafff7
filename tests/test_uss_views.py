"""USS figures render, the mode chooser works headless, deal case files load and fail clearly."""
import warnings
from io import BytesIO

import pytest

from keyaccount.cases import CaseFileError, case_path, list_cases
from keyaccount.uss import chart
from keyaccount.uss.case import load_deals_case
from keyaccount.uss.widget import ModeChooser


def render(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")


def test_flow_and_mode_table_render_with_chinese():
    fig = chart.flow()
    render(fig)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"开发商机", "实现销售", "憧憬？", "否 → 翻盘"} <= texts
    render(chart.mode_table("快刀模式"))


def test_chooser_widget_updates_the_suggestion():
    w = ModeChooser()
    assert "顾问模式</b>" in w.result.value
    w.controls["value_space"].value = "价值空间小"
    w.controls["solution"].value = "标准产品即可"
    assert "快刀模式</b>" in w.result.value
    assert bytes(w.figure.value).startswith(b"\x89PNG")


def test_deal_cases_load_and_give_one_mode_per_deal():
    assert {"hightouch_deals_software", "hightouch_deals_exercise"} <= set(list_cases("uss_deals"))
    modes = load_deals_case("hightouch_deals_software").modes()
    assert list(modes.values()) == ["战略模式", "顾问模式", "快刀模式"]


def test_broken_deal_case_names_file_and_field(tmp_path):
    text = case_path("hightouch_deals_software").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("value_space: 价值空间小", "value_space: 很小"), encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        load_deals_case(str(bad))
    assert all(w in str(err.value) for w in ("bad.yaml", "deals.3.value_space", "很小"))
