"""Screenshots of each lesson's first case widget, as a learner sees it in JupyterLab at 1280×800.

    .venv/bin/python tools/widget_screenshots.py [--all] [LESSON.ipynb ...]   # default: every lesson

Each lesson is run in a private JupyterLab in Debian's Chromium; the PNGs go to
``widget_screenshots/`` (git-ignored), and anything sticking out of a widget is printed.
``--all`` takes every widget of the lesson (``<lesson>-2.png`` …), not only the first.
"""
import sys
from pathlib import Path

import lab_browser

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "widget_screenshots"


def main(argv: list[str]) -> int:
    if reason := lab_browser.missing():
        print(f"无法截图：{reason}")
        return 1
    every = "--all" in argv
    lessons = [a for a in argv if a != "--all"] or sorted(
        p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb") if not p.name.startswith("00_"))
    OUT.mkdir(exist_ok=True)
    with lab_browser.lab_server(ROOT / "notebooks") as url, lab_browser.browser() as chromium:
        for lesson in lessons:
            page = lab_browser.run_lesson(chromium, url, lesson)
            widgets = lab_browser.widget_outputs(page)
            if not widgets:
                print(f"{lesson}: 没有互动工具")
            for number, widget in enumerate(widgets if every else widgets[:1], start=1):
                target = OUT / (f"{Path(lesson).stem}.png" if number == 1 else f"{Path(lesson).stem}-{number}.png")
                problems = lab_browser.overflow_problems(widget)
                lab_browser.screenshot(page, widget, target)
                print(f"{target.relative_to(ROOT)}" + "".join(f"\n  ✗ {p}" for p in problems))
            page.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
