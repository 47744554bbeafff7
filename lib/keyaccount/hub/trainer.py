"""The trainer's own server on the workshop hub: JupyterLab in the course folder, so that nbgrader's
formgrader (``/user/<trainer>/formgrader``) grades written answers against the course's gradebook.

Learners keep their workspaces (``WorkshopSpawner``); the hub's admin — the trainer — runs as the hub's
own user (the owner of the course folder and the gradebook), never as a learner's system user.
Formgrader opens in a browser tab of its own: JupyterHub ≥ 4.1 forbids single-user pages in iframes
(``frame-ancestors 'none'``), which leaves formgrader's panel inside JupyterLab blank (nbgrader #1870).
"""
import asyncio
import os
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Unicode

from keyaccount import webfont
from keyaccount.hub.auth import refuse_initial_password
from keyaccount.hub.spawner import WorkshopSpawner


class CourseSpawner(WorkshopSpawner):
    course = Unicode(config=True, help="The course folder: where the trainer's JupyterLab and formgrader run.")

    @property
    def trainer(self) -> bool:
        return bool(self.user.admin)

    @property
    def trainer_dir(self) -> Path:
        """The trainer's JupyterLab settings and home, beside the passwords in the hub folder (0700)."""
        return Path(self.course) / "hub" / "trainer"

    def make_preexec_fn(self, name):
        if not self.trainer:
            return super().make_preexec_fn(name)
        course = self.course
        return lambda: os.chdir(course)  # formgrader reads nbgrader_config.py from the working folder

    def user_env(self, env):
        if not self.trainer:
            return super().user_env(env)
        env.update(USER=self.user.name, HOME=str(self.trainer_dir / "home"),
                   JUPYTER_CONFIG_DIR=str(self.trainer_dir / "lab"))  # the kit's web font; nbgrader's panels kept
        return env

    async def start(self):
        if not self.trainer:
            return await super().start()
        refuse_initial_password(self)
        (self.trainer_dir / "home").mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(webfont.lab_options, self.trainer_dir / "lab")  # the hub keeps answering meanwhile
        self.notebook_dir = self.course
        self.default_url = "/lab"
        if os.geteuid() == 0 and "--ServerApp.allow_root=True" not in self.args:
            self.args = [*self.args, "--ServerApp.allow_root=True"]  # the hub's user is root: so is the course's
        return await LocalProcessSpawner.start(self)
