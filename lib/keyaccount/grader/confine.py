"""Confining one learner's process before their code runs (Linux first, weaker elsewhere).

Four levels, probed once per grading run by the warm process:
``full``  — Linux as root: the job's process is the first of its own PID namespace (when it ends,
            the kernel ends everything it started; /proc shows only those), new network and mount
            namespaces, the course and other folders hidden, a private /tmp, its own folder a small
            tmpfs, rlimits, then a distinct unprivileged uid/gid for this job only;
``uid``   — root without namespaces (a container lacking CAP_SYS_ADMIN): rlimits and a distinct
            unprivileged uid/gid for this job only;
``net``   — Linux as a normal user: an unprivileged user + network namespace and rlimits;
``none``  — elsewhere: rlimits where the platform has them, nothing more.
"""
import ctypes
import os
import re
import shutil
import signal
import sys
from pathlib import Path

FULL, UID, NET, NONE = "full", "uid", "net", "none"
OWN_UID = (FULL, UID)  # the levels at which each job runs as its own unprivileged uid
CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWNET = 0x00020000, 0x20000000, 0x10000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38
PRIVATE_TMP = ("/tmp", "/var/tmp", "/dev/shm")
NPROC_PER_JOB = 32  # processes and threads
WORKDIR_FILES = 4  # the job's folder holds at most this many files of the largest size allowed

_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def _unshare(flags: int) -> None:
    _check(_libc.unshare(flags), "unshare")


def _mount(source, target, fstype, flags: int, data=None) -> None:
    enc = (lambda s: None if s is None else os.fsencode(str(s)))
    _check(_libc.mount(enc(source), enc(target), enc(fstype), ctypes.c_ulong(flags), enc(data)),
           f"mount {target}")


def probe() -> str:
    """The strongest level this machine allows, each tried in a throw-away child."""
    if _libc is None:
        return NONE
    if os.geteuid() == 0:
        if _works(_full_namespaces):
            return FULL
        return UID if _works(_python_reachable_as_nobody) else NONE
    return NET if _works(lambda: _unshare(CLONE_NEWUSER | CLONE_NEWNET)) else NONE


def _full_namespaces() -> None:
    _unshare(CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWPID)
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=4k")


def _python_reachable_as_nobody() -> None:
    """Without a mount namespace a job's uid must reach Python and the kit as they are (a
    Python under /root, as pyenv puts it, is out of reach)."""
    os.setresuid(65534, 65534, 65534)
    for path in [p for p in sys.path if os.path.isdir(p)] + [sys.base_prefix]:
        os.listdir(path)


def _works(action) -> bool:
    pid = os.fork()
    if pid == 0:
        try:
            action()
            os._exit(0)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def fork_into_own_pid_namespace(own_namespace: int) -> int:
    """``os.fork()`` whose child is process 1 of a new PID namespace; the caller stays in
    ``own_namespace`` (an open /proc/self/ns/pid) for its next children."""
    _unshare(CLONE_NEWPID)
    pid = os.fork()
    if pid != 0:
        _check(_libc.setns(own_namespace, CLONE_NEWPID), "setns")
    return pid


def keep_only_fds(*fds: int) -> tuple[int, ...]:
    """Move ``fds`` to 3, 4, …, point 0–2 at /dev/null and close every other descriptor."""
    moved = tuple(os.dup(fd) for fd in fds)
    null = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(null, target)
    for i, fd in enumerate(moved):
        os.dup2(fd, 3 + i)
    os.closerange(3 + len(fds), 1 << 20)
    return tuple(range(3, 3 + len(fds)))


def confine(level: str, workdir: Path, uid: int | None, hide: list[str], limits, files: Path) -> None:
    """Confine this (freshly forked) process; afterwards its cwd is ``workdir``, which holds
    ``files`` (copied by the grader already, except at ``full``: copied here into a tmpfs)."""
    if hasattr(os, "setsid"):
        os.setsid()
    if level == FULL:
        _unshare(CLONE_NEWNET | CLONE_NEWNS)
        _mount(None, "/", None, MS_REC | MS_PRIVATE)
        source = os.open(files, os.O_RDONLY | os.O_DIRECTORY)
        runtime = [p for p in {*sys.path, sys.prefix} if p and os.path.exists(p)]  # the kit and its Python
        for path in PRIVATE_TMP:
            if os.path.isdir(path):
                inside = {Path(p) for p in runtime if Path(p).is_relative_to(path)}  # a clone or venv in /tmp
                kept = {p: os.open(p, os.O_RDONLY | getattr(os, "O_PATH", 0)) for p in inside}
                _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, f"size={limits.file_mb}m,mode=1777")
                _bind_back(kept)
        os.makedirs(workdir, exist_ok=True)
        _mount("tmpfs", workdir, "tmpfs", MS_NOSUID | MS_NODEV,
               f"size={limits.file_mb * WORKDIR_FILES}m,mode=700,uid={uid},gid={uid}")
        copy_regular_files(Path(f"/proc/self/fd/{source}"), workdir, owner=uid)
        os.close(source)
        _reach_back([p for p in sys.path if p] + [sys.prefix, sys.base_prefix])
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)  # only its own processes
        for path in hide:
            if os.path.isdir(path):
                _mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                       "size=4k,mode=000")
        _read_only_except({*PRIVATE_TMP, str(workdir)})
    elif level == NET:
        _unshare(CLONE_NEWUSER | CLONE_NEWNET)
    os.chdir(workdir)
    _set_limits(limits, uid)
    if level in OWN_UID:
        _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl")
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    if _libc is not None:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _read_only_except(writable: set[str]) -> None:
    """Every other mount read-only for this job (a world-writable folder such as nbgrader's
    exchange cannot take a forged submission); /proc, /sys and /dev stay as they are."""
    keep = {"nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC}
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        fields = line.split()
        target = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4])
        options = fields[5].split(",")
        if target in writable or "ro" in options or target.split("/")[1] in ("proc", "sys", "dev"):
            continue
        flags = MS_BIND | MS_REMOUNT | MS_RDONLY
        for option in options:
            flags |= keep.get(option, 0)
        try:
            _mount(None, target, None, flags)
        except OSError:  # a mount below a covered folder is not reachable anyway
            pass


