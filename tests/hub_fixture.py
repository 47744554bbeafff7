"""A workshop hub for a test: a course from the repository's solutions, a roster, the hub on loopback.

``running_hub`` yields once the hub answers and stops the hub, every learner's JupyterLab and the
learners' system users afterwards, whatever happened.
"""
import contextlib
import csv
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT
from hub_client import HubClient
from keyaccount.course import create
from keyaccount.course.layout import Course
from keyaccount.hub import launch
from keyaccount.hub.accounts import PASSWORDS
from keyaccount.hub.spawner import USER_PREFIX


@dataclass
class Hub:
    setup: launch.HubSetup
    client: HubClient
    accounts: list[str]
    passwords: dict[str, str]
    course: Course
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_hub(tmp: Path, learners: int, before_start=lambda course: None, **prepare):
    """A hub with ``learners`` learners (accounts tagged so parallel runs never collide);
    ``before_start(course)`` runs once the course and its PostgreSQL gradebook are ready."""
    tag = secrets.token_hex(3)
    accounts = [f"l{i}-{tag}" for i in range(learners)]
    roster = tmp / "名单.csv"
    roster.write_text("姓名,账号,分组\n" + "".join(f"学员{i},{a},A\n" for i, a in enumerate(accounts)), encoding="utf-8")
    course = create.init_course(tmp / "课程", ROOT / "solutions").course
    port = free_port()
    setup = launch.prepare(course, roster, port=port, ip="127.0.0.1", trainer=f"t{tag}", **prepare)
    before_start(course)
    log_path = tmp / "hub.log"
    log = open(log_path, "w")
    server = subprocess.Popen(launch.hub_command(setup), cwd=setup.hub_dir, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    client = HubClient(f"http://127.0.0.1:{port}")
    try:
        for _ in range(240):
            if server.poll() is not None:
                raise RuntimeError(log_path.read_text())
            try:
                if client.api("GET", "/hub/api")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        with (setup.hub_dir / PASSWORDS).open(encoding="utf-8-sig") as handle:
            passwords = {row["账号"]: row["初始密码"] for row in csv.DictReader(handle)}
        yield Hub(setup, client, accounts, passwords, course, log_path)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
        subprocess.run(["pkill", "-f", f"jupyterhub-singleuser.*{tag}"], check=False)
        for account in accounts:
            subprocess.run(["userdel", "--remove", USER_PREFIX + account], capture_output=True, check=False)


def start_lab(client: HubClient, account: str, token: str) -> None:
    client.api("POST", f"/hub/api/users/{account}/server", token=token)
    for _ in range(240):
        status, user = client.api("GET", f"/hub/api/users/{account}", token=token)
        if user.get("servers", {}).get("", {}).get("ready"):
            return
        time.sleep(0.5)
    raise TimeoutError(f"{account}'s JupyterLab did not start")


def change_password(client: HubClient, account: str, old: str, new: str) -> str:
    client.jar.clear()  # a fresh browser: whoever logged in before is forgotten
    client.form("/hub/login", {"username": account, "password": old})  # lands on the change-password page
    return client.form("/hub/change-password", {"old_password": old, "new_password": new,
                                                "new_password_confirmation": new})
