"""The lesson index ``notebooks/00_index.ipynb``: lessons and exercises in teaching order, as plain
Markdown that shows without running anything. Rebuild it after adding or renaming a lesson or an
exercise (a test keeps the committed index in step with the notebooks' titles):

    python -m keyaccount.lessons
"""
import json
import sys
from pathlib import Path

import nbformat

from keyaccount.content import content_dir
from keyaccount.jupyter_settings import COMMITTED_LANGUAGE_INFO

INDEX_NAME = "00_index.ipynb"
# After which lesson each exercise is done (the lessons it needs come first).
EXERCISE_AFTER = {
    "funnel_forecast": "01",
    "six_steps_win_the_account": "13",
    "six_steps_close_and_collect": "16",
    "projects_abc_tree": "21",
    "projects_statistics": "22",
    "strategy_swot_tows": "30",
    "strategy_smart": "31",
    "strategy_fishbone_plan": "32",
    "hightouch_opportunity": "41",
    "hightouch_modes_segments": "44",
}
INTRO = """\
# 大客户销售训练营：课程目录

欢迎！这是一套用 Jupyter 学习**大客户（B2B）销售**方法的课程。每一课都有讲解、源文件里的案例、
可以拖动和填写的互动工具；每个模块配有练习。

**怎么用这些笔记本**
1. 点下面的链接打开一课，从上到下逐个运行单元格：选中单元格后按 **Shift + Enter**（或点上方的 ▶ 按钮）。
2. 灰色的代码框不用改，它们调出课程工具；看图、读表、拖动滑块就可以。
3. 练习里只需要把模板里的 `None` 换成你的答案（数字、文字或选项），然后运行自查单元格看提示。
4. 改乱了？菜单 **文件 → 恢复到检查点** 可以找回上次保存的版本；把文件删掉后再运行一次
   `keyaccount start`，就能取回课程的原版。

学完以后，这些工具（漏斗计算器、项目统计表、机会评分卡 ……）也可以用在你自己的客户上：
把课程开头的 `case` 换成你自己的案例文件即可（见 `cases/` 文件夹里的例子）。
"""


def notebook_title(path: Path) -> str:
    """The first ``# heading`` of a notebook (its Chinese title), or the file name."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return path.stem
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def lessons(notebooks: Path) -> list[Path]:
    return [p for p in sorted(notebooks.glob("[0-9]*.ipynb")) if p.name != INDEX_NAME]


def exercises_in_teaching_order(exercises: Path) -> list[Path]:
    """Exercise notebooks by the lesson they follow; ones the table does not know (a trainer's own) last."""
    found = sorted(exercises.glob("*/*.ipynb"))
    return sorted(found, key=lambda p: EXERCISE_AFTER.get(p.parent.name, "99"))


def index_markdown(notebooks: Path, exercises: Path) -> str:
    """The index as Markdown, with links relative to ``notebooks/``."""
    lines = [INTRO, "## 课程", ""]
    lines += [f"- [{notebook_title(p)}]({p.name})" for p in lessons(notebooks)]
    lines += ["", "## 练习（按学习顺序）", ""]
    for path in exercises_in_teaching_order(exercises):
        after = EXERCISE_AFTER.get(path.parent.name)
        when = f"（学完第 {after} 课后做）" if after else ""
        lines.append(f"- [{notebook_title(path)}](../exercises/{path.parent.name}/{path.name}){when}")
    return "\n".join(lines) + "\n"


def index_notebook(notebooks: Path, exercises: Path) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_markdown_cell(index_markdown(notebooks, exercises))
    cell["id"] = "index"
    nb.cells = [cell]
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
                   "language_info": dict(COMMITTED_LANGUAGE_INFO)}
    return nb


def main() -> int:
    notebooks, exercises = content_dir("notebooks"), content_dir("exercises")
    target = notebooks / INDEX_NAME
    nbformat.write(index_notebook(notebooks, exercises), target)
    print(f"已生成 {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
