"""Where a course keeps its files: the repository's (source solutions/, everything written while
running a workshop in course_runtime/, release included — never the committed exercises/) or a
trainer's course folder in stock nbgrader's layout (source/, release/, submitted/ … in the course root)."""
from dataclasses import dataclass
from pathlib import Path

from keyaccount.course.gradebook_db import course_db_url
from keyaccount.course.nbgrader_run import use_this_environment

use_this_environment()  # the Gradebook used in-process runs ``alembic`` too


@dataclass(frozen=True)
class Course:
    root: Path
    source: Path
    release: Path
    runtime: Path  # everything written while running a workshop

    @classmethod
    def at(cls, root: Path) -> "Course":
        root = Path(root).resolve()
        if (root / "solutions").is_dir():
            runtime = root / "course_runtime"
            return cls(root, root / "solutions", runtime / "release", runtime)
        return cls(root, root / "source", root / "release", root)

    @property
    def submitted(self) -> Path:
        return self.runtime / "submitted"

    @property
    def autograded(self) -> Path:
        return self.runtime / "autograded"

    @property
    def feedback(self) -> Path:
        return self.runtime / "feedback"

    @property
    def db_path(self) -> Path:
        return self.runtime / "gradebook.db"

    @property
    def db_url(self) -> str:
        """SQLite by default; PostgreSQL when the course chose it (see gradebook_db)."""
        return course_db_url(self.root, self.db_path)

    @property
    def notices(self) -> Path:
        """JSON files of problems found per learner, one per assignment (see notices.py)."""
        return self.runtime / "notices"

    def notebook_names(self, assignment: str) -> list[str]:
        """The assignment's notebook file names, as released."""
        folder = self.source / assignment
        if not folder.is_dir():
            raise FileNotFoundError(f"找不到练习 {assignment}（{folder} 不存在）。")
        return sorted(p.name for p in folder.glob("*.ipynb"))

    def students(self, assignment: str) -> list[str]:
        """Learners with a submission folder for ``assignment``."""
        if not self.submitted.is_dir():
            return []
        return sorted(p.name for p in self.submitted.iterdir() if (p / assignment).is_dir())

    def nbgrader_args(self) -> list[str]:
        """Command-line settings that point stock nbgrader at this course's folders."""
        return [f"--CourseDirectory.root={self.root}",
                f"--CourseDirectory.source_directory={self.source}",
                f"--CourseDirectory.release_directory={self.release}",
                f"--CourseDirectory.submitted_directory={self.submitted}",
                f"--CourseDirectory.autograded_directory={self.autograded}",
                f"--CourseDirectory.feedback_directory={self.feedback}",
                f"--CourseDirectory.db_url={self.db_url}"]
