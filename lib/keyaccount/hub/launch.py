"""``keyaccount hub --course FOLDER --roster ROSTER``: one JupyterHub for the class, on this machine."""
import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from keyaccount.course import gradebook_db
from keyaccount.course.layout import Course
from keyaccount.hub.accounts import PASSWORDS, Account, accounts
from keyaccount.hub.config import SETTINGS
from keyaccount.hub.roster import read_roster
from keyaccount.hub.spawner import isolation_problem
from keyaccount.hub.submissions import DEFAULT_LIMIT, checked_limit, read_json

CONFIG = """\
from keyaccount.hub.config import configure

configure(get_config(), {hub_dir!r})  # noqa: F821 (injected by JupyterHub)
"""
PROXY = "configurable-http-proxy"
PORTS = ("hub_port", "proxy_api_port", "submit_port", "dashboard_port")  # internal: kept across restarts
KIT_ELSEWHERE = ('请把工具包装进其他账户也能运行的 Python，再用它启动，例如：\n'
                 '  python3 -m venv /opt/keyaccount && /opt/keyaccount/bin/pip install "keyaccount[hub]"\n'
                 '  sudo /opt/keyaccount/bin/keyaccount hub --course 课程文件夹 --roster 名单.xlsx')
AS_ROOT = "学员的 JupyterLab 和终端就会是 root，能读答案表和所有人的密码、改成绩库"


@dataclass(frozen=True)
class HubSetup:
    hub_dir: Path
    url: str
    accounts: list[Account]
    isolated: bool
    problem: str | None = None

    @property
    def config(self) -> Path:
        return self.hub_dir / "jupyterhub_config.py"

    def summary(self) -> str:
        trainer = self.accounts[0]
        lines = [f"工作坊服务器：{self.url}",
                 f"培训师账号 {trainer.account}，初始密码 {trainer.password}（管理员）",
                 f"{len(self.accounts) - 1} 位学员的账号和初始密码：{self.hub_dir / PASSWORDS}（只有你能读）",
                 "学员第一次登录后要先修改密码（/hub/change-password）。",
                 f"培训师看板（只有培训师能打开）：{self.url}services/dashboard/"]
        if not self.isolated:
            lines.append(f"⚠ 学员没有各用一个系统账户（{self.problem}）：学员的 JupyterLab 以你的账户运行，"
                         "能读到彼此的文件和课程文件夹。只在信得过的小范围里这样用。")
        return "\n".join(lines)


def isolation(isolate: bool) -> str | None:
    """Why learners will not have system users of their own (None: they will); a ValueError when the hub
    runs as root and cannot give them one: a learner's JupyterLab must never run as root."""
    if os.name == "posix" and os.geteuid() == 0:
        if not isolate:
            raise ValueError(f"以 root 运行时不能用 --no-isolation：{AS_ROOT}。去掉 --no-isolation（每位学员用自己的"
                             "系统账户），或者用普通账户（不是 root）运行 keyaccount hub --no-isolation。")
        problem = isolation_problem()
        if problem:
            raise ValueError(f"以 root 运行时，每位学员必须用自己的系统账户，否则{AS_ROOT}。这台机器上做不到：{problem}。\n"
                             f"{KIT_ELSEWHERE}\n不需要隔离时，用普通账户（不是 root）运行 keyaccount hub --no-isolation。")
        return None
    return "按 --no-isolation 关闭" if not isolate else isolation_problem()


def prepare(course: Course, roster: Path, port: int = 8000, ip: str = "0.0.0.0", trainer: str = "trainer",
            isolate: bool = True, db: str | None = None, submit_limit: int | None = None) -> HubSetup:
    """The hub folder in the course: accounts and passwords, settings and JupyterHub's config; the
    gradebook moved to PostgreSQL (``db``: embedded, the default, or a URL) if it is still SQLite;
    ``submit_limit``: submissions per learner and assignment (``keyaccount hub limit`` sets one assignment's)."""
    problem = isolation(isolate)
    learners = read_roster(roster)
    if trainer in {learner.account for learner in learners}:
        raise ValueError(f"培训师账号 {trainer} 和名单里的学员重名：请用 --trainer 换一个。")
    limit = DEFAULT_LIMIT if submit_limit is None else checked_limit(submit_limit)
    _gradebook(course, db)
    hub_dir = course.root / "hub"
    hub_dir.mkdir(exist_ok=True)
    os.chmod(hub_dir, 0o700)
    result = accounts(hub_dir, learners, trainer)
    isolated = problem is None
    before = read_json(hub_dir / SETTINGS)
    settings = {"ip": ip, "port": port, **{name: _port(before.get(name)) for name in PORTS}, "submit_limit": limit,
                "trainer": trainer, "isolated": isolated, "learners": [learner.account for learner in learners]}
    (hub_dir / SETTINGS).write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
    setup = HubSetup(hub_dir, f"http://{_address(ip)}:{port}/", result, isolated, problem)
    setup.config.write_text(CONFIG.format(hub_dir=str(hub_dir)), encoding="utf-8")
    if isolated:  # learners' system users never enter the course (keys, submissions, gradebook), however it was copied
        os.chmod(course.root, course.root.stat().st_mode & ~0o007)
    return setup


def _gradebook(course: Course, db: str | None) -> None:
    """A SQLite gradebook moves to ``db`` (default: the embedded PostgreSQL): several graders and concurrent
    submissions need PostgreSQL. A course already on PostgreSQL keeps it; a different ``db`` is refused."""
    chosen = gradebook_db.chosen(course.root)
    if not chosen:
        gradebook_db.migrate(course.root, course.db_url, db or gradebook_db.EMBEDDED)
    elif db is not None and db != chosen:
        shown = "内置的 PostgreSQL（embedded）" if chosen == gradebook_db.EMBEDDED else chosen
        raise ValueError(f"课程 {course.root} 的成绩库已经在 {shown}，--db 给的是 {db}：没有启动，也没有换库。"
                         f"继续用现在的成绩库，去掉 --db 即可；要搬到 {db}，先运行 keyaccount course db --course "
                         f"{course.root} --to {db}（成绩一条不少），再启动。")


def _port(before: int | None) -> int:
    """The hub's internal port from the last start when it is still free (learners' running JupyterLabs
    talk to the hub's API there), otherwise a free one, so two hubs on one machine do not collide."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the hub binds it: closed connections may linger
        try:
            s.bind(("127.0.0.1", before or 0))
        except OSError:
            s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _address(ip: str) -> str:
    """The address learners type: this machine's network address when the hub listens on all of them."""
    if ip == "127.0.0.1":
        return "localhost"
    if ip not in ("0.0.0.0", "", "::"):
        return ip
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 80))  # no packet is sent: this only picks the outgoing interface
            return s.getsockname()[0]
        except OSError:
            return socket.gethostname()


def hub_command(setup: HubSetup) -> list[str]:
    return [sys.executable, "-m", "jupyterhub", "-f", str(setup.config)]


def run(setup: HubSetup) -> int:
    """Run the hub until Ctrl+C."""
    if shutil.which(PROXY) is None:
        raise FileNotFoundError(f"找不到 {PROXY}（JupyterHub 的代理）：请先安装 Node.js，再运行 npm install -g {PROXY}。")
    server = subprocess.Popen(hub_command(setup), cwd=setup.hub_dir)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return server.wait()
