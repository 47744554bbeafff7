"""Submit → graded in seconds on the workshop hub: three learners fill in a released exercise in their
JupyterLab, submit through the grading service, see score and feedback (in the answer and in their
workspace) and the trainer's PostgreSQL gradebook has the grade; the trainer's limit refuses one
submission too many; a notebook that is a link to the gradebook or to another learner's file is refused
with a Chinese message and nothing of it leaks. In Chromium: the 提交作业 menu, the page, the feedback;
a lesson runs and its widget answers a moved slider. The trainer's dashboard and export have the
submissions; an exercise released mid-workshop reaches the running JupyterLabs."""
import csv
import io
import os
import re
import shutil
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest
from nbgrader.api import Gradebook

from conftest import ROOT
from course_fixture import answered
from hub_fixture import change_password, running_hub, start_lab
from keyaccount.course import cli, grade
from keyaccount.hub.grading_service import learner_home

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("configurable-http-proxy") is None,
                                 reason="needs configurable-http-proxy (npm install -g configurable-http-proxy)")]
ASSIGNMENT = "funnel_forecast"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
OWN = "my_funnel"  # an assignment of the trainer's own, released in the course only
LATE = "late_funnel"  # released while the learners' JupyterLabs run
LIMIT = 2


def release(course) -> None:
    """The trainer adds an assignment of their own and releases it and one of the kit's."""
    shutil.copytree(course.source / ASSIGNMENT, course.source / OWN)
    for name in (ASSIGNMENT, OWN):
        grade.ensure_released(course, name)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    with running_hub(tmp_path_factory.mktemp("hub"), learners=3, before_start=release, submit_limit=LIMIT) as h:
        h.tokens = {}
        for account in h.accounts:
            change_password(h.client, account, h.passwords[account], f"{account}-mine-2026")
            h.tokens[account] = h.client.token(account, f"{account}-mine-2026")[1]["token"]
            start_lab(h.client, account, h.tokens[account])
        yield h


def contents(hub, account: str, path: str, body=None):
    method = "GET" if body is None else "PUT"
    return hub.client.api(method, f"/user/{account}/api/contents/{quote(path)}", body, token=hub.tokens[account])


def submit(hub, account: str, assignment: str = ASSIGNMENT):
    return hub.client.api("POST", f"/services/submit/api/submit/{assignment}?wait=240", token=hub.tokens[account])


def fill_in(hub, account: str, left_blank: int) -> None:
    """The learner types answers into the released notebook in JupyterLab and saves (contents API)."""
    status, model = contents(hub, account, f"exercises/{ASSIGNMENT}/{NOTEBOOK}")
    assert status == 200
    solution = nbformat.read(ROOT / "solutions" / ASSIGNMENT / NOTEBOOK, as_version=4)
    nb = answered(nbformat.from_dict(model["content"]), solution, left_blank=left_blank)
    status, _ = contents(hub, account, f"exercises/{ASSIGNMENT}/{NOTEBOOK}",
                         {"type": "notebook", "format": "json", "content": nb})
    assert status == 200


def workspace(hub, account: str) -> Path:
    home = learner_home(hub.setup.hub_dir, account, hub.setup.isolated)
    return home.home / home.folder


def test_released_exercises_reach_every_workspace(hub):
    for account in hub.accounts:
        status, listing = contents(hub, account, "exercises")
        names = {item["name"] for item in listing["content"]}
        assert {ASSIGNMENT, OWN} <= names, "the kit's exercise and the trainer's own released one"
        status, listing = contents(hub, account, "notebooks")
        assert "01_funnel_forecast.ipynb" in {item["name"] for item in listing["content"]}
    status, listed = hub.client.api("GET", "/services/submit/api/assignments", token=hub.tokens[hub.accounts[0]])
    assert status == 200 and set(listed) == {ASSIGNMENT, OWN}
    assert listed[ASSIGNMENT]["limit"] == LIMIT and listed[ASSIGNMENT]["used"] == 0


