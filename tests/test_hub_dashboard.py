"""The trainer's dashboard and formgrader on a real workshop hub (loopback, embedded PostgreSQL gradebook):
grades made by the grading engine show up, the page follows new grades, the export has them, and a
learner reaches neither the dashboard nor the trainer's formgrader."""
import copy
import io
import json
import shutil
import time
import urllib.error
import urllib.request

import nbformat
import openpyxl
import pytest

from browser import chromium, fonts_used, probe
from conftest import ROOT
from course_fixture import answered
from hub_fixture import running_hub
from keyaccount.course import collect, grade
from keyaccount.webfont import FAMILY

A = "funnel_forecast"
NB = f"{A}.ipynb"
NAMES = ["张<i>三</i>", "李四", "王五"]  # a name with markup: it must show as text
ODD = "<img src=x onerror=alert(1)>"  # a learner's wrong answer that looks like HTML
DASHBOARD = "/services/dashboard/"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("configurable-http-proxy") is None,
                                 reason="needs configurable-http-proxy (npm install -g configurable-http-proxy)")]


def notebook(right: bool, odd_choice: bool = False, reflection: str = "") -> nbformat.NotebookNode:
    """A learner's funnel_forecast: all answers right, or none filled in; ``odd_choice`` puts a wrong,
    HTML-looking choice into the diagnosis; ``reflection`` is the written answer (graded by the trainer)."""
    release = nbformat.read(ROOT / "exercises" / A / NB, as_version=4)
    nb = answered(release, nbformat.read(ROOT / "solutions" / A / NB, as_version=4)) if right else copy.deepcopy(release)
    if odd_choice:
        cell(nb, "diagnosis_answer").source = f"漏斗诊断 = {{'甲': {ODD!r}, '乙': None, '丙': None, '丁': None, '戊': None}}"
    if reflection:
        cell(nb, "reflection").source = reflection
    return nb


