"""Autograde a cohort: preflight → sandbox → score → record → feedback, N learners at once.

Each learner's notebook is checked and restored against the release, run in its own sandboxed
process (``keyaccount.grader.sandbox``), and its plain answers are scored here, in the grader's
process, against the instructor-side key. Grades go into the course's nbgrader gradebook (manual
scores kept); the sanitised notebook goes to autograded/ for formgrader, an escaped page to feedback/.
"""
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from tqdm import tqdm

import keyaccount
from keyaccount.course import notices
from keyaccount.course.keys import load_answer_key
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_defaults import CELL_TIMEOUT
from keyaccount.course.nbgrader_run import run_nbgrader
from keyaccount.form import NoForm, load_form
from keyaccount.lessons import notebook_title
from keyaccount.grader import feedback, preflight, record, sanitise, score
from keyaccount.grader.sandbox import Limits, Sandbox

TIMESTAMP = "timestamp.txt"


@dataclass
class GradeRun:
    """What one grading run did, per learner."""
    graded: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)   # learner → why a notebook could not be graded
    notices: dict[str, list[str]] = field(default_factory=dict)
    isolation_note: str | None = None  # the sandbox's one line when learners' code ran less isolated


@dataclass(frozen=True)
class _Notebook:
    """One notebook of the assignment: its release version and the test cells of its source."""
    name: str
    release: nbformat.NotebookNode
    tests: list[score.TestCell]


@dataclass
class _Graded:
    """One learner's notebook after grading; ``nb`` is None when it could not be graded."""
    name: str
    nb: nbformat.NotebookNode | None
    restored: nbformat.NotebookNode | None
    scored: dict[str, score.Scored]
    notes: list[str]
    total: tuple[float, float]  # automatic points earned, of the automatic maximum


def ensure_released(course: Course, assignment: str) -> None:
    """Register the assignment in the gradebook (stock ``generate_assignment``) if it is not yet."""
    course.runtime.mkdir(parents=True, exist_ok=True)
    with Gradebook(course.db_url) as gb:
        try:
            gb.find_assignment(assignment)
            return
        except MissingEntry:
            pass
    run_nbgrader(["generate_assignment", assignment, "--force", *course.nbgrader_args()], course.root)


def sandbox(course: Course, timeout: int = CELL_TIMEOUT) -> Sandbox:
    """The sandbox a grading run of ``course`` uses (not yet entered)."""
    return Sandbox(Limits(cell_timeout=timeout), hide=_hidden(course))


def grade(course: Course, assignment: str, workers: int | None = None, timeout: int = CELL_TIMEOUT,
          students: list[str] | None = None, progress: bool = True, box: Sandbox | None = None) -> GradeRun:
    """Autograde ``students`` (default: all who submitted), ``workers`` at a time (default: CPU cores).

    ``box``: an open ``sandbox(course)`` kept by the caller across runs (the hub's grading service),
    which saves starting the warm process for every run; by default each run starts and ends its own."""
    ensure_released(course, assignment)
    students = students or course.students(assignment)
    absent = [s for s in students if not (course.submitted / s / assignment).is_dir()]
    if absent:
        raise FileNotFoundError(f"没有找到这些学员的 {assignment} 提交：{'、'.join(absent)}（请先 collect）。")
    key, form = load_answer_key(course.source, assignment), _form_answers(course, assignment)
    notebooks = [_Notebook(name, nbformat.read(course.release / assignment / name, as_version=4),
                           score.test_cells(nbformat.read(course.source / assignment / name, as_version=4)))
                 for name in course.notebook_names(assignment)]
    collected = notices.of_stage(course, assignment, "collect")
    run = GradeRun()
    bar = tqdm(total=len(students), desc=f"批改 {assignment}", unit="人", disable=not progress)
    with (nullcontext(box) if box else sandbox(course, timeout)) as box, Gradebook(course.db_url) as gb, \
            ThreadPoolExecutor(max(1, workers or os.cpu_count() or 1)) as pool:
        run.isolation_note = box.isolation_note
        jobs = {pool.submit(_grade_learner, box, course, assignment, notebooks, key, form, s): s for s in students}
        for job in as_completed(jobs):
            student = jobs[job]
            _keep(course, gb, assignment, student, job.result(), collected.get(student, []), run)
            bar.update()
    bar.close()
    notices.record(course, assignment, "grade", {s: run.notices.get(s, []) for s in students})
    return run


def _form_answers(course: Course, assignment: str) -> dict:
    """The answers' public forms (the author's hints in feedback); none for an assignment without a form
    of its own (one a trainer made by copying another exercise's folder)."""
    try:
        return load_form(assignment, course.release / assignment).answers
    except NoForm:
        return {}