def test_three_learners_submit_at_once_and_get_score_and_feedback(hub):
    right, half, blank = hub.accounts
    fill_in(hub, right, left_blank=0)
    fill_in(hub, half, left_blank=1)  # blank keeps the notebook as released
    with ThreadPoolExecutor(3) as pool:
        answers = dict(zip(hub.accounts, pool.map(lambda a: submit(hub, a), hub.accounts)))
    for account, (status, body) in answers.items():
        assert status == 200 and body["status"] == "graded", (account, body, hub.log.read_text()[-3000:])
        assert body["number"] == 1 and body["feedback"] == f"反馈/{ASSIGNMENT}/第1次提交"
        assert f"得分 {body['score']:g} / {body['max_score']:g}" in body["message"]
    scores = {a: answers[a][1]["score"] for a in hub.accounts}
    most = answers[right][1]["max_score"]
    assert scores[right] == most > scores[half] > scores[blank] == 0

    for account in hub.accounts:  # the feedback page is in the learner's workspace, JupyterLab opens it
        status, model = contents(hub, account, f"反馈/{ASSIGNMENT}/第1次提交/{ASSIGNMENT}.html")
        assert status == 200 and "批改说明" in model["content"] and f"{scores[account]:g} / {most:g}" in model["content"]
        assert "<script" not in model["content"]
    with Gradebook(hub.course.db_url) as gb:
        for account in hub.accounts:
            assert gb.find_submission(ASSIGNMENT, account).code_score == pytest.approx(scores[account])
    stamp = hub.course.submitted / right / ASSIGNMENT / grade.TIMESTAMP
    assert stamp.is_file()


def test_the_trainers_dashboard_and_export_have_what_learners_submitted_through_the_service(hub):
    """The whole chain: the three learners' submissions above (log-in, their JupyterLab, the submit service)
    are on the trainer's dashboard (state and page) and in the CSV export, with the scores they were shown."""
    hub.trainer_token = hub.change_password(hub.trainer, "trainer-pass-2026")
    with Gradebook(hub.course.db_url) as gb:
        shown = {a: gb.find_submission(ASSIGNMENT, a).code_score for a in hub.accounts}
    status, facts = hub.client.api("GET", f"/services/dashboard/api/state?a={ASSIGNMENT}", token=hub.trainer_token)
    assert status == 200, facts
    learners = {x["account"]: x for x in facts["learners"]}
    assert {a: learners[a]["status"] for a in hub.accounts} == dict.fromkeys(hub.accounts, "graded")
    assert {a: learners[a]["score"] for a in hub.accounts} == pytest.approx(shown)
    assert facts["counts"]["graded"] == facts["counts"]["roster"] == 3
    request = urllib.request.Request(hub.client.base + "/services/dashboard/", headers={
        "Authorization": f"token {hub.trainer_token}"})
    with urllib.request.urlopen(request, timeout=120) as page:
        text = page.read().decode()
    assert all(a in text for a in hub.accounts) and "培训师看板" in text
    request = urllib.request.Request(hub.client.base + "/services/dashboard/export/csv", headers={
        "Authorization": f"token {hub.trainer_token}"})
    with urllib.request.urlopen(request, timeout=120) as export:
        rows = list(csv.DictReader(io.StringIO(export.read().decode("utf-8-sig"))))
    exported = {r["学员"]: float(r["得分"]) for r in rows if r["练习"] == ASSIGNMENT}
    assert exported == pytest.approx(shown)


def test_the_page_shows_the_score_and_submits_with_the_button(hub):
    """The learner's browser session (cookies, OAuth through the hub, xsrf-protected form)."""
    account = hub.accounts[0]
    hub.client.jar.clear()
    hub.client.form("/hub/login", {"username": account, "password": f"{account}-mine-2026"})
    with hub.client.web.open(hub.client.base + "/services/submit/", timeout=60) as page:
        text = page.read().decode()
        assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert "提交作业" in text and ASSIGNMENT in text and f"已提交 <b>1</b> / {LIMIT} 次" in text, text[-1500:]
    assert "@font-face" in text, "the Chinese web font is embedded"
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', text).group(1)
    request = urllib.request.Request(hub.client.base + f"/services/submit/submit/{ASSIGNMENT}", method="POST",
                                     data=f"_xsrf={xsrf}".encode())
    with hub.client.web.open(request, timeout=300) as answer:
        text = answer.read().decode()
    assert "第 2 次提交已批改" in text and f"已提交 <b>2</b> / {LIMIT} 次" in text
    assert "次提交机会已用完" in text and "<button type='submit' disabled>" in text
    forged = urllib.request.Request(hub.client.base + f"/services/submit/submit/{OWN}", method="POST", data=b"x=1")
    with pytest.raises(urllib.error.HTTPError) as refused:  # no xsrf token: not accepted
        hub.client.web.open(forged, timeout=60)
    assert refused.value.code in (403, 302)
    with hub.client.web.open(hub.client.base + f"/services/submit/feedback/{ASSIGNMENT}/{ASSIGNMENT}.html") as page:
        assert "批改说明" in page.read().decode()


