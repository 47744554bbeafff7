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
