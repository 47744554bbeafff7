"""A workshop hub where learners run as their own system users, set up as a trainer would: the kit's wheel
with the [hub] extra in an environment every account can run (Debian's Python, outside /root), a course
made with `keyaccount course init`, the hub started as root with `keyaccount hub`. From one learner's
kernel, code tries to read and change another learner's work, the gradebook, the course source with its
answer keys and the hub's own files: every attempt is refused, and the kernel runs as `ka-<learner>`."""
import csv
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT
from hub_client import HubClient
from lab_kernel import run_in_kernel
from hub_fixture import change_password, free_port, start_lab, wait_for_hub
from keyaccount.course import gradebook_db
from test_wheel import wheel  # noqa: F401 (the fixture building the kit's wheel)

SYSTEM_PYTHON = Path("/usr/bin/python3")
# Pins of constraints.txt (frozen on a newer 3.11) that Debian 12's Python 3.11.2 cannot install:
# soupsieve 4 needs Python >= 3.11.5; pip picks the newest that fits instead.
NEEDS_NEWER_PYTHON = ("soupsieve==",)


def missing() -> str | None:
    """What this machine lacks for the test, or None."""
    if os.name != "posix" or os.geteuid() != 0:
        return "must run as root (creates system users)"
    for tool in ("useradd", "userdel", "configurable-http-proxy"):
        if shutil.which(tool) is None:
            return f"needs {tool}"
    if not SYSTEM_PYTHON.is_file():
        return f"needs the system Python at {SYSTEM_PYTHON} (Debian: apt-get install python3)"
    if subprocess.run([str(SYSTEM_PYTHON), "-c", "import ensurepip, venv"], capture_output=True).returncode:
        return "needs venv for the system Python (Debian: apt-get install python3-venv)"
    return None


pytestmark = [pytest.mark.slow, pytest.mark.skipif(missing() is not None, reason=str(missing()))]

PROBE = r"""
import json, os, pwd
def attempt(op, path):
    try:
        if op == "list":
            os.listdir(path)
        elif op == "read":
            open(path, "rb").read(1)
        elif op == "create":
            open(os.path.join(path, "intruder.txt"), "x").close()
        elif op == "modify":
            open(path, "r+b").close()
        elif op == "connect":
            import psycopg
            psycopg.connect(path, connect_timeout=5).close()
        return "allowed"
    except PermissionError as error:
        return f"refused: {error}"
    except Exception as error:
        refused = "Permission denied" in str(error)
        return f"{'refused' if refused else 'error'}: {type(error).__name__}: {error}"
print(json.dumps({"user": pwd.getpwuid(os.getuid()).pw_name,
                  "results": {label: attempt(op, path) for label, op, path in TARGETS}}, ensure_ascii=False))
"""


def processes_of(uids: set[int]) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and _owner(p) in uids]


def _owner(pid: str) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except FileNotFoundError:
        return None


def stop(hub: subprocess.Popen | None, pgdata: Path, accounts: list[str]) -> None:
    """The hub (Ctrl+C, as a trainer would), then anything of this test still running, then its system users."""
    if hub is not None and hub.poll() is None:
        os.killpg(hub.pid, signal.SIGINT)
        try:
            hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait(timeout=30)
    gradebook_db.stop_embedded(pgdata.parent)  # the embedded PostgreSQL this test's hub started
    uids = set()
    for account in accounts:
        try:
            uids.add(pwd.getpwnam("ka-" + account).pw_uid)
        except KeyError:
            pass
    for pid in processes_of(uids):  # learners' labs and kernels the hub did not stop
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for account in accounts:
        subprocess.run(["userdel", "--remove", "ka-" + account], capture_output=True, check=False)


