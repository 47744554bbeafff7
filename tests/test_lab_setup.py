"""`make lab` starts JupyterLab headless with Chinese menus by default (the zh-CN language pack), and
nbgrader's panels work on first use: the server has this environment's bin/ on PATH however it is started."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbformat.sign import NotebookNotary

from conftest import ROOT
from quiet import noise

VALIDATED = "exercises/funnel_forecast/funnel_forecast.ipynb"
LAB_SETTINGS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def test_the_installed_lab_defaults_to_chinese():
    assert LAB_SETTINGS.is_file(), "installing the kit installs jupyter/overrides.json into the environment"
    assert json.loads(LAB_SETTINGS.read_text())["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
    assert LAB_SETTINGS.read_text() == (ROOT / "jupyter" / "overrides.json").read_text()
    # no pop-up asking a learner whether to fetch news from a website the workshop network may block
    assert json.loads(LAB_SETTINGS.read_text())["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_lab_server_serves_chinese_translations_and_the_index(tmp_path):
    port, token = free_port(), "test-token"
    data = tmp_path / "data"  # where JupyterLab keeps the signatures of trusted notebooks
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_DATA_DIR": str(data)}
    flags = f"--ServerApp.port={port} --IdentityProvider.token={token}"
    server = subprocess.Popen(["make", "-s", "lab", f"LAB_FLAGS={flags}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                get(f"{base}/api/status?token={token}")
                break
            except OSError:
                time.sleep(0.5)
        settings = get(f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}")
        assert settings["schema"]["properties"]["locale"]["default"] == "zh_CN"  # user can still switch
        pack = get(f"{base}/lab/api/translations/zh_CN?token={token}")
        assert pack["data"], "the zh_CN language pack is installed"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in json.dumps(pack["data"], ensure_ascii=False)[:20000])
        for path in ("notebooks/00_index.ipynb", "exercises", "cases"):  # the whole course is reachable
            assert get(f"{base}/api/contents/{path}?token={token}&content=0")["path"] == path
        with urllib.request.urlopen(f"{base}/?token={token}", timeout=5) as response:
            assert "/lab/tree/notebooks/00_index.ipynb" in response.url  # opens on the index
        with NotebookNotary(data_dir=str(data)) as notary:  # JupyterLab does not log "… is not trusted"
            for path in ("notebooks/01_funnel_forecast.ipynb", "exercises/funnel_forecast/funnel_forecast.ipynb"):
                text = (ROOT / path).read_text("utf-8")
                assert notary.check_signature(nbformat.reads(text, as_version=4)), f"{path} is not trusted"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def wait_for(base, token):
    for _ in range(240):
        try:
            return get(f"{base}/api/status?token={token}")
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("the lab server did not answer")


LAUNCHES = {  # as `make lab` and `keyaccount start` start it, and a plain `jupyter lab` a trainer might type
    "keyaccount.lab": lambda course: [sys.executable, "-m", "keyaccount.lab", str(course), "--no-browser"],
    "plain jupyter lab": lambda course: [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                                         f"--ServerApp.root_dir={course}", "--ServerApp.allow_root=True"],
}


@pytest.mark.slow
@pytest.mark.parametrize("launch", LAUNCHES)
def test_formgrader_lists_the_assignments_on_first_use_without_the_venv_on_path(tmp_path, launch):
    course = tmp_path / "course"  # a fresh copy of the course source: no course_runtime/ yet
    course.mkdir()
    for name in ("nbgrader_config.py", "solutions", "notebooks", "cases"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copyfile)(ROOT / name, course / name)
    port, token = free_port(), "test-token"
    venv_bin = str(Path(sys.executable).parent)
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p != venv_bin)
    env = {**os.environ, "PATH": path, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    env.pop("VIRTUAL_ENV", None)
    server = subprocess.Popen([*LAUNCHES[launch](course), f"--ServerApp.port={port}", f"--IdentityProvider.token={token}"],
                              cwd=course, env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "lab.log", "w"),
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, token)
        assignments = get(f"{base}/formgrader/api/assignments?token={token}", timeout=120)  # first use migrates the db
        assert "funnel_forecast" in {a["name"] for a in assignments}
        courses = get(f"{base}/courses?token={token}", timeout=60)
        assert courses["success"], courses
        fetched = get(f"{base}/assignments?course_id=keyaccount&token={token}", timeout=60)  # the Assignment List
        assert fetched["success"], fetched
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.slow
def test_a_learners_lab_has_validate_but_none_of_nbgraders_trainer_panels(tmp_path):
    """`keyaccount start` opens JupyterLab without formgrader, course list, create assignment or the
    exchange's assignment list (a learner has no course to manage); Validate still answers."""
    port, token = free_port(), "test-token"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_TOKEN": token}
    server = subprocess.Popen([sys.executable, "-m", "keyaccount", "start", str(tmp_path / "ws"), "--no-browser",
                               f"--port={port}"],
                              env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "lab.log", "w"),
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, token)
        for path in ("formgrader", "courses", "assignments?course_id=keyaccount"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                get(f"{base}/{path}{'&' if '?' in path else '?'}token={token}", timeout=60)
            assert refused.value.code == 404, path
        assert get(f"{base}/nbgrader_version?version=0&token={token}")  # the Validate extension is there
        with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=30) as response:
            page = response.read().decode("utf-8")
        config = json.loads(page.split('id="jupyter-config-data" type="application/json">', 1)[1].split("</script>")[0])
        assert {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                "@jupyter/nbgrader:course-list", "@jupyter/nbgrader:assignment-list"} <= set(config["disabledExtensions"])
        assert "@jupyter/nbgrader:validate-assignment" not in config["disabledExtensions"]
        request = urllib.request.Request(f"{base}/assignments/validate", method="POST",
                                         data=json.dumps({"path": VALIDATED}).encode(),
                                         headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=300) as response:  # the Validate button
            assert json.loads(response.read())["success"]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    log = (tmp_path / "lab.log").read_text("utf-8")
    assert not noise(log), log  # nbgrader found the kit's config: its kernel is encrypted


@pytest.mark.slow
def test_the_course_source_opens_unmodified_and_a_save_keeps_the_file_as_committed(tmp_path):
    from browser import chromium

    course = tmp_path / "course"  # `make lab` runs `python -m keyaccount.lab` on the checkout; here, on a copy
    for name in ("notebooks", "cases"):
        shutil.copytree(ROOT / name, course / name)
    lesson = "notebooks/01_funnel_forecast.ipynb"
    committed = (course / lesson).read_bytes()
    port, token = free_port(), "test-token"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    server = subprocess.Popen([*LAUNCHES["keyaccount.lab"](course), f"--ServerApp.port={port}",
                               f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True"],
                              cwd=course, env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "lab.log", "w"),
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, token)
        with chromium(tmp_path, 1400, 900) as page:
            page.goto(f"{base}/lab/tree/{lesson}?token={token}&reset")
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
            page.wait_for_timeout(2000)  # the kernel's language_info has reached the notebook by now
            assert page.locator(".jp-mod-dirty").count() == 0, "the lesson is marked modified right after opening"
            page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
            page.wait_for_timeout(2000)
        assert (course / lesson).read_bytes() == committed, "saving an unchanged lesson rewrote its file"
        assert (ROOT / lesson).read_bytes() == committed
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert not noise((tmp_path / "lab.log").read_text("utf-8"))
