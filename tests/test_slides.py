"""`make slides`: every lesson becomes reveal.js slides that work offline, fit the screen and show Chinese."""
import re
import subprocess
import sys

import nbformat
import pytest

from browser import chromium, font_status, fonts_used
from conftest import ROOT
from keyaccount.slides import CONTINUED, TRAINER_NOTE_MARK, WIDGET_NOTE, export_slides, mark_slides
from keyaccount.webfont import FAMILY
from quiet import noise

LESSONS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
MIN_SCALE = 0.75  # a slide the layout estimate let grow may be shrunk this much at most, to stay readable


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    return [export_slides(lesson, out) for lesson in LESSONS]


@pytest.fixture(scope="module")
def funnel(decks):
    return next(d for d in decks if d.name.startswith("01_funnel_forecast"))


@pytest.mark.notebook
def test_slides_have_a_slide_per_section_with_chinese_figures_and_no_code(funnel):
    html = funnel.read_text("utf-8")
    assert html.count("<section") >= 8                     # title + 7 numbered sections + summary
    assert "业绩预测（Performance forecast）" in html
    assert html.count("data:image/png;base64") >= 4         # the lesson's figures, embedded
    assert "load_funnel_case" not in html                   # code is hidden on slides
    assert WIDGET_NOTE in html and "HBox(children" not in html


@pytest.mark.notebook
def test_slides_name_no_other_host(decks):
    for deck in decks:
        html = deck.read_text("utf-8")
        assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
        assert "reveal.js/dist/reveal.js" in assets
        for asset in assets:
            assert not asset.startswith(("http:", "https:", "//")), f"{deck.name}: {asset}"
            assert (deck.parent / asset).is_file(), f"{deck.name}: missing local asset {asset}"
        assert "unpkg.com" not in html and "fonts.googleapis" not in html, deck.name


def _slide_heights(page) -> list[dict]:
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    page.evaluate("Reveal.configure({transition: 'none'})")
    page.evaluate("document.fonts.ready.then(() => true)")
    found = []
    for index in range(page.evaluate("Reveal.getTotalSlides()")):
        page.evaluate(f"Reveal.slide({index})")
        found.append(page.evaluate("""(() => { const s = Reveal.getCurrentSlide();
            return {height: s.getBoundingClientRect().height / Reveal.getScale(),
                    scale: Number(s.dataset.fitScale || 1), text: s.innerText.slice(0, 40)}; })()"""))
    return found


@pytest.mark.slow
@pytest.mark.notebook
def test_every_deck_loads_only_itself_and_every_slide_fits_720p(decks, tmp_path):
    requests = []
    with chromium(tmp_path, 1280, 720) as page:
        page.on("request", lambda request: requests.append(request.url))
        for deck in decks:
            requests.clear()
            page.goto(deck.as_uri())
            for slide in _slide_heights(page):
                assert slide["height"] <= 720 + 1, f"{deck.name}: slide taller than the screen: {slide}"
                assert slide["scale"] >= MIN_SCALE, f"{deck.name}: slide shrunk too much to read: {slide}"
            outside = [url for url in requests if not url.startswith(("data:", deck.parent.as_uri() + "/"))]
            assert outside == [], f"{deck.name} asked for {outside}"


