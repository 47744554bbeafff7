"""Benchmark: grade one cohort with stock nbgrader and with `keyaccount grade`, in the same run.

    .venv/bin/python benchmarks/grade_speed.py [--learners 60] [--workers N] [--assignment funnel_forecast]

The cohort cycles right (all answers), partly right (first answer left blank) and wrong (as
released) learners. Stock does ``nbgrader autograde`` + ``generate_feedback``; the kit does
``keyaccount grade`` (grade + feedback). Also printed: the floor — the median over 5 runs of
executing the right notebook's code in a process forked from an already warm interpreter — and,
for reference, one cold kernel start + run of the same notebook. The machine's load is printed too.
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from keyaccount.course import grade
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_defaults import CONFIG_FILE
from keyaccount.course.nbgrader_run import run_nbgrader
from sandbox_floor import floor

CLONE_ROOT = Path(__file__).resolve().parents[1]  # the repository: solutions/ and tests/

sys.path.insert(0, str(CLONE_ROOT / "tests"))
from course_fixture import benign_cohort  # noqa: E402  (the tests' cohort builder: one home)


def build(root: Path, assignment: str, learners: int) -> Course:
    """A stock-layout course with the assignment released and ``learners`` submissions."""
    root.mkdir(parents=True)
    (root / "nbgrader_config.py").write_text(CONFIG_FILE, encoding="utf-8")
    shutil.copytree(CLONE_ROOT / "solutions" / assignment, root / "source" / assignment)
    course = Course.at(root)
    grade.ensure_released(course, assignment)
    kinds = list(benign_cohort(course.source / assignment, course.release / assignment).values())
    for i in range(learners):
        folder = course.submitted / f"learner{i:03d}" / assignment
        folder.mkdir(parents=True)
        for name, nb in kinds[i % len(kinds)].items():
            nbformat.write(nb, folder / name)
    return course


def cold_seconds(notebook: nbformat.NotebookNode, folder: Path) -> float:
    """One notebook: a fresh kernel started and the notebook run."""
    start = time.perf_counter()
    NotebookClient(notebook, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--learners", type=int, default=60)
    p.add_argument("--workers", type=int, default=os.cpu_count())
    p.add_argument("--assignment", default="funnel_forecast")
    args = p.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="keyaccount-bench-") as tmp:
        ours = build(Path(tmp) / "ours", args.assignment, args.learners)
        stock_root = Path(tmp) / "stock"
        shutil.copytree(ours.root, stock_root)
        stock = Course.at(stock_root)
        notebooks = args.learners * len(ours.notebook_names(args.assignment))

        start = time.perf_counter()
        run_nbgrader(["autograde", args.assignment, "--create", *stock.nbgrader_args()], cwd=stock_root)
        run_nbgrader(["generate_feedback", args.assignment, "--force", *stock.nbgrader_args()], cwd=stock_root)
        stock_s = time.perf_counter() - start

        start = time.perf_counter()
        grade.grade(ours, args.assignment, workers=args.workers, progress=False)
        ours_s = time.perf_counter() - start

        right = next((ours.submitted / "learner000" / args.assignment).glob("*.ipynb"))
        notebook = nbformat.read(right, as_version=4)
        floor_s = floor(notebook, runs=5)
        cold_s = cold_seconds(notebook, right.parent)
    load_after = os.getloadavg()

    print(f"学员 {args.learners} 人，笔记本 {notebooks} 本，CPU {os.cpu_count()} 核，workers={args.workers}")
    print(f"机器负载 load average（1/5/15 分钟）：开始 {load_before[0]:.1f}/{load_before[1]:.1f}/{load_before[2]:.1f}，"
          f"结束 {load_after[0]:.1f}/{load_after[1]:.1f}/{load_after[2]:.1f}")
    print(f"stock nbgrader（autograde + feedback）：{stock_s:7.1f} s  = {stock_s / notebooks:.3f} s/本")
    print(f"keyaccount grade（grade + feedback）：   {ours_s:7.1f} s  = {ours_s / notebooks:.3f} s/本")
    print(f"加速比 speed-up: {stock_s / ours_s:.2f}×")
    print(f"下限 floor（暖解释器 fork 后运行该笔记本的代码，5 次中位数）：{floor_s:.3f} s/本")
    print(f"参考：冷启动内核 + 运行：{cold_s:.2f} s/本")


if __name__ == "__main__":
    main()
