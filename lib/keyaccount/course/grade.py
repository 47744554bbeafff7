"""Autograde a cohort in parallel with stock nbgrader, into one consistent gradebook.

Each of N workers is a stock ``nbgrader autograde`` (and ``generate_feedback``) run in its own
throw-away course: a copy of the gradebook and the checked (and, where clear, repaired) notebooks
of its share of the learners. The workers' grades are then merged one by one into the course's
gradebook, touching only automatic scores, so a manual grade survives re-grading. A learner
whose grading fails is retried alone, so one bad submission never stops the batch.
"""
import html
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import SAWarning
from tqdm import tqdm

from keyaccount.course import feedback, notices, preflight
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_defaults import CELL_TIMEOUT, CONFIG_FILE

NOTICE_TITLE = "批改说明"


@dataclass
class GradeRun:
    """What one grading run did, per learner."""
    graded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)   # learner → why grading failed
    notices: dict[str, list[str]] = field(default_factory=dict)
    collected: dict[str, list[str]] = field(default_factory=dict)  # notes from collect, for feedback


def ensure_released(course: Course, assignment: str) -> None:
    """Register the assignment in the gradebook (stock ``generate_assignment``) if it is not yet."""
    course.runtime.mkdir(parents=True, exist_ok=True)
    with Gradebook(course.db_url) as gb:
        try:
            gb.find_assignment(assignment)
            return
        except MissingEntry:
            pass
    _nbgrader(["generate_assignment", assignment, "--force", *course.nbgrader_args()], course.root)


def grade(course: Course, assignment: str, workers: int | None = None, timeout: int = CELL_TIMEOUT,
          students: list[str] | None = None, progress: bool = True) -> GradeRun:
    """Autograde ``students`` (default: all who submitted) with ``workers`` parallel nbgrader runs."""
    ensure_released(course, assignment)
    students = students or course.students(assignment)
    absent = [s for s in students if not (course.submitted / s / assignment).is_dir()]
    if absent:
        raise FileNotFoundError(f"没有找到这些学员的 {assignment} 提交：{'、'.join(absent)}（请先 collect）。")
    workers = max(1, min(workers or os.cpu_count() or 1, len(students) or 1))
    run = GradeRun(collected=notices.of_stage(course, assignment, "collect"))
    bar = tqdm(total=len(students), desc=f"批改 {assignment}", unit="人", disable=not progress)
    with tempfile.TemporaryDirectory(prefix="keyaccount-grade-") as tmp:
        shares = [students[i::workers] for i in range(workers)]
        jobs = [_Worker(course, assignment, Path(tmp) / f"w{i}", share, timeout, run)
                for i, share in enumerate(shares) if share]
        with ThreadPoolExecutor(len(jobs) or 1) as pool:
            for worker in pool.map(lambda job: job.run(bar.update), jobs):
                worker.merge()
        retry = [s for s in students if s not in run.graded and s not in run.failed]
        for i, student in enumerate(retry):  # a run stopped before them: alone, it cannot stop others
            worker = _Worker(course, assignment, Path(tmp) / f"retry{i}", [student], timeout, run)
            worker.run(bar.update).merge()
            if student not in run.graded and student not in run.failed:
                run.failed[student] = worker.failure_reason()
        _record_zero(course, assignment, list(run.failed))
    for student, reason in run.failed.items():
        run.notices.setdefault(student, []).append(f"批改失败：{reason}")
        _write_failure_feedback(course, assignment, student, run.collected.get(student, []) + run.notices[student])
    bar.close()
    notices.record(course, assignment, "grade", {s: run.notices.get(s, []) for s in students})
    return run


