"""The projects exercises (ABC H project, 小李's customers, 1+2+1): keys come from the case files and
the rules the exercises quote, partial credit works as designed, most points are judgements."""
import re

import nbformat
import pytest

from conftest import ROOT, answer_key, key_references
from exercise_points import autograded, points_by_kind
from keyaccount.projects import elements
from keyaccount.projects.case import load_projects_case

TREE, STATS = "projects_abc_tree", "projects_statistics"


def test_abc_key_follows_the_case_and_its_gaps_are_the_chain_people_below_cr3():
    key = answer_key(TREE)
    assert key["项目状态"] == "P2"
    assert key["预签金额和时间"] == {"金额下限": 80, "金额上限": 150, "年份": 2013, "月份": 5}
    assert key["审批链"]["周总"] == "商务" and key["层级"]["冯工"] == "低层"
    assert key["关系短板"] == {name for name, cr in key["关系程度"].items() if cr < 3 and key["审批链"][name] != "无"}
    assert key["关系短板"] == {"黄总", "王副总", "周总"}


def test_abc_prompt_does_not_give_the_state_away():
    """“P2” appears only where all eight states are listed as the choices."""
    nb = nbformat.read(ROOT / "exercises" / TREE / f"{TREE}.ipynb", as_version=4)
    singled_out = [c.source for c in nb.cells
                   if "P2" in c.source and not all(f'"P{i}"' in c.source for i in range(8))]
    assert not singled_out


def test_the_deal_to_push_is_not_simply_the_weighted_ranking():
    xiaoli = load_projects_case("projects_xiaoli_customers", key_references()["projects_xiaoli_customers"]).project_list()
    decisions = answer_key(STATS)["推进决定"]
    assert elements.key_projects(xiaoli)[:2] == ["E", "A"]        # A is second by weighted amount …
    assert decisions["A"] == "先摸底"                              # … but the relationship gate stops it
    assert decisions == {"A": "先摸底", "B": "正常跟进", "C": "正常跟进", "D": "重点推进", "E": "重点推进",
                         "F": "正常跟进"}


def test_every_attention_rule_flags_a_project_and_the_121_row_follows_the_case():
    key = answer_key(STATS)
    assert all(key["关注项目"].values()), "a rule with no project cannot be scored (division by zero)"
    assert key["跟踪表"] == {"向导": "白女士", "两位": {"唐经理", "许主任"}, "营销人员": "小陈"}


def test_at_least_half_the_automatic_points_of_the_module_are_judgements():
    assert points_by_kind([TREE]) == (15, 20)
    assert points_by_kind([STATS]) == (22, 25)
    judgement, total = points_by_kind([TREE, STATS])
    assert judgement >= total / 2


@pytest.mark.nbgrader
def test_half_right_abc_tree_gets_the_designed_partial_credit(tmp_path):
    answers = {
        "elements_answer": '项目状态 = "P3"',                                          # 0 of 3
        "amount_date_answer": '预签金额和时间 = {"金额下限": 80, "金额上限": 150, "年份": 2013, "月份": 5}',  # 2 of 2
        "levels_answer": '层级 = {"黄总": "高层", "王副总": "中层", "周总": "中层", "徐经理": "中层", "冯工": "低层"}',  # 3 of 5 → 1.8
        "chains_answer": '审批链 = {"黄总": "技术+商务", "王副总": "技术", "周总": "技术", "徐经理": "技术", "冯工": "无"}',  # 3 of 5 → 2.4
        "cr_answer": '关系程度 = {"黄总": 2, "王副总": 2, "周总": 1, "徐经理": 4, "冯工": 3}',  # 3 of 5 → 3
        "gaps_answer": '关系短板 = {"王副总", "周总", "冯工"}',                          # 2 right − 1 wrong of 3 → 1
    }
    assert autograded(tmp_path, TREE, answers) == {
        "four_elements_test": 0, "amount_date_test": 2, "levels_test": 1.8, "chains_test": 2.4, "cr_test": 3,
        "gaps_test": 1}


