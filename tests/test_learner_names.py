"""What a learner reads names each answer in Chinese: no template asks them to fill in `failed_criteria`."""
import json
import re

import pytest

from conftest import ROOT

EXERCISES = sorted(p.name for p in (ROOT / "exercises").iterdir() if p.is_dir())
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_answer_variable_has_a_chinese_name(exercise):
    form = json.loads((ROOT / "exercises" / exercise / "form.json").read_text("utf-8"))
    english = [name for name in form["answers"] if not CHINESE.search(name)]
    assert not english, f"{exercise}: answer variables a learner fills in still have English names: {english}"
