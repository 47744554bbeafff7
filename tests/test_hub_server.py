"""The workshop hub on loopback: accounts only from the roster, a changed password before the first
JupyterLab, each learner in their own workspace, as their own system user where the machine allows it."""
import os
import pwd
import shutil
import subprocess

import pytest

from hub_fixture import change_password, running_hub, start_lab
from keyaccount.hub.spawner import USER_PREFIX

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("configurable-http-proxy") is None,
                                 reason="needs configurable-http-proxy (npm install -g configurable-http-proxy)")]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    with running_hub(tmp_path_factory.mktemp("hub"), learners=2) as h:
        yield h.setup, h.client, h.accounts, h.passwords, h.course


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
    status, _ = client.api("GET", f"/user/{learner}/api/contents/notebooks", token=client.token(
        hub[2][1], passwords[hub[2][1]])[1]["token"])
    assert status in (403, 404), "another learner's token does not open this learner's JupyterLab"


def test_each_learner_runs_as_their_own_system_user(hub):
    setup, client, (_, learner), passwords, course = hub
    if not setup.isolated:
        pytest.skip(f"learners as separate system users: {setup.problem}")
    change_password(client, learner, passwords[learner], "mine-too-2026")
    start_lab(client, learner, client.token(learner, "mine-too-2026")[1]["token"])
    me = pwd.getpwnam(USER_PREFIX + learner)
    pids = subprocess.run(["pgrep", "-f", "jupyterhub-singleuser"], capture_output=True, text=True).stdout.split()
    owners = {os.stat(f"/proc/{pid}").st_uid for pid in pids if os.path.exists(f"/proc/{pid}")}
    assert me.pw_uid in owners, "the learner's JupyterLab runs as the learner's own system user"
    other = pwd.getpwnam(USER_PREFIX + hub[2][0]).pw_dir
    for target in (other, course.db_path, course.source):
        denied = subprocess.run(["runuser", "-u", me.pw_name, "--", "ls", str(target)], capture_output=True)
        assert denied.returncode != 0, f"{me.pw_name} can read {target}"
