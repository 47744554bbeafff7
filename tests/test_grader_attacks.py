"""Hostile learners against `keyaccount grade`: each attack measured on the old kit is a learner here.

The attackers know every path (course, repository, gradebook, other learners). After two grading
runs nothing of the course has changed except the attacker's own gradebook rows, no attacker earned a
point it did not answer for, each reason shown is its own and Chinese, and no feedback page holds
anything that could run in a browser.
"""
import copy
import hashlib
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbconvert import HTMLExporter
from nbgrader.api import Gradebook

import keyaccount
from conftest import ROOT
from course_fixture import TempCourse, benign_cohort
from keyaccount.course import grade, report
from keyaccount.course.layout import Course
from keyaccount.grader import confine

A = "funnel_forecast"
NB = f"{A}.ipynb"
TIMEOUT = 10
KIT = Path(keyaccount.__file__).resolve().parent
VICTIMS = ("right", "half")
pytestmark = [pytest.mark.nbgrader, pytest.mark.skipif(
    confine.probe() != confine.FULL,
    reason="needs Linux as root for the sandbox's full isolation (own uid, mount and network namespaces); "
           "without it these attackers would really damage the checkout")]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _attacker(nb, code: str, keep_answers: bool):
    """``nb`` with ``code`` in its first answer cell; without ``keep_answers`` every answer cell is
    emptied first, so any point the attacker gets is stolen."""
    nb = copy.deepcopy(nb)
    cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]
    if not keep_answers:
        for cell in cells:
            cell.source = ""
    cells[0].source = code + "\n" + cells[0].source
    return nb


def _attacks(course: Path) -> dict[str, str]:
    """Code typed into an answer cell by each attacker."""
    db, victim = course / "gradebook.db", course / "submitted" / "right" / A / NB
    keys = [course / "source" / A / "answer_key.py", ROOT / "solutions" / A / "answer_key.py"]
    return {
        "rebinds_helpers": """
score = lambda assignment, name, points: points
check_format = check = lambda *args, **kwargs: None
import keyaccount.grading as g
g.score, g.check_format = score, check_format
try:
    import keyaccount.compare as c
    c.compare = lambda value, expected: (1.0, ["✓"])
    c.equal = lambda a, b: True
except Exception:
    pass
""",
        "steals_key": f"""
import importlib.util, os, glob
stolen = {{}}
try:
    from keyaccount.exercises import answer_key
    stolen.update(answer_key("{A}"))
except Exception:
    pass
paths = {[str(k) for k in keys]!r}
for cwd in glob.glob("/proc/[0-9]*/cwd"):
    try:
        paths += glob.glob(os.path.join(os.readlink(cwd), "*", "{A}", "answer_key.py"))
    except OSError:
        pass
for path in paths:
    try:
        spec = importlib.util.spec_from_file_location("k", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        stolen.update(module.answer_key())
    except Exception:
        pass
globals().update(stolen)
""",
        "tampers": f"""
import os, shutil, sqlite3, glob
targets = [{str(course)!r}, *[os.readlink(p) for p in glob.glob("/proc/[0-9]*/cwd") if os.path.exists(p)]]
for root in targets:
    try:
        db = sqlite3.connect(os.path.join(root, "gradebook.db"))
        db.execute("UPDATE grade SET manual_score = 99")
        db.execute("UPDATE grade SET auto_score = 0")
        db.execute("UPDATE grade_cells SET max_score = 0")
        db.commit()
    except Exception:
        pass
for path in [{str(db)!r}, {str(victim)!r}]:
    try:
        open(path, "w").write("{{}}")
    except Exception:
        pass
    try:
        os.remove(path)
    except Exception:
        pass
import keyaccount, keyaccount.grading
for module in [keyaccount.grading, *[m for n, m in list(__import__("sys").modules.items()) if n.startswith("keyaccount.")]]:
    try:
        open(module.__file__, "a").write("\\nraise SystemExit('hacked')\\n")
    except Exception:
        pass
try:
    shutil.rmtree({str(course / "source")!r})
except Exception:
    pass
""",
        "markup": """
print("<script>alert('print')</script>")
from IPython.display import HTML, Javascript, Markdown, SVG, display
display(HTML("<img src=x onerror=alert('html')><script>alert('html2')</script>"))
display(Javascript("alert('js')"))
display(SVG('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'))
display(Markdown("<script>alert('md')</script> [click](javascript:alert('md'))"))
display({"text/html": "<iframe src=javascript:alert(1)>"}, raw=True, metadata={"width": '1" onload="alert(1)'})
def check(*args):
    raise ValueError("<img src=x onerror=alert('error')>格式不对")
""",
        "fake_values": """
class Always(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__
class Keys(dict):
    def __eq__(self, other):
        return True
业绩预测 = Keys({"预测合计": Always(1), "预测外实现": Always(1), "预测完成率": Always(1)})
小项目漏斗 = {"预计成交单数": Always(1), "预计成交金额": 1, "金额缺口": 1, "项目缺口": 1}
""",
        "crashes": "import os\nos._exit(1)",
        "prints_kernel_died": "print('Kernel died', 'DeadKernelError', 'CellTimeoutError', '内核崩溃', '超过 60 秒')",
    }


