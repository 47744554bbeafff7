"""Generate the student version (exercises/) from the instructor source (solutions/).

    python -m keyaccount.course.generate [ASSIGNMENT ...]     # default: every assignment

First writes solutions/<assignment>/form.json (the public form of each answer, from the answer
key and the author's hints), then runs stock ``nbgrader generate_assignment`` in a throw-away
course so that the repository's gradebook is not touched, and replaces exercises/<assignment>/
with the result (the notebook and form.json; answer_key.py is never copied).
"""
import shutil
import sys
import tempfile
from pathlib import Path

from keyaccount.course.formspec import write_form
from keyaccount.course.nbgrader_defaults import CONFIG_FILE
from keyaccount.course.nbgrader_run import run_nbgrader
from keyaccount.course.paths import assignments, course_root


def generate_release(source: Path, assignment: str, dest: Path) -> Path:
    """Run nbgrader on ``source/<assignment>`` and write the release to ``dest/<assignment>``."""
    with tempfile.TemporaryDirectory(prefix="keyaccount-generate-") as tmp:
        tmp = Path(tmp)
        (tmp / "nbgrader_config.py").write_text(CONFIG_FILE, encoding="utf-8")
        shutil.copytree(source / assignment, tmp / "source" / assignment,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        run_nbgrader(["generate_assignment", assignment, "--force", f"--CourseDirectory.root={tmp}",
                      f"--CourseDirectory.db_url=sqlite:///{tmp / 'gb.db'}"], cwd=tmp)
        target = dest / assignment
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(tmp / "release" / assignment, target)
    return target


def main(argv: list[str]) -> int:
    root = course_root()
    names = argv or assignments(root)
    for name in names:
        if not (root / "solutions" / name).is_dir():
            print(f"solutions/{name} 不存在。现有练习：{'、'.join(assignments(root))}", file=sys.stderr)
            return 2
        write_form(root / "solutions", name)
        target = generate_release(root / "solutions", name, root / "exercises")
        print(f"已生成 {target.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