def _hidden(course: Course) -> list[Path]:
    """The course's folders, which a learner's process must not see (the sandbox adds a clone's)."""
    folders = [course.source, course.release, course.runtime]
    kit = Path(keyaccount.__file__).resolve()
    if not kit.is_relative_to(course.root):
        folders.append(course.root)
    return [f for f in folders if f.is_dir()]


def _grade_learner(box: Sandbox, course: Course, assignment: str, notebooks: list[_Notebook], key: dict,
                   form: dict, student: str) -> list[_Graded]:
    """Each notebook of one learner; whatever goes wrong with one of them, it scores 0 and says so."""
    folder, graded = course.submitted / student / assignment, []
    for notebook in notebooks:
        try:
            graded.append(_grade_notebook(box, course.release / assignment, folder, notebook, key, form))
        except Exception as error:  # the batch goes on; the trainer sees which learner and why
            graded.append(_Graded(notebook.name, None, None, {}, [
                f"{notebook.name} 批改时出错（{type(error).__name__}），这份笔记本暂记 0 分：请告诉培训师。"],
                (0.0, sum(t.points for t in notebook.tests))))
    return graded


def _grade_notebook(box: Sandbox, release: Path, folder: Path, notebook: _Notebook, key: dict,
                    form: dict) -> _Graded:
    path = folder / notebook.name
    most = sum(t.points for t in notebook.tests)
    if not path.is_file():
        missing = f"缺少笔记本 {notebook.name}：请提交这个文件（这份笔记本按 0 分计）。"
        return _Graded(notebook.name, None, None, {}, [missing], (0.0, most))
    nb, notes = preflight.parse(path.read_bytes(), notebook.name)
    if nb is None:
        return _Graded(notebook.name, None, None, {}, notes, (0.0, most))
    notes += preflight.restore(nb, notebook.release, notebook.name)
    with tempfile.TemporaryDirectory(prefix="keyaccount-learner-") as tmp:
        files = _stage(folder, release, Path(tmp))
        execution = box.run(nb, files, [t.answer for t in notebook.tests])
    autograded, cut = sanitise.autograded(nb, execution.notebook)
    scored = score.score(notebook.tests, execution.answers, key, sanitise.form_failures(autograded),
                         execution.problems, form)
    earned = round(sum(s.points for s in scored.values()), 2)
    return _Graded(notebook.name, autograded, nb, scored, notes + list(execution.problems) + cut, (earned, most))


def _stage(folder: Path, release: Path, tmp: Path) -> Path:
    """The files the learner's code may see: their own (no notebooks), then the release's public files."""
    files = tmp / "files"
    ignore = shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints", TIMESTAMP)
    shutil.copytree(folder, files, ignore=ignore, symlinks=True)
    shutil.copytree(release, files, ignore=ignore, dirs_exist_ok=True)
    return files


def _keep(course: Course, gb: Gradebook, assignment: str, student: str, graded: list[_Graded],
          collected: list[str], run: GradeRun) -> None:
    """Record the learner's scores and write their autograded notebooks and feedback pages."""
    stamp = course.submitted / student / assignment / TIMESTAMP
    stamped = stamp.is_file() and not stamp.is_symlink()
    when = stamp.read_text("utf-8", errors="replace")[:100].strip() if stamped else None
    record.submission(gb, assignment, student, when)
    outputs = {kind: getattr(course, kind) / student / assignment for kind in ("autograded", "feedback")}
    for target in outputs.values():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
    if stamped:
        shutil.copyfile(stamp, outputs["autograded"] / TIMESTAMP)
    found = []
    for item in graded:
        record.record(gb, assignment, student, item.name, item.restored,
                      {gid: s.points for gid, s in item.scored.items()})
        found += item.notes
        if item.nb is None:
            run.failed.setdefault(student, item.notes[-1])
        _write(outputs, course.release / assignment, item, collected + item.notes)
    run.notices[student] = found
    run.graded.append(student)


def _write(outputs: dict[str, Path], release: Path, item: _Graded, notes: list[str]) -> None:
    stem = item.name.removesuffix(".ipynb")
    page = feedback.page(notebook_title(release / item.name), item.nb, item.scored, notes, item.total)
    (outputs["feedback"] / f"{stem}.html").write_text(page, encoding="utf-8")
    if item.nb is not None:
        kept = nbformat.from_dict(item.nb)
        if notes:
            text = "\n".join(f"- {sanitise.markdown_text(n)}" for n in notes)
            kept.cells.insert(0, nbformat.v4.new_markdown_cell(f"## {feedback.TITLE}\n\n{text}", id="grading-notes"))
        nbformat.write(kept, outputs["autograded"] / item.name)