def test_the_limit_refuses_one_submission_too_many_until_the_trainer_raises_it(hub):
    account = hub.accounts[2]
    assert submit(hub, account)[1]["number"] == 2
    status, body = submit(hub, account)
    assert status == 400 and body["status"] == "refused" and f"{LIMIT} 次提交机会已用完" in body["message"]
    assert cli.main(["--course", str(hub.course.root), "hub", "limit", ASSIGNMENT, str(LIMIT + 1)]) == 0
    status, body = submit(hub, account)
    assert status == 200 and body["number"] == 3 and body["status"] == "graded"
    assert submit(hub, account)[0] == 400


@pytest.mark.parametrize("target", ["gradebook", "other learner", "fifo", "folder link"])
def test_a_linked_or_special_notebook_is_refused_and_nothing_leaks(hub, target):
    account, other = hub.accounts[1], hub.accounts[0]
    folder = workspace(hub, account) / "exercises" / ASSIGNMENT
    notebook = folder / NOTEBOOK
    backup = folder.parent / "kept.ipynb.bak"
    shutil.move(folder, backup)  # the learner's own work, put back afterwards
    try:
        if target == "folder link":
            folder.symlink_to(workspace(hub, other) / "exercises" / ASSIGNMENT)
        else:
            folder.mkdir()
            if target == "fifo":
                os.mkfifo(notebook)
            else:
                notebook.symlink_to(hub.course.db_path if target == "gradebook"
                                    else workspace(hub, other) / "exercises" / ASSIGNMENT / NOTEBOOK)
        before = sorted((hub.course.submitted / account / ASSIGNMENT).iterdir())
        status, body = submit(hub, account)
        assert status == 400 and body["status"] == "refused"
        assert re.search("[\u4e00-\u9fff]", body["message"]) and f"exercises/{ASSIGNMENT}" in body["message"]
        assert ("链接" if target != "fifo" else "不是普通文件") in body["message"]
        assert str(hub.course.root) not in body["message"], "the message does not say where the link points"
        assert sorted((hub.course.submitted / account / ASSIGNMENT).iterdir()) == before
        status, listed = hub.client.api("GET", "/services/submit/api/assignments", token=hub.tokens[account])
        assert listed[ASSIGNMENT]["used"] == 1, "a refused submission does not count"
    finally:
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
        else:
            shutil.rmtree(folder, ignore_errors=True)
        shutil.move(backup, folder)


def test_feedback_never_goes_through_a_link_out_of_the_workspace(hub):
    """A learner who makes 反馈 a link to another learner's workspace still gets the score; nothing is
    written through the link."""
    account, other = hub.accounts[1], hub.accounts[0]
    mine = workspace(hub, account) / "反馈"
    shutil.move(mine, mine.with_name("反馈-kept"))
    target = workspace(hub, other) / "笔记"
    target.mkdir()
    mine.symlink_to(target)
    try:
        status, body = submit(hub, account)
        assert status == 200 and body["status"] == "graded" and body["feedback"] is None
        assert list(target.iterdir()) == [], "nothing written into the other learner's workspace"
    finally:
        mine.unlink()
        shutil.move(mine.with_name("反馈-kept"), mine)
        target.rmdir()


def test_an_exercise_released_during_the_workshop_reaches_running_labs_without_overwriting(hub):
    """The trainer releases an exercise while every JupyterLab runs: a learner who submits straight away
    is told it is now in their exercises/ folder, one who opens the page gets it, and a file a learner
    already had at that place stays theirs."""
    first, second, third = hub.accounts
    folder = f"exercises/{LATE}"
    assert contents(hub, second, folder, {"type": "directory"})[0] in (200, 201)
    own = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("我自己的笔记")])
    assert contents(hub, second, f"{folder}/{NOTEBOOK}", {"type": "notebook", "format": "json", "content": own})[0] in (200, 201)
    shutil.copytree(hub.course.source / ASSIGNMENT, hub.course.source / LATE)
    grade.ensure_released(hub.course, LATE)  # what keyaccount release does, mid-workshop

    status, body = submit(hub, third, LATE)
    assert status == 400 and f"exercises/{LATE}/" in body["message"] and "刚发布" in body["message"], body
    assert contents(hub, third, f"{folder}/{NOTEBOOK}")[0] == 200, "now in the running JupyterLab"
    status, body = submit(hub, third, LATE)
    assert status == 200 and body["status"] == "graded", body

    hub.client.jar.clear()
    hub.client.form("/hub/login", {"username": first, "password": f"{first}-mine-2026"})
    with hub.client.web.open(hub.client.base + "/services/submit/", timeout=60) as page:
        assert f"新发布的练习已经放进你的学习文件夹：exercises/{LATE}" in page.read().decode()
    assert contents(hub, first, f"{folder}/{NOTEBOOK}")[0] == 200

    hub.client.api("GET", "/services/submit/api/assignments", token=hub.tokens[second])
    status, model = contents(hub, second, f"{folder}/{NOTEBOOK}")
    assert status == 200 and model["content"]["cells"][0]["source"] == "我自己的笔记", "the learner's file is kept"


