"""Lessons as learners see them: run in JupyterLab, shown in Debian's Chromium (playwright).

A private JupyterLab serves a copy of ``notebooks/`` (so nothing is saved into the course) with the
kit's options (its web font, quiet settings: keyaccount.webfont.lab_options, as ``keyaccount start``),
the lesson is opened in a Chromium without CJK system fonts (what learners' laptops may lack, so the
Chinese is drawn with the kit's font and measured with it), every cell is run, and the case widgets'
outputs are found in the page. Used by ``tools/widget_screenshots.py`` and ``tests/test_widget_layout.py``.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from keyaccount import webfont

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from browser import ARGS, CHROMIUM, LATIN_FONTS, latin_only_fontconfig  # noqa: E402  (one home of the test browser)

VIEWPORT = {"width": 1280, "height": 800}
# a small laptop screen, or JupyterLab with its file browser open
NARROW = {"width": 960, "height": 800}
TOKEN = "widget-layout"
# every cell rendered at once, so that widgets below the fold are laid out and measured too
LAB_SETTINGS = {"@jupyterlab/notebook-extension": {"tracker.jupyterlab-settings": {"windowingMode": "none"}},
                "@jupyterlab/apputils-extension": {"notification.jupyterlab-settings": {"fetchNews": "false",
                                                                                        "checkForUpdates": False}}}
WIDGET_OUTPUTS = ".jp-OutputArea-output > .jupyter-widgets"

# Elements inside a widget that stick out of the widget, or whose content is cut off
# (wider than their box: a label ending in "…", a text box pushed past its column).
OVERFLOW_JS = """(root) => {
  const box = root.getBoundingClientRect();
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const problems = [];
  const ruler = document.createElement('canvas').getContext('2d');
  const selectedTextCut = (el) => {  // a drop-down narrower than its chosen option shows it cut off
    const option = el.options[el.selectedIndex];
    if (!option) return false;
    const style = getComputedStyle(el);
    ruler.font = style.font;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return ruler.measureText(option.text).width > room + 1;
  };
  const area = root.parentElement.getBoundingClientRect();
  if (box.right > area.right + 1) problems.push(`widget: ${Math.round(box.width)}px wide in a ${Math.round(area.width)}px output`);
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`widget: content ${root.scrollWidth}px wide in a ${root.clientWidth}px box`);
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const text = (el.innerText || el.value || '').trim().split('\\n')[0].slice(0, 30);
    if (r.right > box.right + 1 || r.left < box.left - 1)
      problems.push(`${name(el)} "${text}": sticks out of the widget (${Math.round(r.left)}–${Math.round(r.right)} vs ${Math.round(box.left)}–${Math.round(box.right)})`);
    else if (el.tagName === 'SELECT' && !el.multiple && selectedTextCut(el))
      problems.push(`select "${el.options[el.selectedIndex].text}": chosen option cut off`);
    else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible'
             && el.clientWidth > 0 && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName))
      problems.push(`${name(el)} "${text}": content cut off (${el.scrollWidth}px in ${el.clientWidth}px)`);
  }
  return problems;
}"""


def missing() -> str:
    """Why a browser check cannot run here ('' when it can)."""
    if not CHROMIUM.exists():
        return "Debian's chromium is not installed (apt-get install -y chromium)"
    if not LATIN_FONTS.is_dir():
        return "the DejaVu fonts are missing (apt-get install -y fonts-dejavu-core)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def lab_server(notebooks: Path):
    """A JupyterLab on a copy of ``notebooks``; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="lab-browser-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(notebooks, tmp / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = tmp / "user-settings"
        for plugin, files in LAB_SETTINGS.items():
            for name, value in files.items():
                (settings / plugin).mkdir(parents=True, exist_ok=True)
                (settings / plugin / name).write_text(json.dumps(value))
        port = _free_port()
        font_args, font_env = webfont.lab_options(tmp / "config", lessons=[tmp / "notebooks"])
        env = {**os.environ, **font_env, "JUPYTERLAB_SETTINGS_DIR": str(settings),
               "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces")}
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.port={port}",
               "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}", "--ServerApp.allow_root=True",
               f"--ServerApp.root_dir={tmp / 'notebooks'}", "--LabApp.expose_app_in_browser=True",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}", *font_args]
        log = open(tmp / "lab.log", "w")
        server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{url}/api/status?token={TOKEN}", server, tmp / "lab.log")
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()


def _wait_for(url: str, server: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped:\n{log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{log.read_text()[-2000:]}")


@contextmanager
def browser():
    """Debian's Chromium, headless, never downloaded, seeing no CJK system font."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="lab-browser-fonts-") as fonts, sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True,
                                     env={**os.environ, **latin_only_fontconfig(Path(fonts))})
        try:
            yield chromium
        finally:
            chromium.close()


RUN_ALL_JS = """async () => {
  const app = window.jupyterapp;
  app.shell.collapseLeft(); app.shell.collapseRight();
  const panel = app.shell.currentWidget;
  await panel.context.ready; await panel.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
  const kernel = panel.sessionContext.session.kernel;
  while (kernel.status !== 'idle') await new Promise(r => setTimeout(r, 200));
  return panel.content.widgets.length;
}"""


def run_lesson(chromium, lab_url: str, lesson: str, timeout_s: float = 300):
    """Open ``lesson`` (a file name in notebooks/) in JupyterLab at 1280×800 and run every cell; return the page."""
    page = chromium.new_page(viewport=VIEWPORT)
    page.set_default_timeout(timeout_s * 1000)
    page.goto(f"{lab_url}/lab/tree/{lesson}?token={TOKEN}&reset")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel")
    page.evaluate(RUN_ALL_JS)
    page.wait_for_timeout(1500)  # widget views render after the kernel has gone idle
    return page


def widget_outputs(page):
    """The case widgets shown in the page, top to bottom."""
    return page.locator(WIDGET_OUTPUTS).all()


def screenshot(page, element, path: Path) -> None:
    """A PNG of the whole widget: the page grows taller to hold it, its width stays 1280 px."""
    height = element.evaluate("(el) => el.getBoundingClientRect().height")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], int(height) + 200)})
    element.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    element.screenshot(path=str(path))
    page.set_viewport_size(VIEWPORT)


def overflow_problems(element) -> list[str]:
    """What sticks out of a widget or is cut off inside it (empty when the layout is clean)."""
    return element.evaluate(OVERFLOW_JS)
