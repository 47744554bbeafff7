"""``keyaccount toolbox``: put the apps in the learner's workspace and open them with Voila."""
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import webbrowser
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from keyaccount import workspace
from keyaccount.jupyter_settings import SERVER_KERNEL_MANAGER, kernel_settings
from keyaccount.toolbox import storage

INDEX = "工具箱首页.ipynb"
# JupyterLab extensions of the environment that break Voila's page (it has no file browser or notebook).
NOT_IN_VOILA = ["@jupyter/nbgrader", "@jupyter-notebook/lab-extension", "@voila-dashboards/jupyterlab-preview"]


def app_files() -> dict[str, bytes]:
    """The apps shipped with the package: {file name: content}."""
    return {Path(name).name: path.read_bytes() for name, path in workspace.packaged_files().items()
            if name.startswith(f"{workspace.TOOLBOX}/")}


def install_apps(root: Path) -> tuple[Path, list[str]]:
    """Bring the learner's workspace up to date, the apps in ``<root>/工具箱/`` among its files (a file
    the learner changed is kept as it is); the apps' folder and the names of the kept apps."""
    update = workspace.update(root)
    workspace.prepare_for_lab(update.folder)  # signed apps: Voila does not call them untrusted
    storage.data_folder(update.folder)
    kept = [Path(name).name for name in update.kept if name.startswith(f"{workspace.TOOLBOX}/")]
    return update.folder / workspace.TOOLBOX, kept


def free_port(start: int = 8866) -> int:
    for port in range(start, start + 100):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise OSError("找不到可用的端口，请用 --port 指定一个。")


def voila_command(folder: Path, port: int, token: str) -> list[str]:
    encryption = kernel_settings()["KernelManager"]["transport_encryption"]  # quiet, encrypted kernels
    return [sys.executable, "-m", "keyaccount.toolbox.server", str(folder), f"--port={port}", "--no-browser",
            "--Voila.ip=127.0.0.1", f"--Voila.token={token}", "--VoilaConfiguration.show_tracebacks=False",
            "--theme=light", *(f"--VoilaConfiguration.extension_denylist={name}" for name in NOT_IN_VOILA),
            f"--KernelManager.transport_encryption={encryption}",
            f"--AsyncMappingKernelManager.kernel_manager_class={SERVER_KERNEL_MANAGER}",
            # A closed page leaves its kernel running (Voila's shutdown request fails its XSRF check): cull it.
            "--MappingKernelManager.cull_interval=60", "--MappingKernelManager.cull_idle_timeout=600"]


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    url: str      # the index page, with the token that lets this browser in

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def start(root: Path, port: int | None = None) -> Server:
    """Install the apps and start Voila on loopback."""
    folder, kept = install_apps(root)
    for name in kept:
        print(f"保留了你修改过的 {folder / name}（没有用新版覆盖）。")
    port = port or free_port()
    token = secrets.token_urlsafe(16)
    env = os.environ | {storage.ENV: str(Path(root).resolve())}
    process = subprocess.Popen(voila_command(folder, port, token), env=env)
    return Server(process, port, f"http://127.0.0.1:{port}/voila/render/{quote(INDEX)}?token={token}")


def wait_until_listening(port: int, process: subprocess.Popen, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.3)
    return False


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def run(root: Path, port: int | None = None, browser: bool = True) -> int:
    """The command: start, print the address, open the browser, run until Ctrl+C (or SIGTERM)."""
    server = start(root, port)
    signal.signal(signal.SIGTERM, _interrupt)  # stopping the command stops Voila too
    try:
        if not wait_until_listening(server.port, server.process):
            print("工具箱没能启动，请看上面的错误信息。", file=sys.stderr)
            return 1
        print(f"工具箱已启动（只在本机可以访问）：{server.url}\n你的数据保存在 {Path(root, storage.DATA)}。"
              f"按 Ctrl+C 退出。", flush=True)
        if browser:
            webbrowser.open(server.url)
        return server.process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if server.process.poll() is None:
            server.stop()
