"""The dashboard's facts without a hub: the roster decides who is missing, a submission waiting for its grade
counts as submitted, wrong answers come from the submitted templates, and no password ever leaves the hub folder.
(With a hub and real grades: test_hub_dashboard.py.)"""
import json

import nbformat
import pytest

from conftest import ROOT
from keyaccount.course import create
from keyaccount.hub import dashboard_data
from keyaccount.hub.accounts import accounts
from keyaccount.hub.config import SETTINGS
from keyaccount.hub.roster import Learner

A = "funnel_forecast"
NB = f"{A}.ipynb"


@pytest.fixture
def course_and_roster(tmp_path):
    course = create.init_course(tmp_path / "课程", ROOT / "solutions").course
    hub = course.root / "hub"
    learners = [Learner("张三", "zhang", "一组"), Learner("李四", "li", "二组")]
    made = accounts(hub, learners, "trainer")
    (hub / SETTINGS).write_text(json.dumps({"learners": ["zhang", "li"]}), encoding="utf-8")
    nb = nbformat.read(ROOT / "exercises" / A / NB, as_version=4)
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "diagnosis_answer")
    answer.source = "漏斗诊断 = {'甲': '不在选项里', '乙': None, '丙': None, '丁': None, '戊': None}"
    for learner in ("zhang", "walk_in"):  # walk_in: handed in without being on the roster
        folder = course.submitted / learner / A
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / NB)
    return course, hub, made


def test_submitted_waiting_and_missing_from_the_roster(course_and_roster):
    course, hub, made = course_and_roster
    members = dashboard_data.roster(hub)
    assert [(m.account, m.name, m.group) for m in members] == [("zhang", "张三", "一组"), ("li", "李四", "二组")]
    assert dashboard_data.assignments(course) == [A]
    facts = dashboard_data.snapshot(course, members, A)
    status = {x["account"]: x["status"] for x in facts["learners"]}
    assert status == {"zhang": "waiting", "li": "missing", "walk_in": "waiting"}
    assert facts["counts"] == {"roster": 2, "submitted": 2, "graded": 0, "missing": 1, "manual": 0}
    assert facts["need_help"] == [] and facts["average"] is None
    assert [(w["part"], w["answer"], w["count"]) for w in facts["wrong"]] == [("甲", repr("不在选项里"), 2)]
    text = json.dumps(facts, ensure_ascii=False)
    assert not any(account.password in text for account in made)


def test_the_version_changes_with_a_new_submission(course_and_roster):
    course, hub, _ = course_and_roster
    members = dashboard_data.roster(hub)
    before = dashboard_data.snapshot(course, members, A)
    assert dashboard_data.snapshot(course, members, A)["version"] == before["version"]
    folder = course.submitted / "li" / A
    folder.mkdir(parents=True)
    nbformat.write(nbformat.read(ROOT / "exercises" / A / NB, as_version=4), folder / NB)
    assert dashboard_data.snapshot(course, members, A)["version"] != before["version"]


def test_figures_are_png_data_urls_and_need_no_grades(course_and_roster):
    course, hub, _ = course_and_roster
    facts = dashboard_data.snapshot(course, dashboard_data.roster(hub), A)
    pictures = dashboard_data.figures(facts)
    assert set(pictures) == {"distribution", "wrong"}, "no hardest-questions plot before any grade"
    assert all(p.startswith("data:image/png;base64,") for p in pictures.values())


def test_questions_are_named_as_learners_read_them(course_and_roster):
    course, _, _ = course_and_roster
    titles = dashboard_data.question_titles(course, A)
    assert titles["performance_test"].startswith("第 1 题") and "业绩预测" in titles["performance_test"]
    assert dashboard_data.titled(["small_test", "small_answer", "unknown"], titles) == [
        f"{titles['small_test']}（small_test）", f"{titles['small_answer']}（small_answer）", "unknown"]
