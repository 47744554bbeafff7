"""Each learner's JupyterLab on the workshop hub: in their own workspace, as their own system user
where the machine allows it (Linux, hub run as root), otherwise as the hub's user in a folder of their own."""
import asyncio
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from tornado import web
from traitlets import Bool, Unicode

from keyaccount import webfont, workspace
from keyaccount.hub.auth import refuse_initial_password
from keyaccount.hub.released import released_files

USER_PREFIX = "ka-"  # system users of the workshop: ka-<account>
# Every learner's JupyterLab reads the kit's settings (web font, quiet kernels, no nbgrader trainer panels)
# from one folder in the hub's environment, made once at hub start; its own settings stay in its workspace.
LAB_CONFIG = Path(sys.prefix) / "share" / "keyaccount" / "hub-lab"


def prepare_lab_config() -> list[str]:
    """Make the shared JupyterLab settings folder (readable by every learner); JupyterLab's arguments for it."""
    args, _ = webfont.lab_options(LAB_CONFIG, learner=True)
    for folder, dirs, files in os.walk(LAB_CONFIG):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    return args


def isolation_problem() -> str | None:
    """Why learners cannot run as separate system users here, or None when they can."""
    if not sys.platform.startswith("linux"):
        return "需要 Linux"
    if os.geteuid() != 0:
        return "需要以 root 运行"
    if shutil.which("useradd") is None:
        return "找不到 useradd（Debian/Ubuntu：apt-get install passwd）"
    for path in (Path(sys.executable).resolve(), Path(sys.executable).parent, Path(workspace.__file__)):
        for folder in path.parents:
            if not os.stat(folder).st_mode & 0o001:
                return f"Python 或课程包装在其他账户进不去的文件夹里（{folder}）"
    return None


def can_isolate() -> bool:
    return isolation_problem() is None


def system_user(account: str) -> Path:
    """The learner's system user ``ka-<account>``, made when missing; its home, closed to everyone else."""
    name = USER_PREFIX + account
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/usr/sbin/nologin", "--comment",
                        f"keyaccount learner {account}", name], check=True)
    home = Path(pwd.getpwnam(name).pw_dir)
    os.chmod(home, 0o700)  # no learner reads another's folder
    return home


class WorkshopSpawner(LocalProcessSpawner):
    isolated = Bool(False, config=True, help="Run each learner as their own system user (needs root on Linux).")
    workspaces = Unicode(config=True, help="Where learners' folders live when not isolated.")
    release = Unicode("", config=True, help="The course's release folder: what the trainer released reaches "
                                            "every workspace's exercises/.")

    @property
    def system_name(self) -> str:
        return USER_PREFIX + self.user.name

    @property
    def home(self) -> Path:
        if self.isolated:
            return Path(pwd.getpwnam(self.system_name).pw_dir)
        return Path(self.workspaces) / self.user.name

    @property
    def workspace(self) -> Path:
        return self.home / workspace.FOLDER_NAME

    def make_preexec_fn(self, name):
        if self.isolated:
            return super().make_preexec_fn(self.system_name)
        folder = str(self.workspace)
        return lambda: os.chdir(folder)

    def user_env(self, env):
        env.update(USER=self.system_name if self.isolated else self.user.name, HOME=str(self.home),
                   KEYACCOUNT_CASES=str(self.workspace / "cases"), JUPYTER_CONFIG_DIR=str(LAB_CONFIG),
                   JUPYTERLAB_SETTINGS_DIR=str(self.workspace / workspace.KIT_DIR / "lab" / "user-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.workspace / workspace.KIT_DIR / "lab" / "workspaces"))
        return env

    async def start(self):
        refuse_initial_password(self)
        if not self.isolated and os.geteuid() == 0:  # keyaccount hub refuses this; a hand-made config too
            raise web.HTTPError(500, "工作坊服务器以 root 运行却不能给学员各建一个系统账户：学员的 JupyterLab 不会以 root "
                                     "启动。请培训师按 keyaccount hub 的提示重新启动服务器。")
        await asyncio.to_thread(self._prepare)  # the hub keeps answering while a workspace is made
        self.notebook_dir = str(self.workspace)
        self.default_url = f"/lab/tree/{workspace.INDEX}"
        return await super().start()

    def _prepare(self) -> None:
        """The learner's system user and workspace, made or brought up to date (their own files kept)."""
        if self.isolated:
            system_user(self.user.name)
        workspace.update(self.workspace, released_files(Path(self.release)) if self.release else None)
        workspace.prepare_for_lab(self.workspace)
        if self.isolated:
            entry = pwd.getpwnam(self.system_name)
            for path in (self.workspace, *self.workspace.rglob("*")):
                os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
