"""Six-step exercises: answer keys follow from the case with the kit's functions; partial credit works;
the step lessons also run on the exercise case (papermill parameter)."""
import json

import pytest

from conftest import ROOT, answer_key
from keyaccount.compare import compare
from keyaccount.six_steps.case import load_six_steps_case
from notebook_run import execute, stderr_outputs

BANK = load_six_steps_case("six_steps_bank_uniform")


def test_win_the_account_key_follows_the_case():
    key = answer_key("six_steps_win_the_account")
    assert key["failed_criteria"] == {"采购时间表"} and key["has_opportunity"] == "否"
    assert key["styles"] == {p.name: p.style for p in BANK.people}
    assert key["spin"] == {f"问题{i}": q.type for i, q in enumerate(BANK.spin_questions, 1)}
    assert key["info_kinds"]["甲"] == "竞争信息"


def test_close_and_collect_key_follows_the_case():
    key = answer_key("six_steps_close_and_collect")
    assert key["meeting_outcomes"] == ["暂停", "进展", "进展", "无销售"]
    assert key["extra_sales"] == pytest.approx(BANK.credit.bad_debt / BANK.credit.net_margin)
    assert key["months"] == pytest.approx(8.0)
    assert key["collection_levels"] == {"某城市商业银行": 2, "某化工厂": 4, "某旅游景区": 1, "某发电公司": 5}
    assert key["proposal_order"][0] == "现状与未来" and key["proposal_order"][-1] == "资信证明"


@pytest.mark.parametrize("assignment, name, answer, share", [
    ("six_steps_win_the_account", "styles", {"孙经理": "考拉熊", "周主任": "老虎", "吴总": "猫头鹰", "郑行长": "孔雀"}, 0.75),
    ("six_steps_win_the_account", "failed_criteria", ["采购时间表", "预算"], 0.0),
    ("six_steps_win_the_account", "guidance_stages", ["发现需求", "内部酝酿"], 2 / 3),
    ("six_steps_close_and_collect", "meeting_outcomes", ["进展", "进展", "进展", "无销售"], 0.75),
    ("six_steps_close_and_collect", "proposal_order",
     ["问题与挑战", "现状与未来", "产品与服务", "实施计划", "报价书", "应答书", "资信证明"], 5 / 7),
])
def test_judgement_questions_get_partial_credit(assignment, name, answer, share):
    got, _ = compare(answer, answer_key(assignment)[name])
    assert got == pytest.approx(share)


def test_polite_words_alone_are_not_progress_in_the_exercise_case():
    first = BANK.meetings[0]
    assert first.actions == () and "接受" in first.said
    assert BANK.meeting_outcomes()[0] == "暂停"


STEP_LESSONS = sorted((ROOT / "notebooks").glob("1[1-6]_six_steps_*.ipynb"))


@pytest.mark.notebook
@pytest.mark.parametrize("path", STEP_LESSONS, ids=lambda p: p.name)
def test_step_lesson_runs_on_the_exercise_case(path, tmp_path):
    nb = execute(path, tmp_path / path.name, {"case": "six_steps_bank_uniform"})
    assert stderr_outputs(nb) == []
    assert BANK.title in json.dumps(nb.cells, ensure_ascii=False)
