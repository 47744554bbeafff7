"""The learners' submissions on a workshop hub and the trainer's limit on them, kept in the hub folder.

``submissions.sqlite`` has one row per accepted submission (queued → graded or failed), written by the
grading service alone; a queued row survives a restart and is graded then, so nothing is lost.
The limit: ``settings.json``'s ``submit_limit`` (``keyaccount hub --submit-limit N``), overridden per
assignment in ``submit_limits.json`` (``keyaccount hub limit ASSIGNMENT N``), read at every request.
"""
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from keyaccount.hub.config import SETTINGS

DATABASE = "submissions.sqlite"
LIMITS = "submit_limits.json"
DEFAULT_LIMIT = 3
QUEUED, GRADED, FAILED = "queued", "graded", "failed"
SCHEMA = """CREATE TABLE IF NOT EXISTS submission (
    id INTEGER PRIMARY KEY, account TEXT NOT NULL, assignment TEXT NOT NULL, number INTEGER NOT NULL,
    submitted REAL NOT NULL, graded REAL, status TEXT NOT NULL, score REAL, max_score REAL,
    feedback TEXT, message TEXT, UNIQUE (account, assignment, number))"""


@dataclass(frozen=True)
class Submission:
    id: int
    account: str
    assignment: str
    number: int
    submitted: float
    graded: float | None
    status: str
    score: float | None
    max_score: float | None
    feedback: str | None  # the feedback folder inside the learner's workspace
    message: str | None

    def as_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def limit(hub_dir: Path, assignment: str) -> int:
    """How many times a learner may submit ``assignment``."""
    overrides = read_json(Path(hub_dir) / LIMITS)
    if assignment in overrides:
        return int(overrides[assignment])
    return int(read_json(Path(hub_dir) / SETTINGS).get("submit_limit", DEFAULT_LIMIT))


def checked_limit(count: int) -> int:
    """``count`` as a limit, or a ValueError in Chinese."""
    if count < 0:
        raise ValueError(f"提交次数上限不能是负数（收到 {count}）。")
    return count


def set_limit(hub_dir: Path, assignment: str, count: int) -> None:
    """The trainer's limit for one assignment (the running hub applies it at once; one set before the
    first start waits for it)."""
    checked_limit(count)
    Path(hub_dir).mkdir(mode=0o700, exist_ok=True)
    path = Path(hub_dir) / LIMITS
    overrides = read_json(path)
    overrides[assignment] = count
    path.write_text(json.dumps(overrides, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")


def read_json(path: Path) -> dict:
    """The JSON object in ``path``, or {} when it is missing or not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class Store:
    """The submissions table; safe to use from the service's event loop and its grading thread."""

    def __init__(self, hub_dir: Path):
        self._db = sqlite3.connect(Path(hub_dir) / DATABASE, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(SCHEMA)

    def _rows(self, sql: str, *args) -> list[Submission]:
        with self._lock:
            return [Submission(*row) for row in self._db.execute(sql, args).fetchall()]

    def of(self, account: str, assignment: str) -> list[Submission]:
        """The learner's submissions of ``assignment``, oldest first."""
        return self._rows("SELECT * FROM submission WHERE account=? AND assignment=? ORDER BY number",
                          account, assignment)

    def pending(self) -> list[Submission]:
        return self._rows("SELECT * FROM submission WHERE status=? ORDER BY id", QUEUED)

    def add(self, account: str, assignment: str) -> Submission:
        """A new queued submission, numbered after the learner's last one."""
        with self._lock:
            number = self._db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM submission WHERE account=? AND "
                                      "assignment=?", (account, assignment)).fetchone()[0]
            cursor = self._db.execute("INSERT INTO submission (account, assignment, number, submitted, status) "
                                      "VALUES (?, ?, ?, ?, ?)", (account, assignment, number, time.time(), QUEUED))
            row = self._db.execute("SELECT * FROM submission WHERE id=?", (cursor.lastrowid,)).fetchone()
        return Submission(*row)

    def finish(self, submission_id: int, status: str, score: float | None = None, max_score: float | None = None,
               feedback: str | None = None, message: str | None = None) -> None:
        with self._lock:
            self._db.execute("UPDATE submission SET status=?, graded=?, score=?, max_score=?, feedback=?, message=? "
                             "WHERE id=?", (status, time.time(), score, max_score, feedback, message, submission_id))

    def get(self, submission_id: int) -> Submission:
        return self._rows("SELECT * FROM submission WHERE id=?", submission_id)[0]