@pytest.mark.nbgrader
def test_half_right_statistics_gets_the_designed_partial_credit(tmp_path):
    answers = {
        "statuses_answer": '项目状态 = {"A": "P2", "B": "P2", "C": "P1", "D": "P3", "E": "P4", "F": "P2"}',  # 4 of 6
        "amounts_answer": '预签金额 = {"A": 45, "B": 20, "C": 5, "D": 19, "E": 68, "F": 34}',              # 3 of 3
        # ranked by weighted amount alone (E, A, F pushed): B, C, E right → 3 of 6
        "key_answer": '推进决定 = {"A": "重点推进", "B": "正常跟进", "C": "正常跟进", "D": "正常跟进",'
                      ' "E": "重点推进", "F": "重点推进"}',
        "flags_answer": '关注项目 = {"签约时间已过": {"丙银行"}, "临近签约、进度落后": {"乙电力"},'
                        ' "后期状态、关系薄弱": set(), "大金额、早期状态、时间临近": {"乙电力", "丙银行"},'
                        ' "单线联系": {"戊物流"}}',   # 1 + 0.5 + 0 + 0 + 1 of 5 → 2.5
        "roles_answer": '采购角色 = {"马总": "决策人", "许主任": "使用者", "唐经理": "使用者", "何主管": "采购人员"}',  # 3 of 4 → 1.5
        "one_two_one_answer": '跟踪表 = {"向导": "唐经理", "两位": {"唐经理", "许主任"}, "营销人员": "小陈"}',  # 2 of 3 → 2
    }
    assert autograded(tmp_path, STATS, answers) == {
        "statuses_test": 4, "amounts_test": 3, "key_projects_test": 3, "flags_test": 2.5, "roles_test": 1.5,
        "one_two_one_test": 2}


def _draw(capsys, **answers) -> str:
    """What the exercise's "看看你画的树" cell prints for these answers (the release notebook's own code)."""
    nb = nbformat.read(ROOT / "exercises" / "projects_abc_tree" / "projects_abc_tree.ipynb", as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in nb.cells}
    namespace = {}
    exec(cells["setup"], namespace)
    capsys.readouterr()
    exec(cells["draw"], {**namespace, **answers})
    return capsys.readouterr().out


@pytest.mark.parametrize("change, named", [
    ({"层级": None}, "层级还没有填好"),
    ({"审批链": {}}, "审批链里缺少"),
    ({"关系程度": 7.0}, "关系程度还没有填好"),
    ({"关系程度": {"黄总": 7.0}}, "关系程度里缺少"),
    ({"关系程度": "CR7"}, "关系程度还没有填好"),
])
def test_the_tree_cell_says_in_chinese_which_answer_keeps_it_from_drawing(capsys, change, named):
    key = answer_key("projects_abc_tree")
    answers = {name: key[name] for name in ("层级", "审批链", "关系程度")} | change
    said = _draw(capsys, **answers)
    assert said.startswith("还画不出来：") and named in said, said
    assert not re.search(r"\b(float|int|str|dict|NoneType)\b|'", said), said


def test_the_tree_cell_asks_for_the_answer_cells_when_they_have_not_run(capsys):
    said = _draw(capsys)
    assert said.startswith("还画不出来：请先运行第 3、4、5 题的答题单元格"), said


def test_a_wrong_cr_level_is_named_by_person_and_shown_as_a_number(capsys):
    key = answer_key("projects_abc_tree")
    answers = {name: key[name] for name in ("层级", "审批链", "关系程度")}
    said = _draw(capsys, **{**answers, "关系程度": {**answers["关系程度"], "黄总": 7.0}})
    assert "黄总 的关系程度" in said and "数字 7" in said, said


def test_the_push_question_says_its_value_gate_uses_the_reference_not_the_learner_s_answers():
    """The key ranks by the reference statuses and amounts; the prompt must not promise the learner's own."""
    nb = nbformat.read(ROOT / "exercises" / "projects_statistics" / "projects_statistics.ipynb", as_version=4)
    prompt = next(c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q_key")
    assert "用你第 1、2 题的答案算" not in prompt and "批改时这一关按参考的状态和金额来算" in prompt