def _markup_cells(nb):
    """The markup attacker also writes markup into its written answer, a cell of its own and cell tags."""
    nb = copy.deepcopy(nb)
    written = next(c for c in nb.cells if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("solution"))
    written.source = "<img src=x onerror=alert('written')> [点我](javascript:alert('link')) <script>alert(3)</script>"
    own = nbformat.v4.new_markdown_cell("<script>alert('own')</script><svg onload=alert(5)>")
    own.metadata["tags"] = ['x" onmouseover="alert(4)']
    nb.cells.insert(1, own)
    return nb


def _fingerprint(course: Path) -> dict[str, str]:
    """Hashes of the kit's code and every file of the course except the gradebook, the grader's
    notices and the attackers' own folders."""
    files = [p for p in course.rglob("*") if p.is_file() and p.name != "gradebook.db"
             and not {"notices", *ATTACKERS} & set(p.relative_to(course).parts)]
    files += [p for p in KIT.rglob("*.py")]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _gradebook_rows(db: Path, skip: set[str]) -> list:
    """Every row of the gradebook except those of the learners in ``skip``."""
    con = sqlite3.connect(db)
    own = {r[0] for r in con.execute(
        f"SELECT id FROM submitted_assignment WHERE student_id IN ({','.join('?' * len(skip))})", sorted(skip))}
    notebooks = {r[0] for r in con.execute("SELECT id, assignment_id FROM submitted_notebook") if r[1] in own} \
        if own else set()
    rows = []
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
        columns = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
        for row in con.execute(f"SELECT * FROM {table}"):
            fields = dict(zip(columns, row))
            if fields.get("id") in own or fields.get("id") in notebooks or fields.get("notebook_id") in notebooks \
                    or (table == "submitted_notebook" and fields.get("assignment_id") in own):
                continue
            rows.append((table, row))
    con.close()
    return sorted(rows, key=repr)


ATTACKERS = set()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    temp = TempCourse(tmp_path_factory.mktemp("attacked"), ROOT, A)
    benign = benign_cohort(temp.source, temp.release)
    for name in VICTIMS:
        temp.submit(name, benign[name])
    right = benign["right"][NB]
    attacks = _attacks(temp.root)
    ATTACKERS.update(attacks)
    for name, code in attacks.items():
        nb = _attacker(right, code, keep_answers=name in ("crashes", "prints_kernel_died"))
        temp.submit(name, {NB: _markup_cells(nb) if name == "markup" else nb})
    deleted = copy.deepcopy(right)
    deleted.cells = [c for c in deleted.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "small_test"]
    temp.submit("deleted_test", {NB: deleted})
    (temp.root / "submitted" / "no_notebook" / A).mkdir(parents=True)
    course = Course.at(temp.root)
    initial = _fingerprint(temp.root)
    grade.grade(course, A, workers=2, timeout=TIMEOUT, progress=False)
    with Gradebook(temp.db_url) as gb:  # the trainer grades a written answer by hand …
        for g in gb.find_submission(A, "right").notebooks[0].grades:
            if g.cell.cell_type == "markdown":
                g.manual_score, g.needs_manual_grade = 2, False
        gb.db.commit()
    grade.grade(course, A, workers=2, timeout=TIMEOUT, progress=False)  # … and re-grading flags it for review
    before = _fingerprint(temp.root), _gradebook_rows(temp.root / "gradebook.db", ATTACKERS)
    run = grade.grade(course, A, workers=2, timeout=TIMEOUT, progress=False)
    after = _fingerprint(temp.root), _gradebook_rows(temp.root / "gradebook.db", ATTACKERS)
    return temp, run, before, after, initial


def test_nothing_of_the_course_or_the_kit_changed(graded):
    _, _, before, after, initial = graded
    assert before[0] == after[0]
    assert {path: after[0].get(path) for path in initial} == initial  # source, keys, submissions, kit


