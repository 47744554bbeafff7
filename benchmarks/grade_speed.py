"""Benchmark: grade a synthetic cohort with stock nbgrader and with `keyaccount grade`, same run.

    .venv/bin/python benchmarks/grade_speed.py [--learners 100] [--workers N] [--assignment funnel_forecast]

The cohort mixes right (solution), partly right (first answer left as the template) and wrong
(untouched exercise) submissions. Both sides do autograde + feedback. Also measured: the floor,
one notebook executed by a bare kernel (start + run), which no grader can beat per notebook.
"""
import argparse
import copy
import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from keyaccount.course import grade
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_defaults import CONFIG_FILE
from keyaccount.course.nbgrader_run import run_nbgrader
CLONE_ROOT = Path(__file__).resolve().parents[1]  # the repository: solutions/ and exercises/


def cohort(assignment: str, learners: int) -> list[dict[str, nbformat.NotebookNode]]:
    """Notebooks per learner, cycling right / partly right / wrong."""
    names = sorted(p.name for p in (CLONE_ROOT / "solutions" / assignment).glob("*.ipynb"))
    right = {n: nbformat.read(CLONE_ROOT / "solutions" / assignment / n, as_version=4) for n in names}
    wrong = {n: nbformat.read(CLONE_ROOT / "exercises" / assignment / n, as_version=4) for n in names}
    partly = copy.deepcopy(right)
    for name, nb in partly.items():
        answers = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]
        templates = [c for c in wrong[name].cells
                     if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]
        if answers:
            answers[0].source = templates[0].source
    return [(right, partly, wrong)[i % 3] for i in range(learners)]


def build(root: Path, assignment: str, learners: int) -> Course:
    root.mkdir(parents=True)
    (root / "nbgrader_config.py").write_text(CONFIG_FILE, encoding="utf-8")
    shutil.copytree(CLONE_ROOT / "solutions" / assignment, root / "source" / assignment)
    course = Course.at(root)
    grade.ensure_released(course, assignment)
    for i, notebooks in enumerate(cohort(assignment, learners)):
        folder = course.submitted / f"learner{i:03d}" / assignment
        folder.mkdir(parents=True)
        for name, nb in notebooks.items():
            nbformat.write(nb, folder / name)
    return course


def floor_seconds(assignment: str) -> float:
    """One notebook: a fresh kernel started and the solution run."""
    path = next((CLONE_ROOT / "solutions" / assignment).glob("*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--learners", type=int, default=100)
    p.add_argument("--workers", type=int, default=os.cpu_count())
    p.add_argument("--assignment", default="funnel_forecast")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="keyaccount-bench-") as tmp:
        ours = build(Path(tmp) / "ours", args.assignment, args.learners)
        stock_root = Path(tmp) / "stock"
        shutil.copytree(ours.root, stock_root)
        stock = Course.at(stock_root)
        notebooks = args.learners * len(ours.notebook_names(args.assignment))

        start = time.perf_counter()
        for command in ("autograde", "generate_feedback"):
            run_nbgrader([command, args.assignment, "--create" if command == "autograde" else "--force",
                          *stock.nbgrader_args()], cwd=stock_root)
        stock_s = time.perf_counter() - start

        start = time.perf_counter()
        grade.grade(ours, args.assignment, workers=args.workers, progress=False)
        ours_s = time.perf_counter() - start
        floor = floor_seconds(args.assignment)

    print(f"学员 {args.learners} 人，笔记本 {notebooks} 本，CPU {os.cpu_count()} 核，workers={args.workers}")
    print(f"stock nbgrader（autograde + feedback）：{stock_s:7.1f} s  = {stock_s / notebooks:.2f} s/本")
    print(f"keyaccount grade：                      {ours_s:7.1f} s  = {ours_s / notebooks:.2f} s/本")
    print(f"加速比 speed-up: {stock_s / ours_s:.2f}×")
    print(f"下限 floor（单个内核启动 + 运行）：{floor:.2f} s/本；每核摊到 {floor / args.workers:.2f} s/本")


if __name__ == "__main__":
    main()
