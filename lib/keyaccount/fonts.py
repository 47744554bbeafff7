"""Chinese text in every figure, with a CJK font installed by pip alone.

The font file (Noto Sans CJK SC, SIL Open Font License) comes from the ``mplfonts`` package.
"""
from functools import cache
from importlib import resources
from pathlib import Path

import matplotlib
from matplotlib import font_manager

FONT_FILE = "NotoSansCJKsc-Regular.otf"
FONT_NAME = "Noto Sans CJK SC"


def font_file() -> Path:
    """The full Noto Sans CJK SC font file shipped by mplfonts (figures and the web font use it)."""
    return Path(str(resources.files("mplfonts") / "fonts" / FONT_FILE))


@cache
def use_chinese_font() -> str:
    """Register the bundled CJK font and make it matplotlib's default; return its name."""
    font_manager.fontManager.addfont(str(font_file()))
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [FONT_NAME, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return FONT_NAME
