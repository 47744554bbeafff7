"""The workshop hub on loopback: accounts only from the roster, a changed password before the first
JupyterLab, each learner in their own workspace (as their own system user: test_hub_isolation.py)."""
import json
import shutil

import pytest

from browser import chromium, fonts_used, probe
from hub_fixture import change_password, running_hub, start_lab
from keyaccount.hub.config import SETTINGS
from keyaccount.webfont import FAMILY

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("configurable-http-proxy") is None,
                                 reason="needs configurable-http-proxy (npm install -g configurable-http-proxy)")]


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    with running_hub(tmp_path_factory.mktemp("hub"), ["学员0", "学员1"]) as running:
        yield running


@pytest.fixture(scope="module")
def hub(running):
    return running.setup, running.client, running.learners, running.passwords, running.course


def test_the_gradebook_moved_to_the_embedded_postgresql(hub):
    *_, course = hub
    assert course.db_url.startswith("postgresql")
    assert course.db_path.is_file(), "the SQLite gradebook stays as it was"


def test_wrong_password_unknown_user_and_signup_are_refused(hub):
    _, client, (learner, _), passwords, _ = hub
    assert client.token(learner, "wrong-password")[0] == 403
    assert client.token("stranger", "whatever-pass")[0] == 403
    assert client.token(learner, passwords[learner])[0] == 201
    try:
        client.form("/hub/signup", {"username": "stranger", "signup_password": "long-enough-1"})
    except Exception as error:  # the sign-up page does not exist on a workshop hub
        assert getattr(error, "code", None) == 404
    assert client.token("stranger", "long-enough-1")[0] == 403


def test_a_learner_changes_the_initial_password_then_finds_the_course(hub):
    setup, client, (learner, _), passwords, course = hub
    token = client.token(learner, passwords[learner])[1]["token"]
    status, body = client.api("POST", f"/hub/api/users/{learner}/server", token=token)
    assert status == 403 and "请先修改初始密码" in body["message"]

    page = change_password(client, learner, passwords[learner], "mine-now-2026")
    assert "密码已修改" in page and "开始学习" in page
    assert client.token(learner, passwords[learner])[0] == 403, "the initial password no longer works"
    token = client.token(learner, "mine-now-2026")[1]["token"]
    start_lab(client, learner, token)
    status, listing = client.api("GET", f"/user/{learner}/api/contents/notebooks", token=token)
    assert status == 200 and "01_funnel_forecast.ipynb" in {item["name"] for item in listing["content"]}
    status, listing = client.api("GET", f"/user/{learner}/api/contents/exercises", token=token)
    assert "funnel_forecast" in {item["name"] for item in listing["content"]}
    status, css = client.api("GET", f"/user/{learner}/custom/custom.css", token=token)
    assert status == 200 and FAMILY in str(css), "the learner's JupyterLab serves the kit's CJK web font"
    assert client.api("GET", f"/user/{learner}/formgrader", token=token)[0] == 404, "no trainer panels for learners"
    status, _ = client.api("GET", f"/user/{learner}/api/contents/notebooks", token=client.token(
        hub[2][1], passwords[hub[2][1]])[1]["token"])
    assert status in (403, 404), "another learner's token does not open this learner's JupyterLab"


def test_the_hub_pages_are_chinese_and_drawn_with_the_served_font(hub, tmp_path):
    """On a screen without a CJK font: the log-in page and, once logged in, the navigation are Chinese
    and drawn with the kit's web font, not boxes."""
    setup, client, *_ = hub
    trainer = setup.accounts[0]
    with chromium(tmp_path) as page:
        page.goto(f"{client.base}/hub/login")
        assert page.title() == "大客户销售训练营"
        assert ("Noto Sans CJK SC Regular", True) in fonts_used(page, probe(page, "账号和初始密码"))
        page.screenshot(path=str(tmp_path / "login.png"))
        page.fill("#username_input", trainer.account)
        page.fill("#password_input", trainer.password)
        page.click("#login_submit")
        page.wait_for_url("**/hub/change-password", timeout=60_000)
        nav = page.inner_text("nav")
        assert {"首页", "修改密码", "退出"} <= set(nav.split()), nav
        assert not {"Home", "Token", "Logout", "Services"} & set(nav.split()), nav
        assert ("Noto Sans CJK SC Regular", True) in fonts_used(page, "#logout")
        page.screenshot(path=str(tmp_path / "change-password.png"))


def test_a_restart_keeps_labs_running_and_shuts_out_who_left_the_roster(running):
    """The trainer restarts the hub with a learner taken off the roster (e.g. to add a late one): the
    other learner's JupyterLab keeps running and answers their token; the one taken off cannot log in."""
    kept, left = running.learners
    token = running.client.token(kept, "mine-now-2026")[1]["token"]  # the password changed above
    assert running.client.api("GET", f"/user/{kept}/api/contents/notebooks", token=token)[0] == 200
    left_token = running.client.token(left, running.passwords[left])[1]["token"]
    hub_port = json.loads((running.setup.hub_dir / SETTINGS).read_text())["hub_port"]
    running.restart(keep=[kept])
    assert json.loads((running.setup.hub_dir / SETTINGS).read_text())["hub_port"] == hub_port
    assert running.client.token(left, running.passwords[left])[0] == 403, "no log-in off the roster"
    assert running.client.api("GET", f"/hub/api/users/{left}", token=left_token)[0] in (403, 404), "nor a token"
    status, user = running.client.api("GET", f"/hub/api/users/{kept}", token=token)
    assert status == 200 and user["servers"][""]["ready"], "the lab ran on through the restart"
    assert running.client.api("GET", f"/user/{kept}/api/contents/notebooks", token=token)[0] == 200
    assert running.client.token(kept, "mine-now-2026")[0] == 201
