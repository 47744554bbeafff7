"""The JupyterHub configuration of a workshop, from the settings ``keyaccount hub`` writes to the hub folder."""
import json
import shutil
import sys
from pathlib import Path

from keyaccount.hub import dashboard, pages
from keyaccount.hub.spawner import can_isolate, prepare_lab_config

SETTINGS = "settings.json"


def log_in_and_pages(c, hub: Path, learners, trainer: str) -> None:
    """Accounts only from the roster (passwords file in ``hub``), the trainer as admin, the Chinese pages."""
    c.JupyterHub.template_paths = [str(pages.TEMPLATES)]  # Chinese pages with the web font
    c.JupyterHub.template_vars = pages.template_vars()
    c.JupyterHub.authenticator_class = "keyaccount.hub.auth.WorkshopAuthenticator"
    c.WorkshopAuthenticator.hub_dir = str(hub)
    c.Authenticator.allowed_users = set(learners)
    c.Authenticator.allow_existing_users = False  # taken off the roster: no log-in after the next start
    c.Authenticator.delete_invalid_users = True  # ... and no session or token (see WorkshopAuthenticator.add_user)
    c.Authenticator.admin_users = {trainer}
    c.NativeAuthenticator.minimum_password_length = 8


def configure(c, hub_dir: str) -> None:
    """Fill the JupyterHub config object ``c`` for the hub in ``hub_dir``."""
    hub = Path(hub_dir)
    settings = json.loads((hub / SETTINGS).read_text(encoding="utf-8"))
    c.JupyterHub.bind_url = f"http://{settings['ip']}:{settings['port']}"
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings["hub_port"]
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['proxy_api_port']}"
    c.JupyterHub.db_url = f"sqlite:///{hub / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(hub / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(hub / "jupyterhub.pid")
    c.ConfigurableHTTPProxy.pid_file = str(hub / "proxy.pid")
    c.ConfigurableHTTPProxy.command = [shutil.which("configurable-http-proxy") or "configurable-http-proxy"]
    log_in_and_pages(c, hub, settings["learners"], settings["trainer"])
    c.JupyterHub.spawner_class = "keyaccount.hub.trainer.CourseSpawner"  # learners: WorkshopSpawner; the trainer: the course
    c.CourseSpawner.course = str(hub.parent)
    isolated = settings["isolated"] and can_isolate()
    c.WorkshopSpawner.isolated = isolated
    c.WorkshopSpawner.workspaces = str(hub / "workspaces")
    c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
    c.Spawner.args = ["--ServerApp.ip=127.0.0.1", *prepare_lab_config()]  # never allow_root: see launch.isolation
    c.JupyterHub.cleanup_servers = False  # a restart (a late learner on the roster) leaves learners' labs running
    c.Spawner.http_timeout = 120  # a busy workshop server starts 200 labs at once
    c.Spawner.start_timeout = 120
    dashboard.register(c, str(hub), settings)
    from keyaccount.hub import grading_service  # imports the hub's settings name from here

    grading_service.register(c, hub, settings, isolated)  # submit → graded in seconds, with a limit
