"""`make lab` starts JupyterLab headless with Chinese menus by default (the zh-CN language pack)."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

LAB_SETTINGS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def test_the_installed_lab_defaults_to_chinese():
    assert LAB_SETTINGS.is_file(), "make installs jupyter/overrides.json into the environment"
    assert json.loads(LAB_SETTINGS.read_text())["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
    assert LAB_SETTINGS.read_text() == (ROOT / "jupyter" / "overrides.json").read_text()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_lab_server_serves_chinese_translations_and_the_index(tmp_path):
    port, token = free_port(), "test-token"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
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
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
