"""Starting the workshop hub, without starting it: learners never run as root, a gradebook choice is never
silently ignored, the hub's internal ports survive a restart, the printed address is one learners can use,
and ``--course`` works after the command too (``keyaccount hub --course F --roster R``)."""
import json
import shutil

import pytest
from traitlets.config import Config

from conftest import ROOT
from keyaccount.course import cli, create, gradebook_db
from keyaccount.course.layout import Course
from keyaccount.hub import config, launch, submissions

pytest.importorskip("jupyterhub", reason="needs JupyterHub (pip install \"keyaccount[hub]\")")
ELSEWHERE = "postgresql://keyaccount@127.0.0.1:1/elsewhere"  # never contacted: the course is "already" there


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    course = create.init_course(tmp_path_factory.mktemp("made") / "课程", ROOT / "solutions").course
    (course.root / gradebook_db.URL_FILE).write_text(ELSEWHERE + "\n", encoding="utf-8")
    return course.root


@pytest.fixture
def course(made, tmp_path, monkeypatch):
    """A course already on PostgreSQL, for a hub started by a normal account (as_root() changes that)."""
    monkeypatch.setattr(launch.os, "geteuid", lambda: 1000)
    return Course.at(shutil.copytree(made, tmp_path / "课程"))


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,账号\n张三,zs\n李四,ls\n", encoding="utf-8")
    return path


def as_root(monkeypatch, problem):
    monkeypatch.setattr(launch.os, "geteuid", lambda: 0)
    monkeypatch.setattr(launch, "isolation_problem", lambda: problem)


def test_as_root_without_isolation_the_hub_refuses_to_start_and_says_how_to_fix_it(monkeypatch, course, roster):
    as_root(monkeypatch, "Python 或课程包装在其他账户进不去的文件夹里（/root）")
    with pytest.raises(ValueError) as refused:
        launch.prepare(course, roster)
    text = str(refused.value)
    assert "（/root）" in text and "能读答案表" in text, "why, in the words of what a learner could do"
    assert 'python3 -m venv /opt/keyaccount && /opt/keyaccount/bin/pip install "keyaccount[hub]"' in text
    assert not (course.root / "hub").exists(), "nothing was set up"

    as_root(monkeypatch, None)  # even where isolation works, --no-isolation as root would make learners root
    with pytest.raises(ValueError, match="以 root 运行时不能用 --no-isolation.*普通账户"):
        launch.prepare(course, roster, isolate=False)
    assert not (course.root / "hub").exists()


def test_learners_labs_are_never_allowed_to_run_as_root(monkeypatch, course, roster):
    setup = launch.prepare(course, roster, isolate=False)  # a normal account: learners share it, warned
    assert not setup.isolated and "只在信得过的小范围里" in setup.summary()
    monkeypatch.setattr(launch.os, "geteuid", lambda: 0)  # a hand-made settings file on a root hub
    c = Config()
    config.configure(c, str(setup.hub_dir))
    assert not any("allow_root" in arg for arg in c.Spawner.args), c.Spawner.args
    assert c.Authenticator.allow_existing_users is False, "someone taken off the roster cannot log in"
    assert c.JupyterHub.cleanup_servers is False, "a restart leaves learners' JupyterLabs running"


def test_a_different_db_for_a_course_already_on_postgresql_is_refused_naming_both(course, roster):
    other = "postgresql://keyaccount@db.example.com/workshop"
    with pytest.raises(ValueError) as refused:
        launch.prepare(course, roster, db=other, isolate=False)
    assert ELSEWHERE in str(refused.value) and other in str(refused.value) and "course db" in str(refused.value)
    assert gradebook_db.chosen(course.root) == ELSEWHERE
    launch.prepare(course, roster, db=ELSEWHERE, isolate=False)  # the same one: fine


def test_internal_ports_are_kept_across_restarts_and_the_address_is_not_localhost(course, roster):
    first = launch.prepare(course, roster, isolate=False)
    ports = {k: v for k, v in json.loads((first.hub_dir / config.SETTINGS).read_text()).items() if k in launch.PORTS}
    assert set(ports) == set(launch.PORTS)
    again = launch.prepare(course, roster, isolate=False)
    assert {k: json.loads((again.hub_dir / config.SETTINGS).read_text())[k] for k in launch.PORTS} == ports
    assert "localhost" not in first.url and "0.0.0.0" not in first.url and first.url.endswith(":8000/")
    with pytest.raises(ValueError, match="负数"):
        launch.prepare(course, roster, isolate=False, submit_limit=-1)


def test_course_after_the_command_and_a_limit_before_the_first_start(course, capsys):
    args = cli.parser().parse_args(["hub", "--course", "F", "--roster", "R.csv"])
    assert (str(args.course), str(args.roster), args.run) == ("F", "R.csv", cli._hub)
    assert str(cli.parser().parse_args(["--course", "G", "release", "x"]).course) == "G"
    assert cli.main(["hub", "limit", "--course", str(course.root), "funnel_forecast", "5"]) == 0
    assert submissions.limit(course.root / "hub", "funnel_forecast") == 5
    assert cli.main(["hub", "limit", "--course", str(course.root), "funnel_forecast", "-1"]) == 2
    assert "负数" in capsys.readouterr().err