def _nbgrader(args: list[str], cwd: Path, tick=None) -> subprocess.CompletedProcess:
    proc = subprocess.Popen([sys.executable, "-m", "nbgrader", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if tick and "| INFO] Autograding " in line:
            tick(1)
    proc.wait()
    return subprocess.CompletedProcess(args, proc.returncode, "".join(lines), "")


class _Worker:
    """One stock nbgrader run over a share of the learners, in its own throw-away course."""

    def __init__(self, course: Course, assignment: str, root: Path, students: list[str], timeout: int,
                 run: GradeRun):
        self.course, self.assignment, self.root = course, assignment, root
        self.students, self.timeout, self.run_state = students, timeout, run
        # the throw-away course; its source/ is where stock nbgrader's hidden tests find the answer key
        self.local = Course(root, root / "source", course.release, runtime=root)
        self.log = ""

    def run(self, tick) -> "_Worker":
        self.root.mkdir(parents=True)
        (self.root / "nbgrader_config.py").write_text(CONFIG_FILE, encoding="utf-8")
        shutil.copyfile(self.course.db_path, self.local.db_path)
        shutil.copytree(self.course.source / self.assignment, self.local.source / self.assignment)
        try:
            staged = [s for s in self.students if self._stage(s)]
            if staged:
                result = _nbgrader(["autograde", self.assignment, "--create", f"--Execute.timeout={self.timeout}",
                                    *self.local.nbgrader_args()], self.root, tick)
                self.log = result.stdout
                for student in staged:
                    self._add_notice_cells(student)
                _nbgrader(["generate_feedback", self.assignment, "--force", *self.local.nbgrader_args()], self.root)
        except Exception as error:  # whatever it was, the learners not graded are retried or reported
            self.log += f"\n[keyaccount | ERROR] {type(error).__name__}: {error}"
        return self

    def _stage(self, student: str) -> bool:
        """Copy the learner's notebooks into the worker, checked and repaired (originals untouched).

        False when none of them can be graded: the learner is recorded as failed with the reason.
        """
        source = self.course.submitted / student / self.assignment
        target = self.local.submitted / student / self.assignment
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
        found, readable = [], 0
        for name in self.course.notebook_names(self.assignment):
            path = source / name
            if not path.is_file():
                found.append(f"缺少笔记本 {name}：请提交这个文件（这份作业按 0 分计）。")
                continue
            nb, notes = preflight.parse(path.read_bytes(), name)
            if nb is not None:
                release = nbformat.read(self.course.release / self.assignment / name, as_version=4)
                original = nbformat.read(self.course.source / self.assignment / name, as_version=4)
                notes += preflight.repair(nb, release, original, name)
                nbformat.write(nb, target / name)
                readable += 1
            found += notes
        self.run_state.notices[student] = found
        if not readable:
            shutil.rmtree(target.parent)
            self.run_state.failed[student] = "没有可以批改的笔记本。"
        return bool(readable)

    def _add_notice_cells(self, student: str) -> None:
        """Note timeouts and huge outputs, and put all notices at the top of the autograded notebooks."""
        folder = self.local.autograded / student / self.assignment
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            found = self.run_state.notices.setdefault(student, [])
            found += _run_problems(nb, path.name, self.timeout)
            messages = self.run_state.collected.get(student, []) + found
            if not messages:
                continue
            text = f"## {NOTICE_TITLE}\n\n" + "\n".join(f"- {m}" for m in messages)
            nb.cells.insert(0, nbformat.v4.new_markdown_cell(text))
            path.chmod(0o644)
            nbformat.write(nb, path)

    def merge(self) -> None:
        """Copy this worker's automatic grades, autograded notebooks and feedback into the course.

        A learner nbgrader tried but could not grade is recorded as failed; one it never reached
        (its run stopped early) is left for a retry.
        """
        graded = []
        with Gradebook(self.local.db_url) as mine, Gradebook(self.course.db_url) as main:
            for student in self.students:
                if student in self.run_state.failed:
                    continue
                autograded = self.local.autograded / student / self.assignment
                try:
                    sub = mine.find_submission(self.assignment, student)
                except MissingEntry:
                    sub = None
                if sub is not None and autograded.is_dir():
                    _copy_auto_grades(sub, main, self.assignment, student)
                    graded.append(student)
                elif f"/{student}/{self.assignment}" in self.log:
                    self.run_state.failed[student] = self.failure_reason()
        for student in graded:
            for kind in ("autograded", "feedback"):
                src = getattr(self.local, kind) / student / self.assignment
                dst = getattr(self.course, kind) / student / self.assignment
                if dst.exists():
                    shutil.rmtree(dst)
                if src.is_dir():
                    shutil.copytree(src, dst)
        self.run_state.graded += graded

    def failure_reason(self) -> str:
        """A short Chinese reason from the nbgrader log of a failed run."""
        if "DeadKernelError" in self.log or "Kernel died" in self.log:
            return "运行时内核崩溃（代码让 Python 退出或内存耗尽），请检查答题单元格。"
        if "CellTimeoutError" in self.log or "timed out" in self.log:
            return f"有单元格运行超过 {self.timeout} 秒（可能是死循环），已停止。"
        last = [line for line in self.log.splitlines() if "ERROR" in line]
        return f"nbgrader 报错：{last[-1].split(']', 1)[-1].strip() if last else '原因不明'}"


def _copy_auto_grades(sub, main: Gradebook, assignment: str, student: str) -> None:
    """Write a worker's automatic scores into the main gradebook; manual scores stay as they are."""
    target = _submission(main, assignment, student)
    target.timestamp = sub.timestamp
    for nb in sub.notebooks:
        for grade in nb.grades:
            mine = main.find_grade(grade.name, nb.name, assignment, student)
            mine.auto_score = grade.auto_score
            if mine.manual_score is None:
                mine.needs_manual_grade = grade.needs_manual_grade
        for comment in nb.comments:
            main.find_comment(comment.name, nb.name, assignment, student).auto_comment = comment.auto_comment
    main.db.commit()


def _run_problems(nb, name: str, timeout: int) -> list[str]:
    """What went wrong while running the learner's cells: timeouts, oversized outputs."""
    found = []
    for number, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and output.get("ename") == "CellTimeoutError":
                found.append(f"{name} 第 {number} 个单元格运行超过 {timeout} 秒（可能是死循环），已被停止；"
                             "依赖它的题目记 0 分。")
            elif feedback.oversized(output):
                found.append(f"{name} 第 {number} 个单元格输出太长，反馈里只保留开头部分；请不要打印大量内容。")
    return found


def _record_zero(course: Course, assignment: str, students: list[str]) -> None:
    """0 automatic points for learners whose work could not be graded (an older grade is not kept)."""
    with Gradebook(course.db_url) as gb:
        for student in students:
            for nb in _submission(gb, assignment, student).notebooks:
                for g in nb.grades:
                    if g.auto_score is not None:
                        g.auto_score = 0
        gb.db.commit()


def _write_failure_feedback(course: Course, assignment: str, student: str, messages: list[str]) -> None:
    """A feedback page for a learner whose work could not be graded: what to fix."""
    folder = course.feedback / student / assignment
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
    page = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{assignment}</title></head>'
            f"<body><h1>{assignment}：{NOTICE_TITLE}</h1><p>你的作业没能自动批改，得分记为 0。原因：</p>"
            f"<ul>{items}</ul><p>改好后请重新提交。</p></body></html>")
    (folder / f"{assignment}.html").write_text(page, encoding="utf-8")


def _submission(gb: Gradebook, assignment: str, student: str):
    """The learner's submission in ``gb``, created (with empty grades) if missing."""
    gb.update_or_create_student(student)
    try:
        return gb.find_submission(assignment, student)
    except MissingEntry:
        with warnings.catch_warnings():  # nbgrader's own add_submission trips SQLAlchemy's autoflush notes
            warnings.simplefilter("ignore", SAWarning)
            return gb.add_submission(assignment, student)