@pytest.mark.slow
@pytest.mark.notebook
def test_slides_draw_chinese_with_the_embedded_font(funnel, tmp_path):
    with chromium(tmp_path, 1280, 720) as page:
        page.goto(funnel.as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        status = font_status(page, FAMILY, "漏斗管理与业绩预测")
        assert status == {"statuses": ["loaded"], "check": True}
        for selector in ("section.present h1", "section.present li"):
            used = fonts_used(page, selector)
            assert ("Noto Sans CJK SC Regular", True) in used, f"{selector} drawn with {used}"
        page.screenshot(path=str(tmp_path / "title.png"))


def _lesson(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


@pytest.mark.notebook
def test_trainer_notes_become_speaker_notes_not_slide_text(tmp_path):
    md = nbformat.v4.new_markdown_cell
    nb = _lesson(md("## 第一节\n\n学员看到的内容"), md(f"{TRAINER_NOTE_MARK}：先问大家一个问题。"), md("更多内容"))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "lesson.ipynb")
    html = export_slides(tmp_path / "lesson.ipynb", tmp_path / "slides").read_text("utf-8")
    notes = re.findall(r'<aside class="notes">(.*?)</aside>', html, re.S)
    assert len(notes) == 1 and "先问大家一个问题" in notes[0]
    assert "先问大家一个问题" not in re.sub(r'<aside class="notes">.*?</aside>', "", html, flags=re.S)
    assert "学员看到的内容" in html


@pytest.mark.notebook
def test_a_lessons_deck_has_its_trainers_guide_section_as_speaker_notes(tmp_path):
    """Lesson 31's discussion questions live in notebooks/trainer/30_strategy.md ("### 第 31 课")."""
    html = export_slides(ROOT / "notebooks" / "31_strategy_smart_team.ipynb", tmp_path).read_text("utf-8")
    notes = re.findall(r'<aside class="notes">(.*?)</aside>', html, re.S)
    assert len(notes) == 1 and "SMART" in notes[0] and "监控人" in notes[0], notes
    shown = re.sub(r'<aside class="notes">.*?</aside>', "", html, flags=re.S)
    assert "尽量搞好客户关系" not in shown  # a discussion question is for the trainer, not on a slide


def test_a_long_section_continues_on_a_new_slide_with_its_heading():
    md = nbformat.v4.new_markdown_cell
    paragraphs = [md("这一段讲的是大客户销售漏斗。" * 12) for _ in range(12)]
    nb = mark_slides(_lesson(md("## 3. 小项目漏斗"), *paragraphs))
    starts = [c.source for c in nb.cells if c.metadata["slideshow"]["slide_type"] == "slide"]
    assert starts[0] == "## 3. 小项目漏斗" and len(starts) >= 3
    assert all(s == f"## 3. 小项目漏斗{CONTINUED}" for s in starts[1:])
    assert len(nb.cells) == 12 + len(starts)  # nothing lost, only headings added


def test_a_table_taller_than_a_slide_continues_with_its_header():
    md = nbformat.v4.new_markdown_cell
    rows = "\n".join(f"| 第{i}课 | 漏斗管理 |" for i in range(40))
    nb = mark_slides(_lesson(md(f"# 课程目录\n\n| 课程 | 内容 |\n|---|---|\n{rows}")))
    tables = [c.source for c in nb.cells if "|---|---|" in c.source]
    assert len(tables) >= 2 and all(t.startswith("| 课程 | 内容 |\n|---|---|\n") for t in tables)
    assert sum(t.count("漏斗管理") for t in tables) == 40
    assert sum(c.metadata["slideshow"]["slide_type"] == "slide" for c in nb.cells) >= 2


def test_a_heading_stays_with_the_first_part_of_its_content():
    md = nbformat.v4.new_markdown_cell
    items = "\n".join(f"- [练习：漏斗管理与业绩预测，第 {i} 个练习](exercise.ipynb)（学完第 01 课后做）" for i in range(24))
    nb = mark_slides(_lesson(md(f"## 练习（按学习顺序）\n\n{items}")))  # taller than a slide
    slides, current = [], None
    for cell in nb.cells:
        if cell.metadata["slideshow"]["slide_type"] == "slide":
            current = []
            slides.append(current)
        current.append(cell.source)
    assert slides[0][0] == "## 练习（按学习顺序）" and len(slides[0]) > 1, slides  # not a slide of only its heading


def test_a_long_table_printed_as_markdown_is_split_too():
    rows = "\n".join(f"| 第{i}课 | 漏斗管理 |" for i in range(40))
    code = nbformat.v4.new_code_cell("show_index()", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/markdown": f"| 课程 | 内容 |\n|---|---|\n{rows}", "text/plain": "<Markdown>"})])
    nb = mark_slides(_lesson(nbformat.v4.new_markdown_cell("# 课程目录"), code))
    tables = [c.source for c in nb.cells if "|---|---|" in c.source]
    assert len(tables) >= 2 and sum(t.count("漏斗管理") for t in tables) == 40


def test_a_long_printed_dataframe_is_split_with_its_header_and_group_labels():
    import pandas as pd
    index = pd.MultiIndex.from_product([["市场策略", "产品策略"], range(1, 21)], names=["清单", "序号"])
    html = pd.DataFrame({"问题": [f"第{i}个问题" for i in range(40)]}, index=index).to_html()
    code = nbformat.v4.new_code_cell("checklist()", outputs=[nbformat.v4.new_output(
        "execute_result", data={"text/html": html, "text/plain": "…"}, execution_count=1)])
    nb = mark_slides(_lesson(nbformat.v4.new_markdown_cell("## 1. 七张分策略检查清单"), code))
    parts = [c.outputs[0]["data"]["text/html"] for c in nb.cells if c.cell_type == "code"]
    assert len(parts) >= 2 and all("<thead>" in p and "问题" in p for p in parts)
    assert sum(p.count("个问题") for p in parts) == 40
    assert "rowspan" not in "".join(parts) and "产品策略" in parts[-1]  # each part names its group
    assert sum(c.metadata["slideshow"]["slide_type"] == "slide" for c in nb.cells) >= 2


def test_leftover_widget_state_is_dropped():
    nb = _lesson(nbformat.v4.new_markdown_cell("# 标题"))
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    assert "widgets" not in mark_slides(nb).metadata


@pytest.mark.notebook
def test_a_trainer_exports_a_lesson_on_their_clients_case_quietly(tmp_path):
    """`keyaccount slides 01 --case my/client.yaml`: the deck shows the client's numbers, and the run prints
    no kernel warning (no "running over TCP without encryption", no "KeyboardInterrupt caught in kernel")."""
    client = tmp_path / "我的案例" / "client_a.yaml"
    client.parent.mkdir()
    client.write_text((ROOT / "cases" / "funnel_exercise_hardware.yaml").read_text("utf-8"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "keyaccount", "slides", "01", "--case", str(client),
                          "--out", str(tmp_path / "幻灯片")], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    deck = tmp_path / "幻灯片" / "01_funnel_forecast.client_a.slides.html"
    assert deck.is_file() and str(deck) in run.stdout
    assert "华东区硬件产品线" in deck.read_text("utf-8")
    assert (tmp_path / "幻灯片" / "reveal.js").is_dir()
    assert run.stderr == "", run.stderr


@pytest.mark.notebook
def test_keyaccount_run_executes_a_lesson_on_a_case_without_noise(tmp_path):
    """`keyaccount run 01 --case …` (papermill with the kit's settings): the lesson saved with its results on
    the client's numbers, and nothing of NOISE printed, unlike a bare papermill command."""
    client = tmp_path / "client_a.yaml"
    client.write_text((ROOT / "cases" / "funnel_exercise_hardware.yaml").read_text("utf-8"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "keyaccount", "run", "01", "--case", str(client),
                          "--out", str(tmp_path / "运行")], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    executed = tmp_path / "运行" / "01_funnel_forecast.client_a.ipynb"
    assert str(executed) in run.stdout and not noise(run.stdout + run.stderr), run.stderr
    nb = nbformat.read(executed, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs and not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    assert "华东区硬件产品线" in nbformat.writes(nb)


def test_an_unknown_lesson_or_case_file_gets_a_chinese_error(tmp_path):
    for args in (["99"], ["01", "--case", str(tmp_path / "没有这个.yaml")]):
        run = subprocess.run([sys.executable, "-m", "keyaccount", "slides", *args, "--out", str(tmp_path)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 2 and run.stderr.startswith("错误：找不到"), run.stderr
