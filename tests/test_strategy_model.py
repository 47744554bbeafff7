"""Strategy checklists, SMART checker and the project-team form."""
import datetime as dt

import pytest

from keyaccount.strategy import checklists, smart, team

TODAY = dt.date(2026, 11, 23)


def test_checklists_have_the_source_question_counts():
    counts = {c.name: len(c.questions) for c in checklists.CHECKLISTS}
    assert counts == {"市场策略": 2, "客户策略": 6, "竞争策略": 4, "产品策略": 7, "商务策略": 8,
                      "服务策略": 4, "应变预案": 3}


def test_gaps_are_the_questions_not_yet_done():
    found = checklists.gaps("competition", {1: True, 3: True})
    assert [n for n, _ in found] == [2, 4]
    assert checklists.gaps("竞争策略", {n: True for n in range(1, 5)}) == []


def test_gaps_name_a_wrong_question_number_or_answer():
    with pytest.raises(ValueError, match="9"):
        checklists.gaps("service", {9: True})
    with pytest.raises(ValueError, match="'是'"):
        checklists.gaps("service", {1: "是"})
    with pytest.raises(ValueError, match="天气"):
        checklists.checklist("天气")


def good_goal(**changes):
    fields = dict(what="12 月 10 日前让李副总明确表态支持 ABC 方案", measure="李副总在交流会上表态",
                  target=1, owner="小王", due="2026-12-10", overall_goal="拿下 K 移动网络优化项目",
                  resources="区域总经理陪同拜访")
    return smart.Goal(**(fields | changes))


def test_a_complete_goal_is_smart():
    assert smart.is_smart(good_goal(), TODAY)


@pytest.mark.parametrize("changes, letter, words", [
    ({"what": "尽量搞好客户关系"}, "S", "尽量"),
    ({"owner": ""}, "S", "责任人"),
    ({"measure": ""}, "M", "衡量"),
    ({"target": "很多"}, "M", "很多"),
    ({"resources": ""}, "A", "资源"),
    ({"overall_goal": " "}, "R", "总目标"),
    ({"due": None}, "T", "完成日期"),
    ({"due": "2026-11-01"}, "T", "2026-11-01"),
    ({"due": "下个月"}, "T", "下个月"),
])
def test_each_letter_names_what_is_missing(changes, letter, words):
    result = smart.smart_check(good_goal(**changes), TODAY)
    assert words in result[letter]
    assert [k for k, problem in result.items() if problem] == [letter]


def form(**changes):
    fields = dict(reporter="小王", project="K 移动网络优化", amount="300–500 万", sign_date="2026-12",
                  customer_status={"高": "CR2", "中": "CR3", "低": "CR4"}, product="网络优化服务",
                  stage="P3", leader="小王", members=("售前经理",), monitor="销售总监", sponsor="区域总经理")
    return team.TeamForm(**(fields | changes))


def test_complete_team_form_passes():
    assert team.form_problems(form()) == []


@pytest.mark.parametrize("changes, words", [
    ({"stage": "P2-P3"}, "范围"),
    ({"stage": "P9"}, "P9"),
    ({"customer_status": {"高": "CR6", "中": "CR3", "低": "CR4"}}, "CR6"),
    ({"customer_status": {"高": "CR2", "中": "CR3"}}, "低"),
    ({"monitor": "小王"}, "监控人"),
    ({"sponsor": ""}, "高层支持"),
])
def test_team_form_problems_name_the_field(changes, words):
    problems = team.form_problems(form(**changes))
    assert len(problems) == 1 and words in problems[0]


def test_smart_goals_case_loads_and_a_broken_one_names_the_field(tmp_path):
    from keyaccount.cases import CaseFileError, load_case
    from keyaccount.strategy.case import SmartGoalsCase, load_smart_case

    assert len(load_smart_case("strategy_smart_goals").goal_list()) == 6
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: smart_goals\ntitle: 坏\ntoday: 2026-12-01\ngoals:\n  - {label: 目标1, what: 拜访, due: 下个月}\n",
                   encoding="utf-8")
    with pytest.raises(CaseFileError, match="goals.1.due"):
        load_case(str(bad), SmartGoalsCase)
