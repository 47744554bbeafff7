"""Every case widget of every lesson, run in JupyterLab in Chromium at 1280×800 and on a narrower
screen, fits its box: nothing sticks out of the widget or the notebook, no label, text box or
drop-down is cut off."""
import sys

import pytest

from conftest import ROOT
from keyaccount import webfont

sys.path.insert(0, str(ROOT / "tools"))
import lab_browser  # noqa: E402
from browser import fonts_used, probe  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.skipif(bool(lab_browser.missing()), reason=lab_browser.missing())]

LESSONS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb") if not p.name.startswith("00_"))
# lessons that are reading only
WITHOUT_WIDGETS = {"20_projects_overview.ipynb"}


@pytest.fixture(scope="module")
def chromium():
    with lab_browser.browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def lab():
    with lab_browser.lab_server(ROOT / "notebooks") as url:
        yield url


def test_the_check_sees_a_box_wider_than_its_column_and_a_cut_label(chromium):
    """A made-up widget drawn with the kit's web font, its controls too, as in JupyterLab (no CJK system font)."""
    page = chromium.new_page(viewport=lab_browser.VIEWPORT)
    page.set_content(webfont.embed(
        "<html><head></head><body><div id='w' style='width:300px'><input style='width:400px'>"
        "<div style='width:80px;overflow:hidden;white-space:nowrap'>一个很长很长很长的标签文字</div>"
        "<select style='width:60px'><option>技术/财务把关者</option></select></div></body></html>"))
    page.evaluate("document.fonts.ready")
    problems = lab_browser.overflow_problems(page.locator("#w"))
    page.close()
    assert any("input" in p and "sticks out" in p for p in problems)
    assert any("一个很长" in p and "cut off" in p for p in problems)
    assert any("技术/财务把关者" in p for p in problems)


def test_the_lessons_chinese_is_drawn_and_measured_with_the_kit_font(lab, chromium):
    """The checks and screenshots see what a learner without a CJK system font sees: the kit's font."""
    page = lab_browser.run_lesson(chromium, lab, "11_six_steps_customer_analysis.ipynb")
    try:
        page.evaluate("""() => [...document.querySelectorAll('.jupyter-widgets input[type=text]')]
            .find(e => /[\u4e00-\u9fff]/.test(e.value)).setAttribute('data-input', '')""")
        for selector in (probe(page, "客户名称"), "[data-input]"):  # a label and a filled-in text box
            used = fonts_used(page, selector)
            assert used == [("Noto Sans CJK SC Regular", True)], f"{selector} drawn with {used}"
    finally:
        page.close()


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_widget_of_the_lesson_fits_its_box(lesson, lab, chromium):
    page = lab_browser.run_lesson(chromium, lab, lesson)
    try:
        widgets = lab_browser.widget_outputs(page)
        assert bool(widgets) != (lesson in WITHOUT_WIDGETS), "the lesson's widgets did not show"
        problems = set()
        for viewport in (lab_browser.VIEWPORT, lab_browser.NARROW):
            page.set_viewport_size(viewport)
            page.wait_for_timeout(300)
            problems |= {f"{viewport['width']} px, widget {i + 1}: {p}" for i, w in enumerate(widgets)
                         for p in lab_browser.overflow_problems(w)}
    finally:
        page.close()
    assert not problems, "\n".join(sorted(problems))