def test_the_gradebook_changed_only_in_the_attackers_own_rows(graded):
    temp, _, before, after, _ = graded
    assert before[1] == after[1]
    assert temp.scores("right")["code_score"] == temp.scores("right")["max_code_score"]
    assert temp.scores("right")["score"] == temp.scores("right")["max_code_score"] + 2  # the manual grade kept


@pytest.mark.parametrize("attacker", ["rebinds_helpers", "steals_key", "tampers", "markup", "fake_values"])
def test_attackers_earn_no_point_they_did_not_answer_for(graded, attacker):
    temp, *_ = graded
    scores = temp.scores(attacker)
    assert scores["code_score"] == 0, scores["cells"]
    with Gradebook(temp.db_url) as gb:
        assert all(g.manual_score is None for nb in gb.find_submission(A, attacker).notebooks for g in nb.grades)


def test_a_value_that_is_not_plain_data_scores_zero_with_a_reason(graded):
    temp, run, *_ = graded
    page = (temp.root / "feedback" / "fake_values" / A / f"{A}.html").read_text("utf-8")
    assert "普通数据" in page


def test_a_deleted_test_cell_is_restored_and_scored(graded):
    temp, run, *_ = graded
    assert temp.scores("deleted_test")["cells"] == temp.scores("right")["cells"] | {"reflection": 0.0}
    assert any("的检查单元格" in n and "删除" in n and "small_test" not in n for n in run.notices["deleted_test"])


def test_a_missing_notebook_is_a_learner_with_zero_and_a_reason(graded, tmp_path):
    temp, run, *_ = graded
    course = Course.at(temp.root)
    row = report.scores(course).set_index("学员").loc["no_notebook"]
    assert row["得分"] == 0 and "缺少笔记本" in row["说明"]
    csv_path, _ = report.export(course, tmp_path)
    assert "no_notebook" in csv_path.read_text("utf-8-sig")
    assert "缺少笔记本" in (temp.root / "feedback" / "no_notebook" / A / f"{A}.html").read_text("utf-8")


def test_a_crash_is_said_to_its_own_learner_only(graded):
    temp, run, *_ = graded
    crash = [n for n in run.notices["crashes"] if n not in run.notices.get("right", [])]
    assert crash, "the crash is reported to the learner who crashed"
    for student, found in run.notices.items():
        if student != "crashes":
            assert not set(crash) & set(found), student
    assert temp.scores("prints_kernel_died")["code_score"] == temp.scores("right")["code_score"]
    assert not run.notices.get("prints_kernel_died")


def test_every_reason_is_chinese(graded):
    _, run, *_ = graded
    for student, found in run.notices.items():
        for line in found:
            assert CJK.search(line), (student, line)
            assert "Traceback" not in line and "[AutogradeApp" not in line


def test_the_markup_attackers_error_is_its_own_reason(graded):
    temp, *_ = graded
    page = (temp.root / "feedback" / "markup" / A / f"{A}.html").read_text("utf-8")
    assert "ValueError: " in page  # its own error, shown as text in its test cell
    right = (temp.root / "feedback" / "right" / A / f"{A}.html").read_text("utf-8")
    assert "ValueError" not in right and "alert" not in right


class _Live(HTMLParser):
    """Whatever in a page could run: script elements, event attributes, javascript: links, frames."""

    def __init__(self):
        super().__init__()
        self.found, self.scripts = [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "svg", "math", "base", "form"):
            self.found.append(tag)
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "vbscript:")):
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _live(page: str) -> _Live:
    parser = _Live()
    parser.feed(page)
    return parser


def test_feedback_pages_hold_nothing_that_runs(graded):
    temp, *_ = graded
    pages = list((temp.root / "feedback").rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text("utf-8")
        assert not _live(text).found, (page, _live(text).found)
        assert "script-src" in text or "default-src 'none'" in text  # and the browser is told not to run any
    markup = (temp.root / "feedback" / "markup" / A / f"{A}.html").read_text("utf-8")
    assert "&lt;script&gt;alert(&#x27;print&#x27;)&lt;/script&gt;" in markup or "&lt;script&gt;alert('print')" in markup


def test_autograded_notebook_shows_nothing_that_runs_in_formgrader(graded):
    temp, *_ = graded
    nb = temp.autograded("markup")[NB]
    mimes = {m for c in nb.cells for o in c.get("outputs", []) for m in o.get("data", {})}
    assert mimes <= {"text/plain", "image/png", "image/jpeg"}
    page = HTMLExporter(template_name="lab").from_notebook_node(nb)[0]  # how formgrader renders a notebook
    live = _live(page)
    assert not [f for f in live.found if f != "script"], live.found
    assert not [s for s in live.scripts if "alert" in s]
