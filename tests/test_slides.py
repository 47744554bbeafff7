"""`make slides`: a lesson becomes reveal.js slides that work offline and show Chinese."""
import re

import pytest

from conftest import ROOT
from keyaccount.slides import WIDGET_NOTE, export_slides


@pytest.fixture(scope="module")
def slides(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    return export_slides(ROOT / "notebooks" / "01_funnel_forecast.ipynb", out)


@pytest.mark.notebook
def test_slides_load_nothing_from_the_network(slides):
    html = slides.read_text("utf-8")
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert "reveal.js/dist/reveal.js" in assets
    for asset in assets:
        assert not asset.startswith(("http:", "https:", "//")), asset
        assert (slides.parent / asset).is_file(), f"missing local asset {asset}"


@pytest.mark.notebook
def test_slides_have_a_slide_per_section_with_chinese_figures_and_no_code(slides):
    html = slides.read_text("utf-8")
    assert html.count("<section") >= 8                     # title + 7 numbered sections + summary
    assert "业绩预测（Performance forecast）" in html
    assert html.count("data:image/png;base64") >= 4         # the lesson's figures, embedded
    assert "load_funnel_case" not in html                   # code is hidden on slides
    assert WIDGET_NOTE in html and "HBox(children" not in html
