"""Segmentation scatter renders, the threshold widget works headless, case files load."""
import warnings
from io import BytesIO

import pytest

from keyaccount.cases import CaseFileError, case_path, list_cases
from keyaccount.segmentation import chart
from keyaccount.segmentation.case import load_segmentation_case
from keyaccount.segmentation.widget import SegmentationExplorer


@pytest.fixture(scope="module")
def case():
    return load_segmentation_case("hightouch_segments_distributor")


def test_scatter_renders_with_every_customer_labelled(case):
    fig = chart.segment_scatter(case.segment_table(), case.thresholds())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")
    ax = fig.axes[0]
    assert {t.get_text() for t in ax.texts} == {c.name for c in case.customers}
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "获取（进攻）"


def test_widget_reclassifies_when_a_threshold_moves(case):
    w = SegmentationExplorer(case.customer_table(), case.thresholds())
    assert "<td>放弃</td><td>家具厂、五金店</td>" in w.result.value
    w.controls["low"].value = 10
    assert "<td>放弃</td><td>五金店</td>" in w.result.value
    w.controls["low"].value = 150      # above the high threshold: refused with a message
    assert "应小于高潜力门槛" in w.result.value
    assert bytes(w.figure.value).startswith(b"\x89PNG")


def test_case_files_load():
    assert {"hightouch_segments_distributor", "hightouch_segments_exercise"} <= set(list_cases("segmentation"))
    table = load_segmentation_case("hightouch_segments_exercise").segment_table()
    assert dict(zip(table["客户"], table["细分"]))["三甲医院"] == "保留"   # share exactly at 40% counts as high


def test_broken_case_names_file_and_field(tmp_path):
    text = case_path("hightouch_segments_distributor").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("share: 0.70}", "share: 70}", 1), encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        load_segmentation_case(str(bad))
    assert all(w in str(err.value) for w in ("bad.yaml", "customers.2.share", "70"))
