"""``keyaccount course init FOLDER``: a trainer's course folder, outside any repository.

The folder has stock nbgrader's layout (``source/``, ``release/``, ``submitted/``, ``autograded/``,
``feedback/``, ``gradebook.db``, ``exchange/``) and an ``nbgrader_config.py`` with the kit's defaults.
``source/`` is seeded from the kit's instructor exercises (``solutions/`` of the course source) or the
trainer's own. Running it again adds new assignments and never overwrites one already there.
"""
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook

from keyaccount.course.layout import Course
from keyaccount.course.paths import assignments

CONFIG = '''\
"""nbgrader configuration of a workshop course made by `keyaccount course init` (stock nbgrader layout)."""
import os

from keyaccount.course.gradebook_db import course_db_url
from keyaccount.course.nbgrader_defaults import apply as apply_kit_defaults

c = get_config()  # noqa: F821 (injected by nbgrader)
here = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.root = here
c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.db_url = course_db_url(here, os.path.join(here, "gradebook.db"))  # SQLite unless gradebook.url says
c.Exchange.root = os.path.join(here, "exchange")
apply_kit_defaults(c)
'''


@dataclass
class CourseSetup:
    course: Course
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def find_solutions(start: Path | None = None) -> Path:
    """The kit's instructor exercises: ``solutions/`` in ``start`` (or the working folder) or a parent."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "solutions").is_dir() and assignments(folder / "solutions"):
            return folder / "solutions"
    raise FileNotFoundError("找不到练习的教师版（solutions/ 文件夹）：请在课程源码（git clone 或下载解压的文件夹）里运行，"
                            "或用 --source 指定含练习教师版的文件夹。")


def init_course(folder: Path, source: Path, course_id: str = "keyaccount") -> CourseSetup:
    """Create (or add to) the course in ``folder`` with the assignments of ``source``."""
    folder = Path(folder).expanduser().resolve()
    source = Path(source).resolve()
    names = assignments(source) if source.is_dir() else []
    if not names:
        raise FileNotFoundError(f"{source} 里没有练习（每个练习一个文件夹，里面有 .ipynb）。")
    if folder == source or source in folder.parents:
        raise ValueError("课程文件夹不能放在练习源文件夹里面。")
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # submissions, grades and keys are the trainer's alone
    config = folder / "nbgrader_config.py"
    if not config.exists():
        config.write_text(CONFIG.format(course_id=course_id), encoding="utf-8")
    course = Course.at(folder)
    setup = CourseSetup(course)
    for name in names:
        target = course.source / name
        if target.exists():
            setup.kept.append(name)
            continue
        shutil.copytree(source / name, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        setup.added.append(name)
    for path in (course.release, course.submitted, course.autograded, course.feedback, folder / "exchange"):
        path.mkdir(exist_ok=True)
    with Gradebook(course.db_url):  # creates the database with its version table (formgrader needs it)
        pass
    return setup
