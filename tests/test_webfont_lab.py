"""JupyterLab with the kit's options shows Chinese without a CJK system font, quietly, lessons unmodified."""
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

from browser import chromium, font_status, fonts_used
from conftest import ROOT
from quiet import noise
from keyaccount import webfont
from test_lab_setup import free_port

LESSON = "notebooks/01_funnel_forecast.ipynb"
WIDGETS = "widgets.ipynb"  # a text box, a drop-down and a multi-select with Chinese, as the case widgets have
WIDGETS_CELL = """import ipywidgets as w
display(w.Text(value="华东区域客户"), w.Dropdown(options=["技术把关者", "财务把关者"]),
        w.SelectMultiple(options=["优势", "劣势"]))"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`jupyter lab` launched with webfont.lab_options, as the kit's launchers do; its log kept."""
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "workspace"
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copytree(ROOT / "cases", root / "cases")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(WIDGETS_CELL)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / WIDGETS)
    args, env = webfont.lab_options(tmp / "config", lessons=[root / "notebooks"])
    port, token = free_port(), "test-token"
    log = tmp / "server.log"
    env = {**os.environ, **env, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    command = [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               "--ServerApp.allow_root=True", "--LabApp.expose_app_in_browser=True", *args]
    with log.open("w") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                break
            except OSError:
                assert server.poll() is None, log.read_text("utf-8")
                time.sleep(0.5)
        yield {"base": base, "token": token, "log": log, "tmp": tmp, "root": root}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_lab_serves_the_kit_css_and_fonts(lab):
    for name in ("custom.css", *webfont.LAB_FILES.values()):
        with urllib.request.urlopen(f"{lab['base']}/custom/{name}?token={lab['token']}", timeout=30) as r:
            assert r.status == 200 and len(r.read()) > 1000, name


@pytest.mark.slow
def test_an_open_lesson_shows_chinese_with_the_served_font_stays_unmodified_and_quiet(lab, tmp_path):
    with chromium(tmp_path, 1400, 900) as page:
        page.goto(f"{lab['base']}/lab/tree/{LESSON}?token={lab['token']}")
        page.wait_for_selector(".jp-RenderedMarkdown h1", timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.wait_for_timeout(2000)
        status = font_status(page, webfont.FAMILY, "文件编辑漏斗管理")
        # the kit font is loaded; the full font (rare characters only) is not even downloaded
        assert status["statuses"] == ["unloaded", "loaded"], status
        for selector in (".lm-MenuBar-itemLabel", ".jp-RenderedMarkdown h1"):
            used = fonts_used(page, selector)
            assert ("Noto Sans CJK SC Regular", True) in used, f"{selector} drawn with {used}"
        assert page.inner_text(".lm-MenuBar-itemLabel >> nth=0") == "文件"
        page.screenshot(path=str(lab["tmp"] / "lesson.png"))
        dirty = page.locator(".jp-mod-dirty").count()
        assert dirty == 0, "the lesson is marked modified right after opening"
    log = lab["log"].read_text("utf-8")  # the server and the lesson's kernel
    assert not noise(log), log


@pytest.mark.slow
def test_chinese_in_widget_text_boxes_and_drop_downs_is_drawn_with_the_served_font(lab, tmp_path):
    with chromium(tmp_path, 1400, 900) as page:
        page.goto(f"{lab['base']}/lab/tree/{WIDGETS}?token={lab['token']}&reset")  # only this notebook open
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.wait_for_function(f"() => window.jupyterapp.shell.currentWidget?.context?.path === '{WIDGETS}'"
                               " && window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel"
                               "?.connectionStatus === 'connected'", timeout=120_000)  # run-all while connecting runs nothing
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")  # not awaited
        page.wait_for_selector(".jupyter-widgets select[multiple] option", timeout=120_000)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.screenshot(path=str(lab["tmp"] / "widgets.png"))
        for selector in (".jupyter-widgets input[type=text]", ".jupyter-widgets select:not([multiple])",
                         ".jupyter-widgets select[multiple] option"):
            used = fonts_used(page, selector)
            assert used == [("Noto Sans CJK SC Regular", True)], f"{selector} drawn with {used}"


def _api(lab, path, method="GET"):
    request = urllib.request.Request(f"{lab['base']}/api/{path}?token={lab['token']}", method=method,
                                     data=b"{}" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
    return json.loads(body) if body else None


def _execute(lab, kernel_id, code, until):
    """Send ``code`` to the kernel through the server's websocket and wait for its status ``until``."""
    from tornado.websocket import websocket_connect

    async def run():
        ws = await websocket_connect(f"{lab['base'].replace('http', 'ws')}/api/kernels/{kernel_id}/channels"
                                     f"?token={lab['token']}")
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": "execute_request", "username": "", "session": uuid.uuid4().hex,
                  "version": "5.3", "date": ""}
        await ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "buffers": [],
                                           "channel": "shell", "content": {"code": code, "silent": False,
                                                                           "store_history": False, "allow_stdin": False,
                                                                           "user_expressions": {}}}))
        while True:
            msg = json.loads(await ws.read_message())
            if (msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == until):
                break
        ws.close()

    asyncio.run(asyncio.wait_for(run(), 120))


@pytest.mark.parametrize("busy", [False, True], ids=["idle", "busy"])
def test_jupyterlab_interrupts_a_kernel_it_shuts_down_only_when_it_is_busy(lab, tmp_path, busy):
    """No needless interrupt (what makes ipykernel log "KeyboardInterrupt caught in kernel"), but a
    kernel stuck in a cell is still interrupted on its way out."""
    from sigint_watch import interrupted, watcher_cell

    kernel = _api(lab, "kernels", "POST")
    _execute(lab, kernel["id"], watcher_cell(tmp_path), until="idle")
    if busy:
        _execute(lab, kernel["id"], "import time; time.sleep(600)", until="busy")
    _api(lab, f"kernels/{kernel['id']}", "DELETE")
    assert interrupted(tmp_path) is busy
