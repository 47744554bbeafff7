"""Six-step exercises: answer keys follow from the case with the kit's functions; partial credit works;
the step lessons also run on the exercise case (papermill parameter)."""
import json

import pytest

from conftest import ROOT, answer_key, key_references, write_reference_cases
from exercise_points import judgement_share, stock_points, submission_points
from keyaccount.compare import compare
from keyaccount.six_steps.case import load_six_steps_case
from notebook_run import execute, stderr_outputs

BANK = load_six_steps_case("six_steps_bank_uniform", key_references()["six_steps_bank_uniform"])  # with the keys' facts


def test_win_the_account_key_follows_the_case():
    key = answer_key("six_steps_win_the_account")
    assert key["不符合的标准"] == {"采购时间表"} and key["有机会"] == "否"
    assert key["沟通风格"] == {p.name: p.style for p in BANK.people}
    assert key["问题类型"] == {f"问题{i}": q.type for i, q in enumerate(BANK.spin_questions, 1)}
    assert key["资料类别"]["甲"] == "竞争信息"


def test_close_and_collect_key_follows_the_case():
    key = answer_key("six_steps_close_and_collect")
    assert key["会谈结果"] == ["暂停", "进展", "进展", "无销售"]
    assert key["需补销售额"] == pytest.approx(BANK.credit.bad_debt / BANK.credit.net_margin)
    assert key["利润吃光月数"] == pytest.approx(8.0)
    assert key["催收级别"] == {"某城市商业银行": 2, "某化工厂": 4, "某旅游景区": 1, "某发电公司": 5}
    assert key["建议书顺序"][0] == "现状与未来" and key["建议书顺序"][-1] == "资信证明"


@pytest.mark.parametrize("assignment, name, answer, share", [
    ("six_steps_win_the_account", "沟通风格", {"孙经理": "考拉熊", "周主任": "老虎", "吴总": "猫头鹰", "郑行长": "孔雀"}, 0.75),
    ("six_steps_win_the_account", "不符合的标准", ["采购时间表", "预算"], 0.0),
    ("six_steps_win_the_account", "引导期阶段", ["发现需求", "内部酝酿"], 2 / 3),
    ("six_steps_close_and_collect", "会谈结果", ["进展", "进展", "进展", "无销售"], 0.75),
    ("six_steps_close_and_collect", "建议书顺序",
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
def test_step_lesson_runs_on_the_exercise_case(path, tmp_path, monkeypatch):
    monkeypatch.setenv("KEYACCOUNT_CASES", str(write_reference_cases(tmp_path / "cases")))  # with the keys' facts
    nb = execute(path, tmp_path / path.name, {"case": "six_steps_bank_uniform"})
    assert stderr_outputs(nb) == []
    assert BANK.title in json.dumps(nb.cells, ensure_ascii=False)


def test_yaya_key_follows_the_swot_case_and_its_factor_lists():
    from keyaccount.exercises.six_steps_close_and_collect import YAYA_CASE, labelled_yaya, yaya_statements
    from keyaccount.six_steps import value
    from keyaccount.swot.case import load_swot_case

    key = answer_key("six_steps_close_and_collect")
    asked = labelled_yaya(load_swot_case(YAYA_CASE, key_references()[YAYA_CASE]))
    assert yaya_statements() == {label: s.text for label, s in asked.items()}   # the kernel gets text only
    shipped = [s for s in load_swot_case(YAYA_CASE).statements if s.id in asked]
    assert len(shipped) == 8 and all(s.quadrant is None and not s.category for s in shipped)   # the file too
    for label, statement in asked.items():
        assert key["鸭鸭象限"][label] == statement.quadrant and not statement.debatable
        tags = value.QQCDMS if statement.quadrant in "SW" else value.PEST
        assert key["鸭鸭标签"][label] == tags[value.factor_code(statement.category)]
    assert sorted(key["鸭鸭象限"].values()) == sorted("SSWWOOTT")
    assert {label for label, tag in key["鸭鸭标签"].items() if tag == "市场"} == {"事实2", "事实5"}


def test_lesson_14_tags_the_yaya_facts_the_exercise_does_not_ask():
    from keyaccount.exercises.six_steps_close_and_collect import YAYA_ASKED, YAYA_CASE, lesson_ids
    from keyaccount.swot.case import load_swot_case

    case = load_swot_case(YAYA_CASE)
    lesson = case.swot(lesson_ids(YAYA_CASE, case.statements)).statements   # the shipped file classifies them
    assert {s.id for s in lesson}.isdisjoint(YAYA_ASKED) and all(s.category for s in lesson)
    assert len(lesson) == 12 and {s.quadrant for s in lesson} == set("SWOT") and any(s.debatable for s in lesson)
    other = load_swot_case("strategy_antelope").statements
    assert lesson_ids("strategy_antelope", other) == tuple(s.id for s in other)


@pytest.mark.nbgrader
def test_half_right_win_the_account_gets_its_designed_points(tmp_path):
    key = answer_key("six_steps_win_the_account")
    half = {**key,
            "不符合的标准": ["采购时间表", "预算"],             # one right, one wrong: 0 of 2
            "资料类别": {**key["资料类别"], "甲": "客户现状", "丙": "个人信息"},   # 3 of 5
            "沟通风格": {**key["沟通风格"], "周主任": "老虎"},   # 3 of 4
            "问题类型": {**key["问题类型"], "问题1": "P", "问题2": "S", "问题3": "N"},   # 3 of 6
            "引导期阶段": ["发现需求", "内部酝酿"]}             # 2 of 3
    assert submission_points("six_steps_win_the_account", key) == 24
    assert submission_points("six_steps_win_the_account", half) == 0 + 1 + 3 + 3 + 3 + 3 + 2
    assert stock_points(tmp_path, "six_steps_win_the_account", half) == 0 + 1 + 3 + 3 + 3 + 3 + 2


@pytest.mark.nbgrader
def test_half_right_close_and_collect_gets_its_designed_points(tmp_path):
    key = answer_key("six_steps_close_and_collect")
    order = key["建议书顺序"]
    half = {**key,
            "建议书顺序": [order[1], order[0], *order[2:]],                         # 5 of 7
            "鸭鸭象限": {**key["鸭鸭象限"], "事实1": "O", "事实4": "W"},            # 6 of 8 → 3 of 4
            "鸭鸭标签": {**key["鸭鸭标签"], "事实1": "技术", "事实2": "销售/服务",
                        "事实4": "品质", "事实5": "销售/服务"},                     # 4 of 8 → 2 of 4
            "会谈结果": ["进展"] * 4,                                                # 2 of 4
            "成交方法": {label: "选择法" for label in key["成交方法"]},              # 1 of 3
            "需补销售额": 12 * 0.04,                                                 # 0 of 2
            "催收级别": {**key["催收级别"], "某化工厂": 3, "某发电公司": 4}}         # 2 of 4
    assert submission_points("six_steps_close_and_collect", key) == 33
    assert submission_points("six_steps_close_and_collect", half) == 3 + 5 + 3 + 2 + 2 + 1 + 0 + 2 + 2
    assert stock_points(tmp_path, "six_steps_close_and_collect", half) == 3 + 5 + 3 + 2 + 2 + 1 + 0 + 2 + 2


def test_at_least_half_of_the_module_points_are_judgements():
    assert judgement_share("six_steps") >= 0.5
