"""The workshop hub on Kubernetes (Zero to JupyterHub, see deploy/README.md).

In the hub pod, ``hub.extraConfig`` calls ``configure(c, course, roster)``: the roster's accounts with
their initial passwords (``<course>/hub/初始密码.csv``, as with ``keyaccount hub``), the Chinese log-in
pages, no sign-up, the trainer as admin, no JupyterLab before the initial password is changed.
Each learner's pod runs ``python -m keyaccount.hub.k8s jupyterhub-singleuser …``: their workspace is made
or brought up to date in their home (their own files kept), then JupyterLab starts in it.
"""
import os
import sys
from pathlib import Path

from keyaccount import workspace
from keyaccount.hub.accounts import accounts
from keyaccount.hub.auth import refuse_initial_password
from keyaccount.hub.config import log_in_and_pages
from keyaccount.hub.roster import read_roster

HOME = "/home/jovyan"  # the learner's home volume in the singleuser pod (Z2JH's default)


def configure(c, course: str, roster: str, trainer: str = "trainer") -> None:
    """Fill Zero to JupyterHub's config ``c`` (in ``hub.extraConfig``) for the course and its roster."""
    hub = Path(course) / "hub"
    hub.mkdir(mode=0o700, parents=True, exist_ok=True)
    learners = read_roster(Path(roster))
    if trainer in {learner.account for learner in learners}:
        raise ValueError(f"培训师账号 {trainer} 和名单里的学员重名。")
    accounts(hub, learners, trainer)
    log_in_and_pages(c, hub, [learner.account for learner in learners], trainer)
    spawner = c.KubeSpawner  # Z2JH configures KubeSpawner's section: set ours there too, after it
    spawner.pre_spawn_hook = refuse_initial_password  # no JupyterLab before the initial password is changed
    folder = f"{HOME}/{workspace.FOLDER_NAME}"
    spawner.notebook_dir = folder
    spawner.default_url = f"/lab/tree/{workspace.INDEX}"
    spawner.environment = {**spawner.get("environment", {}), "KEYACCOUNT_CASES": f"{folder}/cases"}


def main(argv: list[str]) -> None:
    """In the learner's pod: the workspace in their home, then ``argv`` (JupyterLab) in its place."""
    folder = Path(os.environ.get("HOME", HOME)) / workspace.FOLDER_NAME
    workspace.update(folder)
    workspace.prepare_for_lab(folder)
    os.execvp(argv[0], argv)


if __name__ == "__main__":
    main(sys.argv[1:])