def cell(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def submit_and_grade(course, tmp, learner: str, nb: nbformat.NotebookNode) -> None:
    """What submitting on the hub does: the notebook into submitted/ (intake), then the grading engine."""
    inbox = tmp / f"inbox-{learner}-{time.monotonic_ns()}" / learner
    inbox.mkdir(parents=True)
    nbformat.write(nb, inbox / NB)
    collect.collect(course, A, inbox.parent)
    run = grade.grade(course, A, students=[learner], progress=False)
    assert run.graded == [learner], run


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dashboard")
    with running_hub(tmp, NAMES) as running:
        first, second, _ = running.learners
        submit_and_grade(running.course, tmp, first, notebook(right=True, reflection="客户的采购流程比我们想的长。"))
        submit_and_grade(running.course, tmp, second, notebook(right=False, odd_choice=True))
        running.trainer_token = running.change_password(running.trainer, "trainer-pass-2026")
        running.tmp = tmp
        yield running


def state(hub, token=None):
    return hub.client.api("GET", f"{DASHBOARD}api/state?a={A}", token=token or hub.trainer_token)


def get(hub, path, token):
    """(status, body bytes, headers) of a GET with a token."""
    request = urllib.request.Request(hub.client.base + path, headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read(), answer.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def test_the_dashboard_shows_who_submitted_the_scores_and_the_wrong_answers(hub):
    status, facts = state(hub)
    assert status == 200, facts
    first, second, third = hub.learners
    by_account = {x["account"]: x for x in facts["learners"]}
    assert [by_account[a]["status"] for a in hub.learners] == ["graded", "graded", "missing"]
    assert by_account[first]["name"] == NAMES[0] and by_account[first]["share"] > by_account[second]["share"]
    assert facts["counts"] == {"roster": 3, "submitted": 2, "graded": 2, "missing": 1, "manual": 1}
    assert by_account[first]["manual"], "the written answer waits for the trainer"
    assert {x["account"] for x in facts["need_help"]} == {second}, "the learner who filled in nothing needs help"
    assert [w["answer"] for w in facts["wrong"]] == [repr(ODD)] and facts["wrong"][0]["part"] == "甲"
    assert facts["hardest"] and facts["hardest"][0]["share"] <= facts["hardest"][-1]["share"]
    assert all(h["question"].startswith("第") for h in facts["hardest"]), "questions by their titles, not cell ids"
    assert not any(password in json.dumps(facts) for password in hub.passwords.values())

    status, body, headers = get(hub, f"{DASHBOARD}?a={A}", hub.trainer_token)
    page = body.decode()
    assert status == 200 and "培训师看板" in page and "得分率分布" in page
    assert "script-src 'nonce-" in headers["Content-Security-Policy"]
    assert "张&lt;i&gt;三&lt;/i&gt;" in page and "<i>三" not in page, "a learner's name is escaped"
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and ODD not in page, "a learner's answer is escaped"
    assert page.count("data:image/png;base64,") == 3, "distribution, hardest questions and wrong answers"
    assert f'href="/user/{hub.trainer}/formgrader" target="_blank"' in page


def test_the_export_has_the_graded_learners(hub):
    status, body, _ = get(hub, f"{DASHBOARD}export/csv", hub.trainer_token)
    assert status == 200
    text = body.decode("utf-8-sig")
    first, second, _ = hub.learners
    assert text.startswith("学员,练习,得分") and f"{first},{A}," in text and f"{second},{A}," in text
    status, body, headers = get(hub, f"{DASHBOARD}export/xlsx", hub.trainer_token)
    assert status == 200 and "attachment" in headers["Content-Disposition"]
    sheets = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    assert sheets.sheetnames == ["成绩", "各题得分", "题目难度"]
    assert {row[0] for row in sheets["成绩"].iter_rows(values_only=True)} >= {first, second}


def test_the_dashboard_follows_a_new_grade(hub):
    _, before = state(hub)
    third = hub.learners[2]
    submit_and_grade(hub.course, hub.tmp, third, notebook(right=True))
    for _ in range(60):
        _, after = state(hub)
        if after["version"] != before["version"]:
            break
        time.sleep(1)
    assert {x["account"]: x["status"] for x in after["learners"]}[third] == "graded"
    assert after["counts"]["missing"] == 0 and after["counts"]["graded"] == 3


def test_the_trainers_formgrader_works_through_the_hub_on_the_courses_gradebook(hub):
    hub.start_server(hub.trainer, hub.trainer_token)
    status, body, _ = get(hub, f"/user/{hub.trainer}/formgrader", hub.trainer_token)
    assert status == 200 and b"<title>nbgrader formgrade</title>" in body
    status, css = hub.client.api("GET", f"/user/{hub.trainer}/custom/custom.css", token=hub.trainer_token)
    assert status == 200 and FAMILY in str(css), "the trainer's JupyterLab serves the kit's CJK web font too"
    status, assignments = hub.client.api("GET", f"/user/{hub.trainer}/formgrader/api/assignments",
                                         token=hub.trainer_token)
    assert status == 200 and A in {a["name"] for a in assignments}, "formgrader sees the course's assignments"
    status, submissions = hub.client.api("GET", f"/user/{hub.trainer}/formgrader/api/submissions/{A}",
                                         token=hub.trainer_token)
    assert status == 200 and set(hub.learners[:2]) <= {s["student"] for s in submissions}, \
        "formgrader reads the grades the engine wrote into the PostgreSQL gradebook"


def test_a_manual_grade_given_in_formgrader_reaches_the_dashboard(hub):
    first = hub.learners[0]
    before = next(x for x in state(hub)[1]["learners"] if x["account"] == first)
    formgrader = f"/user/{hub.trainer}/formgrader/api"
    hub.start_server(hub.trainer, hub.trainer_token)
    _, notebooks = hub.client.api("GET", f"{formgrader}/submitted_notebooks/{A}/{A}", token=hub.trainer_token)
    submission = next(nb["id"] for nb in notebooks if nb["student"] == first)
    _, grades = hub.client.api("GET", f"{formgrader}/grades?submission_id={submission}", token=hub.trainer_token)
    written = next(g for g in grades if g["name"] == "reflection")
    assert written["needs_manual_grade"]
    status, _ = hub.client.api("PUT", f"{formgrader}/grade/{written['id']}", {"manual_score": 2},
                               token=hub.trainer_token)
    assert status == 200
    for _ in range(30):
        after = next(x for x in state(hub)[1]["learners"] if x["account"] == first)
        if not after["manual"]:
            break
        time.sleep(1)
    assert not after["manual"] and after["score"] == before["score"] + 2


def test_a_learner_reaches_neither_the_dashboard_nor_the_trainers_formgrader(hub):
    learner = hub.learners[1]
    token = hub.client.token(learner, hub.passwords[learner])[1]["token"]
    for path in (DASHBOARD, f"{DASHBOARD}api/state?a={A}", f"{DASHBOARD}export/csv"):
        status, body, _ = get(hub, path, token)
        assert status == 403, (path, status)
        assert b"scores" not in body and hub.learners[0].encode() not in body
    hub.start_server(hub.trainer, hub.trainer_token)
    for path in (f"/user/{hub.trainer}/formgrader", f"/user/{hub.trainer}/formgrader/api/submissions/{A}",
                 f"/user/{hub.trainer}/api/contents/hub"):
        status, body, _ = get(hub, path, token)
        assert status in (403, 404), (path, status)
        assert hub.learners[0].encode() not in body


def test_the_dashboard_in_a_browser_without_cjk_fonts(hub):
    second = hub.learners[1]
    with chromium(hub.tmp, width=1280, height=900) as page:
        page.goto(hub.client.base + "/hub/login")
        page.fill("input[name=username]", hub.trainer)
        page.fill("input[name=password]", "trainer-pass-2026")
        page.click("input[type=submit], button[type=submit]")
        page.wait_for_load_state()
        page.goto(hub.client.base + "/hub/home")
        assert "培训师看板" in page.inner_text("nav"), "the trainer finds the dashboard in the hub's navigation"
        page.goto(hub.client.base + f"{DASHBOARD}?a={A}")
        page.wait_for_selector("text=培训师看板")
        assert page.title().startswith("培训师看板")
        assert any(custom for _, custom in fonts_used(page, probe(page, "需要帮助"))), "Chinese drawn with the web font"
        assert "张<i>三</i>" in page.inner_text("body"), "the name shows as text, not markup"
        page.screenshot(path=str(hub.tmp / "dashboard.png"), full_page=True)
        assert overflowing(page) == []

        version = page.evaluate("document.body.dataset.version")
        submit_and_grade(hub.course, hub.tmp, second, notebook(right=True))  # a better second try
        wait_for_reload(page, version)
        assert "目前没有" in page.inner_text("body"), "after the better try nobody needs help"
        page.screenshot(path=str(hub.tmp / "dashboard_updated.png"), full_page=True)
        page.set_viewport_size({"width": 820, "height": 900})
        page.screenshot(path=str(hub.tmp / "dashboard_narrow.png"), full_page=True)
        assert overflowing(page) == []


def wait_for_reload(page, version: str) -> None:
    """Until the page's own polling has reloaded it with new facts (the page's CSP forbids playwright's eval)."""
    for _ in range(90):
        page.wait_for_timeout(1000)
        try:
            if page.evaluate("() => document.body.dataset.version") not in (version, None):
                page.wait_for_selector("text=培训师看板")
                return
        except Exception:  # the page is just reloading
            continue
    raise TimeoutError("the dashboard did not reload after a new grade")


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const e of document.querySelectorAll("body *")) {
    const box = e.getBoundingClientRect();
    if (box.right > width + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
      found.push(e.tagName + ": " + e.textContent.slice(0, 40));
    if (e.tagName === "TD" && e.scrollWidth > e.clientWidth + 1) found.push("cell: " + e.textContent.slice(0, 40));
  }
  return found;
}"""


def overflowing(page) -> list[str]:
    """Elements that stick out of the window or of their own box."""
    return page.evaluate(OVERFLOW)
