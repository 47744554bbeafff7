"""Where a course's gradebook lives: SQLite (one trainer, the default) or PostgreSQL (a workshop hub:
several graders, concurrent submissions) — embedded through the pip-installed ``pgserver`` or an
external server. The choice is one line in the course folder's ``gradebook.url``; nbgrader's config
and the kit's commands both read it here.

    keyaccount course db --to embedded            # or --to postgresql://user:pw@host/db

moves every row (grades, manual scores, comments) and keeps the SQLite file as it was.
"""
import contextlib
import os
import signal
import tempfile
import time
from pathlib import Path

URL_FILE = "gradebook.url"
EMBEDDED = "embedded"
EMBEDDED_DIR = "gradebook-pg"
_servers: list = []  # the embedded server runs while this process holds its handle


def chosen(course_root: Path) -> str:
    """What ``gradebook.url`` chose: ``embedded``, a PostgreSQL URL, or "" (the course's SQLite file)."""
    path = Path(course_root) / URL_FILE
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""


def course_db_url(course_root: Path, sqlite_path: Path) -> str:
    """The SQLAlchemy URL of the course's gradebook (starting the embedded PostgreSQL when it is chosen)."""
    target = chosen(course_root)
    if not target:
        return f"sqlite:///{sqlite_path}"
    if target == EMBEDDED:
        return embedded_url(Path(course_root) / EMBEDDED_DIR)
    return target


def embedded_url(data_dir: Path) -> str:
    """Start (or join) the embedded PostgreSQL keeping its data in ``data_dir``; its URL."""
    try:
        import pgserver
    except ImportError:
        raise FileNotFoundError("这个课程的成绩库在内置的 PostgreSQL 里：请先运行 python -m pip install \"keyaccount[hub]\"。") from None
    with _one_at_a_time(Path(data_dir)):
        before = _modes(data_dir)
        server = pgserver.get_server(data_dir, cleanup_mode="stop")
        _servers.append(server)
        if server.system_user:  # run as root
            _restore(before)
            _close_socket(server)
    return server.get_uri()


def stop_embedded(course_root: Path) -> None:
    """Stop the course's embedded PostgreSQL whoever opened it (PostgreSQL's fast shutdown: nothing is lost),
    once its hub has stopped: before a test's or a benchmark's temporary course folder is deleted."""
    data = Path(course_root) / EMBEDDED_DIR
    try:
        postmaster = int((data / "postmaster.pid").read_text().split()[0])
        if str(data) not in Path(f"/proc/{postmaster}/cmdline").read_text():
            return  # a stale file: that process is something else now
        os.kill(postmaster, signal.SIGINT)
    except (OSError, ValueError, IndexError):
        return
    for _ in range(120):
        if not Path(f"/proc/{postmaster}").exists():
            return
        time.sleep(0.5)


@contextlib.contextmanager
def _one_at_a_time(data_dir: Path):
    """Processes opening a gradebook together (the hub's services) take turns: one must not note the
    folder modes while pgserver has them opened for another. As root the turns are machine-wide, since
    two courses share folders above them (/tmp, /home) that pgserver opens for either."""
    if os.name != "posix":
        yield
        return
    import fcntl

    shared = Path(tempfile.gettempdir()) / "keyaccount-embedded-gradebook.lock"
    with open(shared if os.geteuid() == 0 else data_dir.with_name(data_dir.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _modes(data_dir: Path) -> dict[Path, int]:
    return {folder: folder.stat().st_mode & 0o7777 for folder in Path(data_dir).resolve().parents}


def _restore(modes: dict[Path, int]) -> None:
    """Run as root, pgserver lets its own system user reach the data by opening every folder above it to
    all accounts — the course folder too (keys, submissions, gradebook). The folders go back as they were;
    one that was closed to its group (the course folder: 0700) lets root's group pass (0710): pgserver runs
    PostgreSQL's tools as its user but with root's group, and must still reach the data to stop the server."""
    for folder, mode in modes.items():
        if folder.stat().st_mode & 0o7777 == mode:
            continue
        if not mode & 0o070:
            os.chown(folder, -1, os.getgid())
            mode |= 0o010
        os.chmod(folder, mode)


def _close_socket(server) -> None:
    """When the data folder's path is too long for a socket, pgserver puts the socket in a runtime folder
    open to all (0777); with its password-less log-in, any account could then use the database as its
    superuser. That folder is closed to everyone but root's group (pgserver's processes are in it)."""
    folder = server.get_postmaster_info().socket_dir
    if folder is not None and Path(folder).resolve() != Path(server.pgdata).resolve():
        os.chown(folder, -1, os.getgid())
        os.chmod(folder, 0o770)


def migrate(course_root: Path, source_url: str, target: str) -> dict[str, int]:
    """Copy every row of the gradebook at ``source_url`` to ``target`` (``embedded`` or a URL) and make the
    course use it; rows per table. Refuses a target that already holds grades."""
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, func, inspect, select, text

    target_url = embedded_url(Path(course_root) / EMBEDDED_DIR) if target == EMBEDDED else target
    if not target_url.startswith("postgresql"):
        raise ValueError(f"--to 只接受 embedded 或 postgresql://… 地址（收到 {target}）。")
    if target_url == source_url:
        raise ValueError("成绩库已经在这里了。")
    source, dest = create_engine(source_url), create_engine(target_url)
    tables = Base.metadata.sorted_tables  # nbgrader's own schema, in dependency order
    present = set(inspect(dest).get_table_names())
    with dest.connect() as check:
        if any(check.execute(select(func.count()).select_from(t)).scalar() for t in tables if t.name in present):
            raise ValueError("目标成绩库里已经有数据：为了不覆盖任何成绩，请换一个空的数据库。")
    with Gradebook(source_url):  # the source at nbgrader's newest schema
        pass
    Base.metadata.create_all(dest)
    counts = {}
    with source.connect() as read, dest.begin() as write:
        version = read.execute(text("SELECT version_num FROM alembic_version")).scalar()
        write.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        write.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": version})  # nbgrader's migrations
        for table in tables:
            rows = [dict(r._mapping) for r in read.execute(select(table))]
            if rows:
                write.execute(table.insert(), rows)
            counts[table.name] = len(rows)
    with dest.connect() as check:
        for table in tables:
            copied = check.execute(select(func.count()).select_from(table)).scalar()
            if copied != counts[table.name]:
                raise RuntimeError(f"表 {table.name} 只复制了 {copied}/{counts[table.name]} 行：没有切换成绩库。")
    (Path(course_root) / URL_FILE).write_text(target + "\n", encoding="utf-8")
    return counts
