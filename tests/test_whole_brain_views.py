"""Whole-brain radar renders, the self-assessment works headless, case files load and fail clearly."""
import warnings
from io import BytesIO

import pytest

from keyaccount.cases import CaseFileError, case_path, list_cases
from keyaccount.whole_brain import chart
from keyaccount.whole_brain.case import load_whole_brain_case
from keyaccount.whole_brain.model import ELEMENTS
from keyaccount.whole_brain.widget import SelfAssessment


def test_radar_renders_with_chinese_quadrant_labels():
    cfo = load_whole_brain_case("hightouch_wholebrain_cfo").profile()
    fig = chart.profile_radar({"周总": cfo})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(BytesIO(), format="png")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()][0] == "A 理性分析"


def test_self_assessment_asks_for_eight_picks_then_shows_the_profile():
    w = SelfAssessment()
    assert "第 1 轮已选 0 / 8 项" in w.result.value
    w.controls[0].value = tuple(ELEMENTS["A"][:6] + ELEMENTS["B"][:3])
    w.controls[1].value = w.controls[2].value = tuple(ELEMENTS["A"][:6] + ELEMENTS["B"][:2])
    assert "第 1 轮" in w.result.value and "应选 8 项，现在选了 9 项" in w.result.value
    picks = ELEMENTS["C"][:4] + ELEMENTS["D"][:4]
    for control in w.controls:
        control.value = tuple(picks)
    assert "C 12" in w.result.value and "CD" in w.result.value
    assert bytes(w.figure.value).startswith(b"\x89PNG")


def test_case_profiles():
    assert {"hightouch_wholebrain_cfo", "hightouch_wholebrain_marketing"} <= set(list_cases("whole_brain"))
    assert load_whole_brain_case("hightouch_wholebrain_cfo").profile().pair == "AB"


def test_broken_case_names_file_round_and_element(tmp_path):
    text = case_path("hightouch_wholebrain_cfo").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("团队合作, 全局愿景", "团队合作, 喝茶"), encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        load_whole_brain_case(str(bad))
    assert all(w in str(err.value) for w in ("bad.yaml", "rounds", "第 3 轮", "喝茶"))
