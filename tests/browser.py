"""Headless Chromium for tests, on a font set without any CJK font (like a bare Windows/Linux box).

Debian's ``chromium`` driven by playwright's Python API; a test skips naming what is missing.
"""
import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
LATIN_FONTS = Path("/usr/share/fonts/truetype/dejavu")
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir>
<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>
"""


def latin_only_fontconfig(folder: Path) -> dict[str, str]:
    """Environment for a browser that sees only the DejaVu fonts (no CJK system font)."""
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=LATIN_FONTS, cache=folder / "fontcache"), encoding="utf-8")
    return {"FONTCONFIG_FILE": str(conf)}


@contextlib.contextmanager
def chromium(tmp: Path, width: int = 1280, height: int = 720):
    """A page in headless Chromium without CJK fonts; skips when Chromium or playwright is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip, the dev extra) is missing")
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is missing (apt-get install -y chromium)")
    if not LATIN_FONTS.is_dir():
        pytest.skip("the DejaVu fonts are missing (apt-get install -y fonts-dejavu-core)")
    env = {**os.environ, **latin_only_fontconfig(tmp)}
    if shutil.which("fc-list"):
        cjk = subprocess.run(["fc-list", ":lang=zh"], env=env, capture_output=True, text=True).stdout
        assert not cjk.strip(), f"the test's font set must have no CJK font, but has: {cjk}"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, env=env)
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


FONT_STATUS = """([family, text]) => {
  const faces = [...document.fonts].filter(f => f.family.replace(/"/g, '') === family);
  return {statuses: faces.map(f => f.status), check: document.fonts.check('16px "' + family + '"', text)};
}"""


def font_status(page, family: str, text: str) -> dict:
    """The states of the page's @font-face rules of ``family`` and whether ``text`` can be drawn with it."""
    page.evaluate("document.fonts.ready.then(() => true)")
    return page.evaluate(FONT_STATUS, [family, text])


def fonts_used(page, selector: str) -> list[tuple[str, bool]]:
    """(font name, is a web font) for each font Chromium drew the first ``selector`` match with."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"nothing on the page matches {selector}"
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [(font["familyName"], font.get("isCustomFont", False)) for font in fonts]


def probe(page, text: str) -> str:
    """A selector for the innermost element whose text contains ``text``."""
    page.evaluate("""(text) => {
      const hits = [...document.querySelectorAll("body *")].filter(e => e.textContent.includes(text));
      hits[hits.length - 1].setAttribute("data-probe", "");
    }""", text)
    return "[data-probe]"
