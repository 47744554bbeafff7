"""Chinese renders in every funnel figure: no missing-glyph warning (nbgrader scores stderr as 0)."""
import io
import warnings

import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager

import keyaccount
from keyaccount.funnel import chart, model
from keyaccount.funnel.case import load_funnel_case


def render_strict(fig) -> bytes:
    """Render to PNG, turning any warning (e.g. 'Glyph … missing from font') into a failure."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def test_cjk_font_is_the_default_and_covers_chinese():
    name = keyaccount.use_chinese_font()
    assert plt.rcParams["font.sans-serif"][0] == name
    assert font_manager.findfont(name, fallback_to_default=False).endswith(keyaccount.fonts.FONT_FILE)
    fig, ax = plt.subplots()
    ax.set_title("大客户销售训练营：预测完成率 98%")
    ax.set_xlabel("意向 方案 谈判 −5")
    assert render_strict(fig).startswith(b"\x89PNG")


def test_a_glyph_missing_from_the_font_is_caught():
    fig, ax = plt.subplots()
    ax.set_title("\U0001F600")  # an emoji no configured font has
    with pytest.raises(UserWarning, match="missing from font"):
        render_strict(fig)


@pytest.mark.parametrize("draw", [
    lambda c: chart.small_funnel_chart(c.small_funnel()),
    lambda c: chart.large_funnel_chart(c.large_funnel()),
    lambda c: chart.forecast_chart(c.performance_forecast()),
    lambda c: chart.pipeline_chart(model.weighted_pipeline(c.pipeline_table())),
], ids=["small_funnel", "large_funnel", "forecast", "pipeline"])
def test_funnel_charts_render_without_missing_glyphs(draw):
    fig = draw(load_funnel_case("funnel_usm_software"))
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    assert any("\u4e00" <= ch <= "\u9fff" for t in texts for ch in t)  # the figure does carry Chinese
    assert len(render_strict(fig)) > 5000


def test_forecast_chart_says_gap_or_surplus():
    short = model.PerformanceForecast(200, 10, 50, 50, 2)
    fig = chart.forecast_chart(short)
    assert "缺口" in fig.axes[0].get_title()
    plt.close(fig)
    ample = model.PerformanceForecast(100, 90, 50, 50, 2)
    fig = chart.forecast_chart(ample)
    assert "超出定额" in fig.axes[0].get_title()
    plt.close(fig)