def test_the_service_answers_only_logged_in_learners(hub):
    for token in (None, "not-a-token"):
        status, _ = hub.client.api("POST", f"/services/submit/api/submit/{ASSIGNMENT}", token=token)
        assert status == 403


def test_in_a_browser_the_menu_opens_the_page_submit_shows_score_and_feedback(hub, tmp_path):
    """Debian's Chromium without a CJK font: JupyterLab's 提交作业 menu opens the service page in a new
    tab, 提交 grades the trainer's own assignment, the feedback opens; screenshots in tmp_path."""
    from browser import FONT_STATUS, chromium
    from keyaccount.webfont import FAMILY

    account = hub.accounts[1]
    with chromium(tmp_path, 1280, 900) as page:
        page.goto(hub.client.base + "/hub/login", timeout=60_000)
        page.fill("input[name=username]", account)
        page.fill("input[name=password]", f"{account}-mine-2026")
        page.click("[type=submit]")
        page.wait_for_selector(".lm-MenuBar-itemLabel:text-is('提交作业')", timeout=120_000)
        page.click(".lm-MenuBar-itemLabel:text-is('提交作业')")
        page.screenshot(path=tmp_path / "1-lab-menu.png")
        with page.context.expect_page(timeout=60_000) as opened:
            page.click(".lm-Menu-itemLabel:text-is('提交作业、查看成绩和反馈')")
        service = opened.value
        service.wait_for_selector(f"#{OWN} button", timeout=60_000)
        service.screenshot(path=tmp_path / "2-submit-page.png", full_page=True)
        assert service.evaluate(FONT_STATUS, [FAMILY, "提交作业"])["check"], "the page draws its Chinese"
        service.click(f"#{OWN} button")
        service.wait_for_selector(".msg.ok", timeout=300_000)
        assert "第 1 次提交已批改" in service.inner_text(".msg.ok")
        service.screenshot(path=tmp_path / "3-graded.png", full_page=True)
        with service.context.expect_page(timeout=60_000) as opened:
            service.click(f"#{OWN} a[href*='/feedback/']")
        feedback = opened.value
        feedback.wait_for_load_state()
        assert "批改说明" in feedback.inner_text("body")
        feedback.screenshot(path=tmp_path / "4-feedback.png")



def test_in_a_browser_a_lesson_runs_and_its_widget_answers(hub, tmp_path):
    """A learner opens the first lesson in their JupyterLab on the hub, runs it, moves a rate slider of the
    funnel calculator and sees the forecast change; screenshots in tmp_path."""
    from urllib.parse import quote as q

    from browser import chromium

    account = hub.accounts[2]
    lesson = f"/user/{account}/lab/tree/notebooks/01_funnel_forecast.ipynb"
    with chromium(tmp_path, 1280, 900) as page:
        page.goto(hub.client.base + f"/hub/login?next={q(lesson)}", timeout=60_000)
        page.fill("input[name=username]", account)
        page.fill("input[name=password]", f"{account}-mine-2026")
        page.click("[type=submit]")
        handle = page.locator(".widget-slider .noUi-handle").first
        accept = page.locator(".jp-Dialog .jp-mod-accept")
        idle = page.locator("#jp-main-statusbar").get_by_text(re.compile(r"\| 空闲"))  # the kernel, connected
        ran = False
        for _ in range(300):  # as a learner would: run all once the status bar says 空闲
            if handle.is_visible():
                break
            if accept.is_visible():  # JupyterLab may ask which kernel: the learner takes the offered Python 3
                accept.click()
                ran = False
            elif not ran and idle.is_visible():
                page.click(".lm-MenuBar-itemLabel:text-is('运行')")
                page.click(".lm-Menu-itemLabel:text-is('运行所有单元格')")
                ran = True
            page.wait_for_timeout(1000)
        else:
            page.screenshot(path=tmp_path / "0-no-widget.png")
            pytest.fail(f"the funnel calculator never showed (screenshot in {tmp_path})")
        result = page.locator(".widget-html-content:has-text('预计成交金额')").first
        result.wait_for(timeout=60_000)
        before = result.inner_text()
        handle.scroll_into_view_if_needed()
        page.screenshot(path=tmp_path / "1-lesson-widget.png")
        handle.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("([el, old]) => el.innerText !== old", arg=[result.element_handle(), before],
                               timeout=60_000)
        page.screenshot(path=tmp_path / "2-slider-moved.png")
        assert result.inner_text() != before
