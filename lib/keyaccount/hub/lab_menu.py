"""A 提交作业 menu in every learner's JupyterLab on the hub, from settings alone (no JupyterLab build).

JupyterLab reads its default settings from ``overrides.json`` in its application settings folder; the hub
gives learners' JupyterLabs a folder of its own (``--LabApp.app_settings_dir``) beside the environment's,
holding the environment's overrides plus a menu whose entry opens the grading service in a new browser
tab (JupyterLab's ``help:open`` command). Single-user ``keyaccount start`` keeps the plain settings.
"""
import json
import sys
from pathlib import Path

LAB = Path(sys.prefix) / "share" / "jupyter" / "lab"
FOLDER = LAB / "settings-hub"  # beside settings/: JupyterLab finds its application folder above it
MENU = "@jupyterlab/mainmenu-extension:plugin"


def menu(url: str) -> dict:
    return {"menus": [{"id": "jp-mainmenu-keyaccount-submit", "label": "提交作业", "rank": 1100, "items": [
        {"command": "help:open", "rank": 0,
         "args": {"url": url, "text": "提交作业、查看成绩和反馈", "newBrowserTab": True}}]}]}


def lab_args(service_url: str) -> list[str]:
    """JupyterLab arguments for a learner's server: the environment's settings plus the 提交作业 menu."""
    try:
        overrides = json.loads((LAB / "settings" / "overrides.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        overrides = {}
    overrides[MENU] = menu(service_url)
    FOLDER.mkdir(parents=True, exist_ok=True)
    (FOLDER / "overrides.json").write_text(json.dumps(overrides, ensure_ascii=False, indent=1), encoding="utf-8")
    return [f"--LabApp.app_settings_dir={FOLDER}"]