@pytest.fixture(scope="module")
def isolated_hub(wheel):  # noqa: F811
    tag = secrets.token_hex(3)
    accounts = [f"a{tag}", f"b{tag}"]
    base = Path(tempfile.mkdtemp(prefix="ka-isolation-", dir="/tmp"))
    os.chmod(base, 0o755)  # like /srv or /opt: every account may pass through
    env_dir, course_dir = base / "env", base / "课程"
    pgdata = course_dir / "gradebook-pg"
    run_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run_env["PATH"] = os.pathsep.join([str(env_dir / "bin"), run_env["PATH"]])
    hub = None
    try:
        subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", str(env_dir)], check=True, capture_output=True)
        pins = base / "constraints.txt"
        pins.write_text("".join(line for line in (ROOT / "constraints.txt").read_text().splitlines(keepends=True)
                                if not line.startswith(NEEDS_NEWER_PYTHON)))
        installed = subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", "-c", str(pins),
                                    f"{wheel}[hub]"], capture_output=True, text=True, timeout=900)
        assert installed.returncode == 0, installed.stderr[-3000:]
        keyaccount = str(env_dir / "bin" / "keyaccount")
        subprocess.run([keyaccount, "course", "init", str(course_dir), "--source", str(ROOT / "solutions")],
                       check=True, capture_output=True, env=run_env, cwd=base)
        os.chmod(course_dir, 0o755)  # as a course folder copied or unpacked by the trainer may well be
        roster = base / "名单.csv"
        roster.write_text("姓名,账号\n" + "".join(f"学员{i},{a}\n" for i, a in enumerate(accounts)), encoding="utf-8")
        port = free_port()
        log = base / "hub.log"
        with log.open("w") as out:
            hub = subprocess.Popen([keyaccount, "--course", str(course_dir), "hub", "--roster", str(roster),
                                    "--port", str(port), "--ip", "127.0.0.1", "--trainer", f"t{tag}"],
                                   cwd=base, env=run_env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        client = HubClient(f"http://127.0.0.1:{port}")
        wait_for_hub(client, hub, log)
        settings = json.loads((course_dir / "hub" / "settings.json").read_text(encoding="utf-8"))
        assert settings["isolated"], log.read_text()
        with (course_dir / "hub" / "初始密码.csv").open(encoding="utf-8-sig") as handle:
            initial = {row["账号"]: row["初始密码"] for row in csv.DictReader(handle)}
        tokens = {}
        for account in accounts:
            change_password(HubClient(client.base), account, initial[account], f"{account}-own-2026")  # own cookies
            tokens[account] = client.token(account, f"{account}-own-2026")[1]["token"]
            start_lab(client, account, tokens[account])
        yield client, accounts, tokens, course_dir, pgdata
    finally:
        stop(hub, pgdata, accounts)
        shutil.rmtree(base, ignore_errors=True)


def gradebook_url(pgdata: Path) -> str:
    """The embedded PostgreSQL's address, from its postmaster.pid (port, socket folder)."""
    lines = (pgdata / "postmaster.pid").read_text().splitlines()
    return f"postgresql://postgres@/postgres?host={lines[4]}&port={lines[3]}"


def test_each_learner_kernel_runs_as_their_own_system_user(isolated_hub):
    client, accounts, tokens, *_ = isolated_hub
    for account in accounts:
        out = run_in_kernel(client, account, tokens[account], "import os, pwd; print(pwd.getpwuid(os.getuid()).pw_name)")
        assert out.strip() == "ka-" + account


def test_a_learner_cannot_reach_another_learner_the_gradebook_the_keys_or_the_hub(isolated_hub):
    client, (learner, other), tokens, course, pgdata = isolated_hub
    mine = Path(pwd.getpwnam("ka-" + learner).pw_dir) / "大客户销售训练营"
    theirs = Path(pwd.getpwnam("ka-" + other).pw_dir)
    # The other learner's submission and feedback, where the grading engine keeps them (written as root).
    submitted = course / "submitted" / other / "funnel_forecast" / "funnel_forecast.ipynb"
    feedback = course / "feedback" / other / "funnel_forecast" / "funnel_forecast.html"
    for path, source in ((submitted, theirs / "大客户销售训练营" / "exercises" / "funnel_forecast" / "funnel_forecast.ipynb"),
                         (feedback, None)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(source.read_bytes() if source else "<p>85 分</p>".encode())
    hub_dir = course / "hub"
    refused = [
        ("另一位学员的主目录", "list", theirs),
        ("另一位学员的学习文件夹", "list", theirs / "大客户销售训练营"),
        ("另一位学员的练习", "read", theirs / "大客户销售训练营" / "exercises" / "funnel_forecast" / "funnel_forecast.ipynb"),
        ("往另一位学员的文件夹里写", "create", theirs / "大客户销售训练营"),
        ("另一位学员交的作业", "read", submitted),
        ("所有学员交的作业", "list", course / "submitted"),
        ("另一位学员的反馈", "read", feedback),
        ("往反馈文件夹里写", "create", feedback.parent),
        ("成绩库 SQLite 文件", "read", course / "gradebook.db"),
        ("改成绩库 SQLite 文件", "modify", course / "gradebook.db"),
        ("成绩库 PostgreSQL 数据文件夹", "list", pgdata),
        ("成绩库 PostgreSQL 数据文件", "read", pgdata / "PG_VERSION"),
        ("连上成绩库 PostgreSQL", "connect", gradebook_url(pgdata)),
        ("课程源文件夹", "list", course / "source"),
        ("练习的教师版", "read", course / "source" / "funnel_forecast" / "funnel_forecast.ipynb"),
        ("答案表", "read", course / "source" / "funnel_forecast" / "answer_key.py"),
        ("课程文件夹", "list", course),
        ("往课程文件夹里写", "create", course),
        ("nbgrader 的交换文件夹", "create", course / "exchange"),
        ("服务器文件夹", "list", hub_dir),
        ("初始密码文件", "read", hub_dir / "初始密码.csv"),
        ("服务器的用户库", "read", hub_dir / "jupyterhub.sqlite"),
        ("服务器的 cookie 密钥", "read", hub_dir / "jupyterhub_cookie_secret"),
    ]
    for label, op, path in refused:
        if op != "connect":
            assert Path(path).exists(), f"{label}: {path} should exist for the check to mean anything"
    import psycopg
    with psycopg.connect(gradebook_url(pgdata), connect_timeout=5) as db:  # the trainer's side still reaches it
        assert db.execute("SELECT count(*) FROM assignment").fetchone()[0] >= 0
    allowed = [("自己的学习文件夹", "list", mine), ("往自己的学习文件夹里写", "create", mine)]
    targets = [(label, op, str(path)) for label, op, path in allowed + refused]
    out = run_in_kernel(client, learner, tokens[learner], f"TARGETS = {targets!r}\n{PROBE}")
    report = json.loads(out)
    assert report["user"] == "ka-" + learner
    results = report["results"]
    assert [results[label] for label, *_ in allowed] == ["allowed"] * len(allowed), results
    leaks = {label: results[label] for label, *_ in refused if not results[label].startswith("refused")}
    assert not leaks, f"{learner} reached: {leaks}"
