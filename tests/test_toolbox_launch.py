"""``keyaccount toolbox`` for real: a workspace that does not exist yet is made, Voila answers on
loopback with the token only, and stopping the command stops the server."""
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from keyaccount.toolbox import launch
from quiet import noise

pytestmark = pytest.mark.slow


def test_the_command_serves_the_toolbox_on_loopback_and_stops_cleanly(tmp_path):
    root = tmp_path / "新的工作区"
    port = launch.free_port(8950)
    command = [sys.executable, "-m", "keyaccount.course.cli", "toolbox", str(root), "--no-browser", f"--port={port}"]
    log = tmp_path / "stderr.txt"
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log.open("w"), text=True,
                               env=os.environ | {"PYTHONUNBUFFERED": "1"})
    try:
        line = ""
        while "工具箱已启动" not in line:
            line = process.stdout.readline()
            assert line or process.poll() is None, "the command ended before the toolbox started"
        url = line.split("：", 1)[1].strip()
        assert url.startswith(f"http://127.0.0.1:{port}/voila/render/") and "token=" in url
        assert (root / "工具箱" / "我的项目管道.ipynb").exists() and (root / "我的数据").is_dir()
        page = urllib.request.urlopen(url, timeout=120).read().decode()
        assert "Token authentication is enabled" not in page
        without_token = urllib.request.urlopen(url.split("?")[0], timeout=60).read().decode()
        assert "Token authentication is enabled" in without_token  # another user of the machine is not let in
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)  # Voila stopped with the command
    printed = log.read_text("utf-8")  # what the learner's terminal shows: no warning for them to worry about
    assert not noise(printed), printed
    assert "Warning" not in printed and "WARNING" not in printed, printed
