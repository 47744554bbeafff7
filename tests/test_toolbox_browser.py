"""The toolbox in a real browser: ``keyaccount toolbox`` serves the apps with Voila on loopback; a
learner uploads the example Excel, confirms the columns and sees the weighted pipeline and the
attention list. Needs Debian's chromium and playwright's Python package (no downloaded browser)."""
import os
from pathlib import Path

import pytest

from keyaccount.toolbox import appkit, launch

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("TOOLBOX_SHOTS", "")) if os.environ.get("TOOLBOX_SHOTS") else None

pytestmark = pytest.mark.slow


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def toolbox(tmp_path):
    root = tmp_path / "学员工作区"
    port = launch.free_port(8900)
    server = launch.start(root, port)
    try:
        assert launch.wait_until_listening(port, server.process), "voila did not start"
        yield root, server.url
    finally:
        server.stop()


def _shot(page, name):
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_upload_confirm_and_see_pipeline_and_attention(browser, toolbox, tmp_path):
    root, url = toolbox
    example = tmp_path / "项目管道模板.xlsx"
    example.write_bytes(appkit.template_bytes("pipeline"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    outside = []

    def only_this_machine(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.startswith(("127.0.0.1", "localhost")) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_machine)
    page.goto(url, timeout=120_000)
    page.get_by_text("我的项目管道").first.wait_for(timeout=120_000)
    _shot(page, "0_index")
    page.get_by_role("link", name="我的项目管道").first.click()
    button = page.get_by_role("button", name="上传 Excel 或 CSV")
    button.wait_for(timeout=180_000)
    with page.expect_file_chooser() as chooser:
        button.click()
    chooser.value.set_files(str(example))
    page.get_by_text("确认列的对应").wait_for(timeout=60_000)
    _shot(page, "1_mapping")
    page.get_by_role("button", name="确认列的对应").click()
    page.get_by_text("行通过").wait_for(timeout=60_000)
    _shot(page, "2_checked")
    page.get_by_role("tab", name="加权管道").click()
    page.wait_for_function("() => [...document.querySelectorAll('img.widget-image')]"
                           ".some(i => i.naturalWidth > 300 && i.offsetParent !== null)", timeout=60_000)
    assert page.get_by_text("加权金额").first.is_visible()
    _shot(page, "3_pipeline")
    page.get_by_role("tab", name="需要关注").click()
    page.get_by_text("需要关注的项目").first.wait_for(timeout=30_000)
    assert page.get_by_text("签约时间已过").first.is_visible()  # the template's dates are in the past
    _shot(page, "4_attention")
    loaded = page.evaluate("async () => (await document.fonts.load('16px KitCJK', '管道')).length")
    assert loaded >= 1, "the kit's CJK web font was not served"
    wide = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert wide, "the page overflows horizontally"
    assert outside == [], f"the page tried to reach other hosts: {outside}"
    assert (root / "我的数据" / "列对应.json").exists()  # the confirmed mapping is remembered
