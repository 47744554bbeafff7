"""The gradebook moves from SQLite to PostgreSQL (embedded, pip-installed) without losing a grade or a comment,
and every course command then uses it; the SQLite file stays as it was."""
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from keyaccount.course import cli, create, gradebook_db
from keyaccount.course.layout import Course

from conftest import ROOT

pgserver = pytest.importorskip("pgserver", reason="needs pgserver (pip install keyaccount[hub])")
from nbgrader.api import Gradebook  # noqa: E402


def fill(db_url):
    """A gradebook as a trainer leaves it: a learner, an automatic and a manual score, a comment."""
    with Gradebook(db_url) as gb:
        gb.add_assignment("a1")
        gb.add_notebook("nb", "a1")
        gb.add_grade_cell("q1", "nb", "a1", max_score=3, cell_type="code")
        gb.add_grade_cell("essay", "nb", "a1", max_score=2, cell_type="markdown")
        gb.add_solution_cell("essay", "nb", "a1")
        gb.add_student("张三", first_name="三", last_name="张")
        gb.add_submission("a1", "张三")
        grade = gb.find_grade("q1", "nb", "a1", "张三")
        grade.auto_score = 2.5
        essay = gb.find_grade("essay", "nb", "a1", "张三")
        essay.manual_score = 1.5
        gb.find_comment("essay", "nb", "a1", "张三").manual_comment = "思路清楚，行动还不够具体。"
        gb.db.commit()


def snapshot(db_url):
    with Gradebook(db_url) as gb:
        sub = gb.find_submission("a1", "张三")
        return (sub.score, gb.find_grade("essay", "nb", "a1", "张三").manual_score,
                gb.find_comment("essay", "nb", "a1", "张三").manual_comment, [s.id for s in gb.students])


@pytest.mark.slow
def test_moving_to_the_embedded_postgresql_keeps_every_grade_and_comment(tmp_path, capsys):
    folder = create.init_course(tmp_path / "课程", ROOT / "solutions").course.root
    course = Course.at(folder)
    fill(course.db_url)
    before, sqlite_bytes = snapshot(course.db_url), hashlib.sha256(course.db_path.read_bytes()).hexdigest()

    assert cli.main(["--course", str(folder), "course", "db", "--to", "embedded"]) == 0
    assert "原样保留" in capsys.readouterr().out
    moved = Course.at(folder)
    assert moved.db_url.startswith("postgresql")
    assert snapshot(moved.db_url) == before == (4.0, 1.5, "思路清楚，行动还不够具体。", ["张三"])
    assert hashlib.sha256(course.db_path.read_bytes()).hexdigest() == sqlite_bytes

    assert cli.main(["--course", str(folder), "course", "db", "--to", "embedded"]) == 2  # no second copy on top
    assert "已经" in capsys.readouterr().err


def test_only_postgresql_targets_are_taken(tmp_path, capsys):
    folder = create.init_course(tmp_path / "c", ROOT / "solutions").course.root
    assert cli.main(["--course", str(folder), "course", "db", "--to", "mysql://x"]) == 2
    assert "只接受 embedded 或 postgresql" in capsys.readouterr().err


def reachable_by_others(path: Path) -> bool:
    """Whether an account that is neither the owner nor in the group can pass through every folder to ``path``."""
    return all(folder.stat().st_mode & 0o001 for folder in (path, *path.parents))


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                    reason="pgserver runs PostgreSQL as its own system user only when run as root")
@pytest.mark.parametrize("name", ["课程", "课程" * 20])  # the second too long for a socket in the data folder
def test_run_as_root_the_embedded_postgresql_leaves_the_course_and_its_socket_closed(tmp_path, name):
    os.chmod(tmp_path, 0o755)
    folder = create.init_course(tmp_path / name, ROOT / "solutions").course.root
    assert cli.main(["--course", str(folder), "course", "db", "--to", "embedded"]) == 0
    url = Course.at(folder).db_url
    assert folder.stat().st_mode & 0o007 == 0, "learners cannot enter the course folder (keys, submissions)"
    socket = Path(parse_qs(urlparse(url).query)["host"][0])
    assert (socket.resolve() == (folder / "gradebook-pg").resolve()) == (len(name) == 2)
    assert not reachable_by_others(socket), "no other account reaches the password-less database socket"
    with Gradebook(url) as gb:  # the trainer's side still works
        assert [a.name for a in gb.assignments] == []


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                    reason="pgserver runs PostgreSQL as its own system user only when run as root")
def test_services_opening_the_gradebook_at_once_leave_the_course_closed(tmp_path):
    """The hub starts its grading service and the dashboard together; each opens the embedded gradebook."""
    folder = create.init_course(tmp_path / "课程", ROOT / "solutions").course.root
    (folder / "gradebook.url").write_text("embedded\n", encoding="utf-8")
    code = "import sys; from keyaccount.course.layout import Course; Course.at(sys.argv[1]).db_url"
    opening = [subprocess.Popen([sys.executable, "-c", code, str(folder)]) for _ in range(3)]
    assert [p.wait(timeout=300) for p in opening] == [0, 0, 0]
    assert folder.stat().st_mode & 0o007 == 0, "learners cannot enter the course folder (keys, submissions)"


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                    reason="pgserver runs PostgreSQL as its own system user only when run as root")
def test_two_courses_opening_their_gradebooks_at_once_both_start_and_stay_closed(tmp_path):
    """Two hubs on one machine start together: pgserver opens the folders the two courses share for
    either; neither may close them again while the other's server is still starting."""
    os.chmod(tmp_path, 0o700)
    folders = [create.init_course(tmp_path / name, ROOT / "solutions").course.root for name in ("甲课程", "乙课程")]
    for folder in folders:
        (folder / "gradebook.url").write_text("embedded\n", encoding="utf-8")
    code = "import sys; from keyaccount.course.layout import Course; Course.at(sys.argv[1]).db_url"
    opening = [subprocess.Popen([sys.executable, "-c", code, str(folder)]) for folder in folders for _ in range(2)]
    try:
        assert [p.wait(timeout=300) for p in opening] == [0, 0, 0, 0]
    finally:
        for folder in folders:
            gradebook_db.stop_embedded(folder)
    assert tmp_path.stat().st_mode & 0o7777 in (0o700, 0o710), "the shared folder is closed again"
    assert all(folder.stat().st_mode & 0o007 == 0 for folder in folders)
