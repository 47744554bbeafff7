"""SWOT 2×2 grid and TOWS matrix, sized to be read on a projected slide.

Figures are drawn on axes measured in inches, so text can be wrapped and sized to its box.
"""
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

import keyaccount  # noqa: F401  (Chinese font)
from keyaccount.swot.model import STRATEGY_KINDS, Swot, quadrant, strategy_kind, tows

COLORS = {"S": "#d8ecd3", "W": "#fbe3c8", "O": "#d4e6f5", "T": "#f6d5d5",
          "SO": "#e3f1df", "WO": "#fdf0e0", "ST": "#e6eef8", "WT": "#fae3e3"}
WRONG = "#c0392b"
LINE_SPACING = 1.45


def wrap(text: str, width: float) -> list:
    """Split text into lines about ``width`` Chinese characters wide (Latin letters and digits
    count as half; Chinese has no spaces to break at, so any character may end a line)."""
    width = max(width, 4)
    lines, line, used = [], "", 0.0
    for ch in text:
        size = 0.55 if ch.isascii() else 1.0
        if used + size > width and line:
            lines.append(line)
            line, used = "", 0.0
        line, used = line + ch, used + size
    return lines + [line] if line or not lines else lines


def text_box(ax, x, y, w, h, title, items, color, max_size=15.0, colors=None):
    """A rounded box at (x, y) (lower-left, inches) with a title and a bulleted list.

    The font shrinks until every item fits the box once wrapped; ``colors`` gives a text colour
    per item (default black).
    """
    ax.add_patch(FancyBboxPatch((x + 0.05, y + 0.05), w - 0.1, h - 0.1, boxstyle="round,pad=0.02,rounding_size=0.12",
                                facecolor=color, edgecolor="#555555", linewidth=1.2))
    size = max_size
    while True:
        chars = (w - 0.45) * 72 / size
        lines = [(i, line) for i, item in enumerate(items) for line in _bullet(wrap(item, chars - 2))]
        needed = (len(lines) + 1.8) * size * LINE_SPACING / 72
        if needed <= h - 0.25 or size <= 7:
            break
        size -= 0.5
    top = y + h - 0.2
    ax.text(x + 0.25, top, title, fontsize=size + 2, va="top", ha="left")
    step = size * LINE_SPACING / 72
    for row, (i, line) in enumerate(lines, start=2):
        ax.text(x + 0.25, top - row * step + 0.1 * step, line, fontsize=size, va="top", ha="left",
                color=(colors[i] if colors else "black"))
    return size


def _bullet(lines: list) -> list:
    return ["• " + lines[0], *("   " + line for line in lines[1:])]


def _canvas(width: float, height: float):
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")
    return fig, ax


def statement_label(statement, show_id: bool = True) -> str:
    """'S1 公司品牌有优势' with the category tag in brackets when there is one."""
    tag = f"【{statement.category}】" if statement.category else ""
    return f"{statement.id} {tag}{statement.text}" if show_id else f"{tag}{statement.text}"


def swot_chart(swot: Swot, title: str = "SWOT 分析", wrong=(), show_ids: bool = True) -> Figure:
    """The 2×2 grid: rows 内部/外部因素, columns 有利/不利; ids in ``wrong`` are shown in red.

    ``show_ids=False`` hides ids such as "S1" that would give a sorting exercise away."""
    width, height, left, top = 13.0, 8.5, 1.0, 1.1
    fig, ax = _canvas(width, height)
    ax.text(width / 2, height - 0.35, title, fontsize=20, ha="center", va="center")
    cell_w, cell_h = (width - left - 0.2) / 2, (height - top - 0.2) / 2
    for col, label in enumerate(("有利", "不利")):
        ax.text(left + (col + 0.5) * cell_w, height - 0.85, label, fontsize=15, ha="center", va="center",
                color="#333333")
    for row, label in enumerate(("内部因素", "外部因素")):
        ax.text(left / 2, height - top - (row + 0.5) * cell_h, label, fontsize=15, rotation=90,
                ha="center", va="center", color="#333333")
    sizes = []
    for code, (row, col) in zip("SWOT", ((0, 0), (0, 1), (1, 0), (1, 1))):
        q = quadrant(code)
        items = swot.in_quadrant(code)
        x, y = left + col * cell_w, height - top - (row + 1) * cell_h
        sizes.append(text_box(ax, x, y, cell_w, cell_h, f"{q.code} {q.name} {q.english}",
                              [statement_label(s, show_ids) for s in items] or ["（空）"], COLORS[code],
                              colors=[WRONG if s.id in wrong else "black" for s in items] or None))
    return fig


def tows_chart(swot: Swot, strategies, title: str = "TOWS 策略矩阵") -> Figure:
    """The TOWS matrix: S and W across the top, O and T down the side, strategies in the four cells."""
    width, height = 16.0, 11.0
    head_w, head_h = 3.6, 2.8
    fig, ax = _canvas(width, height)
    ax.text(width / 2, height - 0.35, title, fontsize=20, ha="center", va="center")
    top = height - 0.7
    cell_w, cell_h = (width - head_w - 0.1) / 2, (top - head_h - 0.1) / 2
    ax.text(head_w / 2, top - head_h / 2, "内部因素 →\n外部因素 ↓", fontsize=15, ha="center", va="center")
    for col, code in enumerate("SW"):
        q = quadrant(code)
        text_box(ax, head_w + col * cell_w, top - head_h, cell_w, head_h, f"{q.code} {q.name}",
                 [statement_label(s) for s in swot.in_quadrant(code)], COLORS[code], max_size=14)
    for row, code in enumerate("OT"):
        q = quadrant(code)
        text_box(ax, 0.05, top - head_h - (row + 1) * cell_h, head_w, cell_h, f"{q.code} {q.name}",
                 [statement_label(s) for s in swot.in_quadrant(code)], COLORS[code], max_size=14)
    grouped = tows(strategies)
    for kind in STRATEGY_KINDS:
        row, col = "OT".index(kind.external), "SW".index(kind.internal)
        items = [_strategy_label(s) for s in grouped[kind.code]] or ["（空）"]
        text_box(ax, head_w + col * cell_w, top - head_h - (row + 1) * cell_h, cell_w, cell_h,
                 f"{kind.code} {strategy_kind(kind.code).aim}", items, COLORS[kind.code], max_size=16)
    return fig


def _strategy_label(strategy) -> str:
    uses = f"（{'、'.join(strategy.uses)}）" if strategy.uses else ""
    return f"{strategy.id} {strategy.text}{uses}"
