"""The high-touch lessons (40–44) also run on the exercise cases, as papermill parameters."""
import json

import pytest

from conftest import ROOT, write_reference_cases
from notebook_run import execute, stderr_outputs

OTHER_CASE = {
    "40_opportunity_analysis": ("hightouch_opportunity_hospital", "市第二人民医院"),
    "41_high_touch_selling": ("hightouch_opportunity_hospital", "市第二人民医院"),
    "42_uss_sales_method": ("hightouch_deals_exercise", "区域销售团队的五笔生意"),
    "43_whole_brain_communication": ("hightouch_wholebrain_marketing", "林总"),
    "44_customer_segmentation": ("hightouch_segments_exercise", "市税务局"),
}


@pytest.mark.notebook
@pytest.mark.parametrize("lesson", sorted(OTHER_CASE))
def test_lesson_runs_on_another_case(lesson, tmp_path, monkeypatch):
    case, expected_text = OTHER_CASE[lesson]
    monkeypatch.setenv("KEYACCOUNT_CASES", str(write_reference_cases(tmp_path / "cases")))  # exercise cases with their keys' facts
    nb = execute(ROOT / "notebooks" / f"{lesson}.ipynb", tmp_path / "out.ipynb", {"case": case})
    assert expected_text in json.dumps(nb.cells, ensure_ascii=False)
    assert stderr_outputs(nb) == []
