"""Implementation plan: validation rules, the K 移动 plans, the Gantt chart, the case file."""
import datetime as dt
import warnings
from io import BytesIO

import pytest

from keyaccount.cases import CaseFileError, load_case
from keyaccount.plan import chart, model
from keyaccount.plan.case import ProjectCase, load_project_case


@pytest.fixture(scope="module")
def case():
    return load_project_case("strategy_kmobile")


def task(**changes):
    fields = dict(id="T1", part="投标", start="2026-12-01", end="2026-12-10", owner="小王", checkpoint="递交回执")
    return model.Task(**(fields | changes))


def test_reference_plan_passes_every_rule(case):
    assert case.tender_close == dt.date(2026, 12, 25)
    assert model.plan_problems(case.tasks(), case.tender_close) == []


def test_draft_plan_faults_are_found(case):
    assert model.faulty_tasks(case.tasks(draft=True), case.tender_close) == {
        "日期顺序": {"D3"}, "截标前完成": {"D6", "D8"}, "有责任人": {"D2", "D7"}, "有监控点": {"D4", "D7"}}


@pytest.mark.parametrize("changes, rule", [
    ({"start": "2026-12-12"}, "日期顺序"),
    ({"end": "2026-12-26"}, "截标前完成"),
    ({"owner": " "}, "有责任人"),
    ({"checkpoint": ""}, "有监控点"),
])
def test_each_rule_names_the_task(changes, rule):
    problems = model.plan_problems([task(**changes)], "2026-12-25")
    assert [p.rule for p in problems] == [rule] and "T1" in problems[0].message


def test_finishing_on_the_tender_day_is_allowed():
    assert model.plan_problems([task(end="2026-12-25")], dt.date(2026, 12, 25)) == []


def test_bad_date_is_named():
    with pytest.raises(ValueError, match="T1 的结束日期.*12月25日"):
        task(end="12月25日")


def test_duplicate_task_ids_are_refused():
    with pytest.raises(ValueError, match="T1"):
        model.plan_problems([task(), task()], "2026-12-25")


def test_plan_table_has_the_source_columns(case):
    table = model.plan_table(case.tasks())
    assert list(table.columns) == ["项目分解", "项目内容", "项目目标", "开始", "结束", "责任人", "资源调用", "监控点"]
    assert table.loc["T7", "责任人"] == "小王"


@pytest.mark.parametrize("draft", [False, True])
def test_gantt_renders_without_missing_glyphs(case, draft):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chart.gantt_chart(case.tasks(draft), case.tender_close).savefig(BytesIO(), format="png")


def test_broken_case_file_names_the_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: sales_project\ntitle: 坏\nproject: P\ncustomer: K\nus: ABC\nsalesperson: 小王\n"
                   "tender_close: 12月25日\nfishbone: {head: 赢}\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="tender_close"):
        load_case(str(bad), ProjectCase)


def test_meilin_case_takes_story_and_people_from_the_projects_case():
    from keyaccount.projects.case import load_projects_case

    case, base = load_project_case("strategy_meilin_h"), load_projects_case("projects_abc_h")
    assert (case.title, case.story, case.project) == (base.title, base.story.strip(), base.project.name)
    assert [p.name for p in case.people] == [p.name for p in base.people]
    assert case.tender_close == dt.date(2013, 5, 30) == dt.date(*map(int, base.reference["预签时间"].split(".")))
    assert all(dt.date(2012, 1, 1) <= t.start for t in case.tasks())
    assert model.plan_problems(case.tasks(), case.tender_close) == []


SALES_PROJECT = ("kind: sales_project\ncustomer: ABC 公司\nus: 美林\nsalesperson: 小李\ntender_close: 2013-05-30\n"
                 "fishbone: {head: 赢}\n")


@pytest.mark.parametrize("extra, message", [
    ("project_case: projects_abc_h\npeople:\n  - {name: 黄总, org: ABC 公司}\n", "写了 project_case.*people"),
    ("title: 坏\n", "缺少 project、people.*project_case"),
])
def test_people_inline_or_a_project_case_never_both_nor_neither(tmp_path, extra, message):
    bad = tmp_path / "sales_bad.yaml"
    bad.write_text(SALES_PROJECT + extra, encoding="utf-8")
    with pytest.raises(CaseFileError, match=f"sales_bad.yaml[\\s\\S]*{message}"):
        load_project_case(str(bad))


@pytest.mark.parametrize("change, message", [
    (("2013-05-30", "2027-05-30"), "tender_close.*2013.5"),
    (("小李", "小张"), "salesperson.*小张"),
    (("projects_abc_h", "strategy_kmobile"), "kind 应为 'projects'"),
])
def test_a_project_case_that_disagrees_is_named(tmp_path, change, message):
    bad = tmp_path / "sales_bad.yaml"
    bad.write_text((SALES_PROJECT + "project_case: projects_abc_h\n").replace(*change), encoding="utf-8")
    with pytest.raises(CaseFileError, match=f"sales_bad.yaml.*project_case.*{message}"):
        load_project_case(str(bad))
