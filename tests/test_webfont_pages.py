"""The pages the kit writes for trainers and learners (feedback, class report) show Chinese with the
embedded font on a screen without a CJK system font."""
import copy

import nbformat
import pytest

from browser import chromium, font_status, fonts_used, probe
from conftest import ROOT
from course_fixture import TempCourse
from keyaccount.course import grade, report
from keyaccount.course.layout import Course
from keyaccount.webfont import FAMILY

A = "funnel_forecast"
NB = f"{A}.ipynb"
RARE = "喆"  # a learner's name character outside GB2312 and the course text

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    temp = TempCourse(tmp_path_factory.mktemp("course"), ROOT, A)
    solution = nbformat.read(ROOT / "solutions" / A / NB, as_version=4)
    answered = copy.deepcopy(solution)
    first = next(c for c in answered.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code")
    first.source = f'print("王{RARE}的答案")\n' + first.source
    temp.submit("wang", {NB: answered})
    course = Course.at(temp.root)
    grade.grade(course, A, workers=1, timeout=30, progress=False)
    feedback = next((temp.root / "feedback" / "wang" / A).glob("*.html"))
    _, class_report = report.render_class_report(course, tmp_path_factory.mktemp("report"))
    stock = TempCourse(tmp_path_factory.mktemp("stock"), ROOT, A)  # nbgrader's own commands, the kit's config
    stock.submit("wang", {NB: answered})
    stock.autograde()
    stock.nbgrader(["generate_feedback", A])
    return {"feedback": feedback, "report": class_report, "stock feedback": stock.root / "feedback" / "wang" / A / f"{A}.html"}


@pytest.mark.parametrize("page_name", ["report", "stock feedback", "feedback"])
def test_page_opened_from_disk_asks_no_other_host(pages, page_name, tmp_path):
    """A page opened from disk offline (no CDN: require.js, MathJax …) loads nothing but itself."""
    with chromium(tmp_path, 1280, 900) as page:
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(pages[page_name].as_uri())
        page.wait_for_load_state("networkidle")
    assert asked and not [url for url in asked if not url.startswith(("file://", "data:"))], asked


@pytest.mark.parametrize("page_name, text", [("feedback", f"王{RARE}的答案"), ("report", "班级报告")])
def test_page_draws_chinese_with_its_embedded_font(pages, page_name, text, tmp_path):
    path = pages[page_name]
    assert "@font-face" in path.read_text("utf-8")
    with chromium(tmp_path, 1280, 900) as page:
        page.goto(path.as_uri())
        status = font_status(page, FAMILY, text)
        # one face, or two where a page shares most of its text with others (feedback: the questions)
        assert status["check"] and status["statuses"] and set(status["statuses"]) == {"loaded"}, status
        used = fonts_used(page, probe(page, text))
        assert ("Noto Sans CJK SC Regular", True) in used, f"{text} drawn with {used}"
        page.screenshot(path=str(path.with_suffix(".png")), full_page=False)
