"""The trainer's live dashboard as a JupyterHub managed service at ``/services/dashboard/``.

Only users with ``access:services!service=dashboard`` get in: JupyterHub gives that scope to its admins
(the trainer) and not to learners, who get 403. The web application is ``dashboard_app`` (run by the hub).
"""
import os
import sys
from pathlib import Path

NAME = "dashboard"


def register(c, hub_dir: str, settings: dict) -> None:
    """Add the dashboard to the JupyterHub config ``c`` (the hub starts and stops it)."""
    port = settings["dashboard_port"]
    course = Path(hub_dir).parent
    c.JupyterHub.services.append({
        "name": NAME,
        "url": f"http://127.0.0.1:{port}",
        "command": [sys.executable, "-m", "keyaccount.hub.dashboard_app", "--course", str(course),
                    "--hub-dir", str(hub_dir), "--port", str(port)],
        "environment": {"HOME": os.environ.get("HOME", str(Path.home()))},  # the font and matplotlib caches
        "oauth_no_confirm": True,  # the trainer's own tool: no "allow access?" page
        "display": True,
    })
