"""keyaccount.webfont: the kit's CJK web font, cut from the pip-installed Noto Sans CJK SC."""
import base64
import io
import re

from fontTools.ttLib import TTFont

from conftest import ROOT
from keyaccount import webfont


def _embedded_font(css: str) -> TTFont:
    data = re.search(r'url\("data:font/woff2;base64,([A-Za-z0-9+/=]+)"\)', css).group(1)
    return TTFont(io.BytesIO(base64.b64decode(data)))


def test_unicode_range_joins_runs_of_characters():
    assert webfont.unicode_range("中丫丬中a") == "U+61, U+4E2B-4E2D"


def test_course_characters_cover_every_lesson_exercise_and_case():
    chars = webfont.course_characters()
    for folder, pattern in (("notebooks", "*.ipynb"), ("exercises", "*/*.ipynb"), ("cases", "*.yaml")):
        for path in (ROOT / folder).glob(pattern):
            missing = webfont.wide_characters(path.read_text("utf-8")) - chars
            assert not missing, f"{path.name}: {sorted(missing)[:10]}"


def test_the_kit_font_has_a_glyph_for_every_course_character():
    font = TTFont(str(webfont.kit_font()))
    cmap = font.getBestCmap()
    source = TTFont(str(webfont.source_font()), lazy=True).getBestCmap()
    drawable = {ord(ch) for ch in webfont.course_characters()} & set(source)
    assert drawable <= set(cmap) and len(drawable) > 7000
    assert "Noto Sans CJK SC" in font["name"].getDebugName(1)


def test_a_page_embeds_just_its_own_characters_as_woff2():
    text = "<p>漏斗管理：加权管道 = 预签金额 × 完成程度（P0–P7）</p>"
    css = webfont.standalone_css(text)
    font = _embedded_font(css)
    assert font.flavor == "woff2"
    assert set(font.getBestCmap()) == {ord(ch) for ch in webfont.wide_characters(text)}
    assert f'font-family: "{webfont.FAMILY}"' in css and "unicode-range: " in css
    assert len(css) < 40_000  # a handful of glyphs, not the 16 MB font


def test_a_rare_character_outside_the_kit_font_still_gets_a_glyph():
    rare = "喆"  # GBK but not GB2312, and not in the course text
    assert rare not in webfont.course_characters()
    font = _embedded_font(webfont.standalone_css(f"<p>{rare}</p>"))
    assert ord(rare) in font.getBestCmap()


def test_a_page_without_chinese_gets_no_font_and_embed_puts_css_in_the_head():
    assert webfont.standalone_css("<p>plain ASCII</p>") == ""
    page = webfont.embed("<html><head><title>t</title></head><body>班级报告</body></html>")
    assert page.index("@font-face") < page.index("</head>") < page.index("班级报告")


def test_lab_options_prepare_a_config_dir_serving_the_font(tmp_path):
    args, env = webfont.lab_options(tmp_path)
    assert args == ["--LabApp.custom_css=True"] and env["JUPYTER_CONFIG_DIR"] == str(tmp_path)
    custom = tmp_path / "custom"
    css = (custom / "custom.css").read_text("utf-8")
    for name in webfont.LAB_FILES.values():
        assert f'url("{name}")' in css and (custom / name).stat().st_size > 1_000_000
    assert css.index(webfont.LAB_FILES["full"]) < css.index(webfont.LAB_FILES["kit"])  # kit face checked first
    assert "--jp-ui-font-family" in css and "--jp-content-font-family" in css
    before = {p.name: p.stat().st_mtime_ns for p in custom.iterdir()}
    webfont.lab_options(tmp_path)
    assert {p.name: p.stat().st_mtime_ns for p in custom.iterdir()} == before  # unchanged files not rewritten


def test_the_course_characters_come_from_the_installed_course_wherever_the_command_runs(tmp_path, monkeypatch):
    """`keyaccount start` in a learner's folder (no nbgrader course anywhere above it) prepares the font too."""
    monkeypatch.chdir(tmp_path)
    webfont.course_characters.cache_clear()
    try:
        assert {"漏", "斗", "鸭", "羚"} <= webfont.course_characters()  # lesson, case and exercise text
    finally:
        webfont.course_characters.cache_clear()
