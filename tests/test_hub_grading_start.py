"""The grading service answers before the grading engine is imported: JupyterHub stops at start when a
managed service has not answered within about ten seconds, and on a busy machine importing nbgrader and
the engine takes longer. Here nbgrader's import is held until the test lets it go: the service's port
answers "正在准备" (in the kit's web font) meanwhile, and the real service (HubOAuth: a redirect to the hub's log-in) takes over after."""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from hub_fixture import free_port
from keyaccount.course import create
from keyaccount.hub.grading_service import write_starting_page

pytest.importorskip("jupyterhub", reason="needs JupyterHub (pip install \"keyaccount[hub]\")")

HOLD = """
import os, sys, time
class Hold:
    def find_spec(self, name, path=None, target=None):
        if name == "nbgrader":
            while not os.path.exists(os.environ["RELEASE_NBGRADER"]):
                time.sleep(0.1)
        return None
sys.meta_path.insert(0, Hold())
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location") or error.read().decode()
    except OSError:
        return 0, ""


def test_the_port_answers_while_the_engine_is_still_importing(tmp_path):
    course = create.init_course(tmp_path / "课程", ROOT / "solutions").course
    (course.root / "hub").mkdir()
    write_starting_page(course.root / "hub")  # as the hub does at start
    (tmp_path / "hold").mkdir()
    (tmp_path / "hold" / "sitecustomize.py").write_text(HOLD, encoding="utf-8")
    release, port = tmp_path / "release-nbgrader", free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "hold"), os.environ.get("PYTHONPATH", "")]),
           "RELEASE_NBGRADER": str(release), "JUPYTERHUB_SERVICE_URL": f"http://127.0.0.1:{port}",
           "JUPYTERHUB_SERVICE_PREFIX": "/services/submit/", "JUPYTERHUB_API_TOKEN": "test-token",
           "JUPYTERHUB_API_URL": "http://127.0.0.1:9/hub/api", "JUPYTERHUB_CLIENT_ID": "service-submit",
           "JUPYTERHUB_SERVICE_NAME": "submit", "JUPYTERHUB_BASE_URL": "/", "JUPYTERHUB_HOST": "",
           "JUPYTERHUB_OAUTH_CALLBACK_URL": "/services/submit/oauth_callback"}
    service = subprocess.Popen([sys.executable, "-m", "keyaccount.hub.grading_main", str(course.root / "hub")],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/services/submit/"
    try:
        for _ in range(240):
            status, page = fetch(base)
            if status or service.poll() is not None:
                break
            time.sleep(0.5)
        assert status == 200 and "正在准备" in page and "@font-face" in page, (status, page[:300])
        status, body = fetch(base + "api/assignments")
        assert status == 503 and json.loads(body)["status"] == "starting"
        assert not release.exists() and service.poll() is None, "nbgrader is still held: the engine is not loaded"

        release.touch()  # nbgrader may load now
        for _ in range(240):
            status, location = fetch(base)
            if status != 200 or service.poll() is not None:
                break
            time.sleep(0.5)
        assert status == 302 and "oauth2/authorize" in location, (status, location)
    finally:
        service.send_signal(signal.SIGTERM)
        try:
            service.wait(timeout=60)
        except subprocess.TimeoutExpired:
            service.kill()
