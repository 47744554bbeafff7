"""A workshop hub for a test: a course from the repository's solutions/, a roster, the hub on loopback.

``running_hub`` yields once the hub answers and stops the hub, every learner's JupyterLab, the services,
the learners' system users and the embedded PostgreSQL afterwards, whatever happened.
"""
import contextlib
import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from hub_client import HubClient
import hub_python
from keyaccount.course import create, gradebook_db
from keyaccount.course.layout import Course
from keyaccount.hub import launch
from keyaccount.hub.accounts import PASSWORDS
from keyaccount.hub.config import SETTINGS
from keyaccount.hub.spawner import USER_PREFIX


@dataclass
class RunningHub:
    setup: launch.HubSetup
    client: HubClient
    course: Course
    trainer: str
    learners: list[str]
    passwords: dict[str, str]
    tag: str
    log: Path
    roster: Path
    server: subprocess.Popen
    prepare: dict

    @property
    def accounts(self) -> list[str]:
        return self.learners

    def start_server(self, account: str, token: str) -> None:
        start_lab(self.client, account, token)

    def change_password(self, account: str, new: str) -> str:
        """Log in with the initial password, change it, and return a token made with the new one."""
        change_password(HubClient(self.client.base), account, self.passwords[account], new)
        return self.client.token(account, new)[1]["token"]

    def restart(self, keep: list[str]) -> None:
        """Stop the hub (as Ctrl+C does) and start it again with only the learners ``keep`` on the roster."""
        stop_hub(self.server)
        with self.roster.open(encoding="utf-8") as handle:
            rows = [row for row in csv.reader(handle)]
        _write_roster(self.roster, [row for row in rows[1:] if row[1] in keep])
        with hub_python.hub_python():
            self.setup = launch.prepare(self.course, self.roster, **self.prepare)
            self.server = _start(self.setup, self.log)
        wait_for_hub(self.client, self.server, self.log)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _started_by(setup: launch.HubSetup) -> list[int]:
    """The processes still running for this hub: their environment names its internal API."""
    api = f"JUPYTERHUB_API_URL=http://127.0.0.1:{json.loads((setup.hub_dir / SETTINGS).read_text())['hub_port']}/"
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and api.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


@contextlib.contextmanager
def running_hub(tmp: Path, names: list[str] | None = None, learners: int = 0, before_start=lambda course: None,
                **prepare):
    """A hub for learners called ``names`` (or ``learners`` made-up ones), accounts tagged so parallel runs
    never collide, with the embedded PostgreSQL gradebook; ``before_start(course)`` runs once the course
    and its gradebook are ready."""
    if hub_python.missing():
        pytest.skip(hub_python.missing())
    tag = secrets.token_hex(3)
    names = names or [f"学员{i}" for i in range(learners)]
    accounts = [f"l{i}-{tag}" for i in range(len(names))]
    roster = tmp / "名单.csv"
    _write_roster(roster, [[name, account, "一组"] for name, account in zip(names, accounts)])
    course = create.init_course(tmp / "课程", ROOT / "solutions").course
    prepare = {"port": free_port(), "ip": "127.0.0.1", "trainer": f"t{tag}", **prepare}
    with hub_python.hub_python():  # as root: one learners' system users can run
        setup = launch.prepare(course, roster, **prepare)
        before_start(course)
        log_path = tmp / "hub.log"
        server = _start(setup, log_path)
    client = HubClient(f"http://127.0.0.1:{prepare['port']}")
    hub = None
    try:
        wait_for_hub(client, server, log_path)
        with (setup.hub_dir / PASSWORDS).open(encoding="utf-8-sig") as handle:
            passwords = {row["账号"]: row["初始密码"] for row in csv.DictReader(handle)}
        hub = RunningHub(setup, client, Course.at(course.root), f"t{tag}", accounts, passwords, tag, log_path, roster,
                         server, prepare)
        yield hub
    finally:
        stop_hub(hub.server if hub else server)
        leftover = _started_by(setup)  # learners' JupyterLabs (stopping the hub leaves them running) and the like
        for pid in leftover:
            os.kill(pid, signal.SIGKILL)
        for pid in leftover:  # gone before their system users are removed (userdel refuses a user still running)
            while Path(f"/proc/{pid}").exists() and "Z" not in _state(pid):
                time.sleep(0.1)
        for account in accounts:
            subprocess.run(["userdel", "--remove", USER_PREFIX + account], capture_output=True, check=False)
        gradebook_db.stop_embedded(course.root)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def _write_roster(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["姓名", "账号", "分组"])
        writer.writerows(rows)


def _start(setup: launch.HubSetup, log_path: Path) -> subprocess.Popen:
    with open(log_path, "a") as log:  # the hub keeps its own copy of the file
        return subprocess.Popen(launch.hub_command(setup), cwd=setup.hub_dir, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)


def stop_hub(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def wait_for_hub(client: HubClient, server: subprocess.Popen, log: Path) -> None:
    """Until the hub answers; its log as the error when it stopped or never answered."""
    for _ in range(240):
        if server.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            if client.api("GET", "/hub/api")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(log.read_text())


def start_lab(client: HubClient, account: str, token: str) -> None:
    client.api("POST", f"/hub/api/users/{account}/server", token=token)
    for _ in range(240):
        status, user = client.api("GET", f"/hub/api/users/{account}", token=token)
        if user.get("servers", {}).get("", {}).get("ready"):
            return
        time.sleep(0.5)
    raise TimeoutError(f"{account}'s JupyterLab did not start")


def change_password(client: HubClient, account: str, old: str, new: str) -> str:
    """Log in with the initial password (which lands on the change-password page) and change it; the page."""
    client.jar.clear()  # a fresh browser: whoever logged in before is forgotten
    client.form("/hub/login", {"username": account, "password": old})
    return client.form("/hub/change-password", {"old_password": old, "new_password": new,
                                                "new_password_confirmation": new})