def copy_regular_files(source: Path, target: Path, owner: int | None = None) -> None:
    """Copy folders and regular files only (no links, devices or pipes) from source to target,
    made to belong to ``owner`` when given."""
    for entry in os.scandir(source):
        path = target / entry.name
        if entry.is_dir(follow_symlinks=False):
            os.mkdir(path, 0o700)
            copy_regular_files(Path(entry.path), path, owner)
        elif entry.is_file(follow_symlinks=False):
            shutil.copyfile(entry.path, path, follow_symlinks=False)
        else:
            continue
        if owner is not None:
            os.chown(path, owner, owner)


def _reach_back(paths: list[str]) -> None:
    """Let the job's uid reach the Python installation and the kit where a folder only root
    may enter (e.g. /root for a pyenv Python) stands in the way: that folder is covered with an
    empty tmpfs and only the needed paths are bound back, so the rest of it stays unseen."""
    blocked: dict[Path, set[Path]] = {}
    for path in map(Path, paths):
        if not path.exists():
            continue
        parts = path.resolve().parts
        for i in range(2, len(parts) + 1):
            if not os.stat(Path(*parts[:i - 1])).st_mode & 0o001:
                blocked.setdefault(Path(*parts[:i - 1]), set()).add(Path(*parts[:i]))
                break
    for folder, needed in blocked.items():
        kept = {path: os.open(path, os.O_RDONLY | getattr(os, "O_PATH", 0)) for path in needed}
        _mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, "size=4k,mode=755")
        _bind_back(kept)


def _bind_back(kept: dict[Path, int]) -> None:
    """Bind each path (held open as ``fd`` before a tmpfs covered it) back to where it was."""
    for path, fd in kept.items():
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            os.makedirs(path, exist_ok=True)
        else:
            os.makedirs(path.parent, exist_ok=True)
            open(path, "w").close()
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND)
        os.close(fd)


def _set_limits(limits, uid) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    mb = 1024 * 1024
    wanted = {
        "RLIMIT_CORE": 0,
        "RLIMIT_FSIZE": limits.file_mb * mb,
        "RLIMIT_NOFILE": 256,
        "RLIMIT_CPU": int(limits.total_timeout) + 5,
    }
    if sys.platform.startswith("linux"):
        wanted["RLIMIT_AS"] = _virtual_memory() + limits.memory_mb * mb
        wanted["RLIMIT_NPROC"] = NPROC_PER_JOB + (0 if uid is not None else _tasks_of(os.getuid()))
    for name, value in wanted.items():
        kind = getattr(resource, name, None)
        if kind is not None:
            soft, hard = resource.getrlimit(kind)
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(kind, (value, value))
    if hasattr(signal, "SIGXFSZ"):  # a too-big file fails with an error instead of a kill
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _virtual_memory() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _tasks_of(uid: int) -> int:
    """How many processes and threads ``uid`` runs now (RLIMIT_NPROC counts them all)."""
    return sum(int(status.get("Threads", "1")) for status in _statuses(uid))


def _statuses(uid: int):
    """/proc/<pid>/status (as a dict, plus "Pid") of each live process whose real uid is ``uid``."""
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            lines = Path(f"/proc/{name}/status").read_text().splitlines()
        except OSError:
            continue
        status = dict(line.split(":\t", 1) for line in lines if ":\t" in line)
        if status.get("Uid", "").split()[:1] == [str(uid)] and not status.get("State", "").startswith("Z"):
            yield status | {"Pid": name}


def kill_all_of(uid: int) -> None:
    """SIGKILL every process running as ``uid`` (a job's own uid, at ``uid`` level where no PID
    namespace does it): a helper takes that uid and sends kill(-1), which reaches all at once."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setresuid(uid, uid, uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
