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
from keyaccount.hub.submissions import DEFAULT_LIMIT

CONFIG = """\
from keyaccount.hub.config import configure

configure(get_config(), {hub_dir!r})  # noqa: F821 (injected by JupyterHub)
"""
PROXY = "configurable-http-proxy"


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
            lines.append(f"⚠ 学员没有各用一个系统账户（{self.problem}）：学员之间、学员和成绩库之间的隔离较弱。")
        return "\n".join(lines)


def prepare(course: Course, roster: Path, port: int = 8000, ip: str = "0.0.0.0", trainer: str = "trainer",
            isolate: bool = True, db: str = gradebook_db.EMBEDDED, submit_limit: int | None = None) -> HubSetup:
    """The hub folder in the course: accounts and passwords, settings and JupyterHub's config; the
    gradebook moved to PostgreSQL (``db``: embedded or a URL) if it is still SQLite; ``submit_limit``:
    submissions per learner and assignment (``keyaccount hub limit`` sets one assignment's)."""
    learners = read_roster(roster)
    if trainer in {learner.account for learner in learners}:
        raise ValueError(f"培训师账号 {trainer} 和名单里的学员重名：请用 --trainer 换一个。")
    if course.db_url.startswith("sqlite"):  # several graders and concurrent submissions need PostgreSQL
        gradebook_db.migrate(course.root, course.db_url, db)
    hub_dir = course.root / "hub"
    hub_dir.mkdir(exist_ok=True)
    os.chmod(hub_dir, 0o700)
    result = accounts(hub_dir, learners, trainer)
    problem = "按 --no-isolation 关闭" if not isolate else isolation_problem()
    isolated = problem is None
    settings = {"ip": ip, "port": port, "hub_port": _free_port(), "proxy_api_port": _free_port(),
                "submit_port": _free_port(),
                "submit_limit": DEFAULT_LIMIT if submit_limit is None else submit_limit,
                "trainer": trainer, "isolated": isolated, "learners": [learner.account for learner in learners]}
    (hub_dir / SETTINGS).write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
    setup = HubSetup(hub_dir, f"http://{'localhost' if ip in ('127.0.0.1', '0.0.0.0') else ip}:{port}/", result,
                     isolated, problem)
    setup.config.write_text(CONFIG.format(hub_dir=str(hub_dir)), encoding="utf-8")
    if isolated:  # learners' system users never enter the course (keys, submissions, gradebook), however it was copied
        os.chmod(course.root, course.root.stat().st_mode & ~0o007)
    return setup


def _free_port() -> int:
    """A port for the hub's internal API or the proxy's, so two hubs on one machine do not collide."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
