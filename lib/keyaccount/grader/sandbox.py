"""Running one learner's notebook, isolated, in a process forked from a warm interpreter.

``Sandbox`` starts the warm process (``warm``) once per grading run; ``run`` gives each
submission a fresh child in a temporary folder holding only that learner's files, enforces the
time limits with a hard kill, and returns the executed notebook, the answers (decoded strictly
by ``plain.decode``) and Chinese reasons for whatever went wrong in THIS learner's run.
"""
import copy
import os
import queue
import re
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from keyaccount.course.layout import Course
from keyaccount.content import CHECKOUT
from keyaccount.grader import confine, frames, launch, plain
from keyaccount.grader.warm import TOTAL_OUTPUT_CELLS

GRACE = 2.0  # seconds a cell may outlive its own timer before the hard kill
MAX_PROBLEMS = 20
FORK = hasattr(os, "fork")  # else (Windows) a pool of spawned warm processes, one per learner
UID_BASE = 2_000_000_000  # job uids: far above any real user, one range per grading process
UID_SLOTS = 1000
ENV_KEPT = ("HOME", "LANG", "LC_ALL", "TZ", "MPLCONFIGDIR", "SYSTEMROOT", "XDG_CACHE_HOME")
QUIET_THREADS = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
# What a learner's display may show (pages escape the text kinds); scripts, SVG, widgets dropped.
MIME_KEPT = ("text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg")
BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
NOTES = {
    confine.UID: "隔离较弱：这台机器不允许建立独立的网络和文件系统空间（例如容器缺少权限），"
                 "学员代码以独立的普通用户运行，但可以访问网络",
    confine.NET: "隔离较弱：不是以 root 运行，学员代码与评分用同一个系统用户，只隔离了网络并限制了资源",
    confine.NONE: "隔离较弱：这台电脑不支持进程隔离，学员代码与评分用同一个系统用户，可访问网络和本机文件",
}


@dataclass(frozen=True)
class Limits:
    cell_timeout: float = 60
    total_timeout: float = 300
    memory_mb: int = 1024
    output_kb: int = 200
    file_mb: int = 20


@dataclass
class Execution:
    notebook: nbformat.NotebookNode
    answers: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class SandboxError(RuntimeError):
    """The warm process could not start (a broken installation, not a learner's doing)."""


class Sandbox:
    """Context manager: the warm process(es) live from ``__enter__`` to ``__exit__``."""

    def __init__(self, limits: Limits = Limits(), hide: list[Path] = ()):
        """``hide``: folders a learner's process must not see even when they are world-readable
        (the course source with its answer keys, the course folder), where mounts allow it."""
        self.limits = limits
        self.hide = [str(Path(p).resolve()) for p in [*hide, *_clone_course()]]
        self.isolation_note: str | None = None
        self._level = confine.NONE
        self._launcher = None
        self._uid_lock = threading.Lock()
        first = UID_BASE + (os.getpid() % 100_000) * UID_SLOTS
        self._free_uids = list(range(first, first + UID_SLOTS))

    def __enter__(self):
        self._base = Path(tempfile.mkdtemp(prefix="keyaccount-sandbox-"))
        env = {k: os.environ[k] for k in ENV_KEPT if k in os.environ} | QUIET_THREADS
        env |= {"PATH": _path(), "IPYTHONDIR": str(self._base / "ipython"), "MPLBACKEND": "Agg"}
        try:
            self._launcher = self._start_launcher(env)
        except launch.LaunchError:
            shutil.rmtree(self._base, ignore_errors=True)
            raise SandboxError("评分进程无法启动：请检查 keyaccount 的安装") from None
        self._level = self._launcher.level
        self.isolation_note = NOTES.get(self._level)
        os.chmod(self._base, 0o711 if self._level in confine.OWN_UID else 0o700)
        return self

    def _start_launcher(self, env: dict):
        if FORK:
            try:
                return launch.ForkServer(env, self._base)
            except OSError:  # no SEQPACKET Unix sockets (macOS): spawned warm processes instead
                pass
        return launch.SpawnPool(env, self._base)

    def alive(self) -> bool:
        """Whether the warm process(es) still serve jobs (for a sandbox kept open across grading runs)."""
        return self._launcher is not None and self._launcher.alive()

    def __exit__(self, *exc):
        if self._launcher is not None:
            self._launcher.close()
        shutil.rmtree(self._base, ignore_errors=True)

    def run(self, notebook, files: Path, answer_names: list[str]) -> Execution:
        """Execute ``notebook`` with ``files`` as its folder; see the module docstring."""
        if not Path(files).is_dir():
            raise NotADirectoryError(f"学员文件夹不存在：{files}")
        notebook = copy.deepcopy(notebook)
        code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
        for cell in code_cells:
            cell.outputs, cell.execution_count = [], None
        uid = self._take_uid()
        workdir = Path(tempfile.mkdtemp(dir=self._base))
        ended = False
        try:
            if self._level != confine.FULL:  # at full isolation the child copies into its own tmpfs
                confine.copy_regular_files(Path(files), workdir, owner=uid)
                if uid is not None:
                    os.chown(workdir, uid, uid)
            spec = {"level": self._level, "uid": uid, "hide": self.hide, "workdir": str(workdir),
                    "files": str(Path(files).resolve()),
                    "limits": asdict(self.limits), "answer_names": list(answer_names),
                    "env": self._learner_env(workdir),
                    "cells": [[n, cell.source] for n, cell in enumerate(code_cells, start=1)]}
            run = _Run(self.limits, code_cells, answer_names)
            ended = run.start(self._launcher, spec)
            return Execution(notebook, run.answers, run.problems)
        finally:
            if self._level == confine.UID:  # no PID namespace ended what the job left running
                confine.kill_all_of(uid)
            shutil.rmtree(workdir, ignore_errors=True)
            if uid is not None and ended:  # a uid whose process may live on is never reused
                with self._uid_lock:
                    self._free_uids.append(uid)

    def _take_uid(self) -> int | None:
        if self._level not in confine.OWN_UID:
            return None
        with self._uid_lock:
            if not self._free_uids:
                raise SandboxError("同时运行的作业太多")
            return self._free_uids.pop(0)

    def _learner_env(self, workdir: Path) -> dict:
        return {"HOME": str(workdir), "PATH": _path(), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
                "TMPDIR": "/tmp" if self._level == confine.FULL else str(workdir),
                "MPLCONFIGDIR": str(workdir / ".matplotlib"), "MPLBACKEND": "Agg"} | QUIET_THREADS


class _Run:
    """The parent's side of one job: feed the spec, read messages, enforce the time limits."""

    def __init__(self, limits: Limits, code_cells: list, answer_names: list[str]):
        self.limits, self.cells, self.names = limits, code_cells, answer_names
        self.answers, self.problems = {}, []
        self.current = None  # the number of the cell running now
        self.finished = False

    def start(self, launcher, spec: dict) -> bool:
        """Run the job; True once its process (and, isolated, all it started) has ended."""
        try:
            job = launcher.launch(frames.pack(spec)[4:])
        except launch.LaunchError:
            self._problem("评分进程没有响应，这份作业没有运行")
            return False
        killed = self._read(job)
        status = job.status(GRACE)
        if status is None:
            job.kill()
            status = job.status(10)
        self._explain_end(killed, status)
        return status is not None

    def _read(self, job) -> str | None:
        """Read until the child is done; returns why it was killed (None if it was not)."""
        budget = (self.limits.output_kb * 1024 * TOTAL_OUTPUT_CELLS * 6 + plain.MAX_BYTES * len(self.names)
                  + (1 << 20))  # escaped UTF-8 JSON is up to 6x the text
        reader = frames.Reader(budget)
        # until the first message a spawned (Windows) process may still be warming up
        total_deadline, cell_deadline = time.monotonic() + launch.START_TIMEOUT, None
        while True:
            now = time.monotonic()
            if now >= total_deadline or (cell_deadline and now >= cell_deadline):
                job.kill()
                return "total" if now >= total_deadline else "cell"
            try:
                data = job.chunks.get(timeout=min(total_deadline, cell_deadline or total_deadline) - now)
            except queue.Empty:
                continue
            if not data:
                return None
            try:
                for message in reader.feed(data):
                    if self.current is None:
                        total_deadline = time.monotonic() + self.limits.total_timeout
                    cell_deadline = self._take(message, cell_deadline)
            except (frames.FrameError, KeyError, TypeError, ValueError, IndexError, AttributeError):
                job.kill()
                return "garbled"
            if self.finished:  # what it may still write (or a child of it holding the pipe) is not read
                return None

    def _take(self, message: dict, cell_deadline):
        kind = message["t"]
        if kind == "cell":
            self.current = int(message["n"])
            return time.monotonic() + self.limits.cell_timeout + GRACE
        if kind == "done":
            self._cell_done(int(message["n"]), message)
            return None
        if kind == "answers":
            self._take_answers(message["answers"])
            self.finished = True
        if kind == "unconfined":
            self._problem(f"提交的文件太大（合计超过 {self.limits.file_mb * confine.WORKDIR_FILES} MB），这份作业没有运行"
                          if message["space"] is True else
                          "评分环境没能准备好，这份作业没有运行（不是学员的问题，请告诉培训师）")
            self.finished = True
        return cell_deadline

    def _problem(self, text: str) -> None:
        """Note a reason once; a run that keeps failing still gets a short list."""
        if text not in self.problems and len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

    def _cell_done(self, number: int, message: dict) -> None:
        if not 1 <= number <= len(self.cells):
            raise ValueError("cell number")
        cell = self.cells[number - 1]
        cell.outputs = [out for out in map(_clean_output, message["outputs"]) if out is not None]
        cell.execution_count = number
        reason = {
            "timeout": f"第 {number} 个代码单元格运行超过 {self.limits.cell_timeout:g} 秒，已停止",
            "memory": f"第 {number} 个代码单元格用的内存超过 {self.limits.memory_mb} MB，已停止",
            "file": f"第 {number} 个代码单元格写的文件超过 {self.limits.file_mb} MB，没有写成",
            "processes": f"第 {number} 个代码单元格启动的进程太多，被拒绝了",
        }.get(message["kind"])
        if reason:
            self._problem(reason)
        if message["truncated"] is True:
            self._problem(f"第 {number} 个代码单元格的输出太多（超过 {self.limits.output_kb} KB），"
                                 "多出的部分没有保留")

    def _take_answers(self, answers: dict) -> None:
        if not isinstance(answers, dict):
            raise ValueError("answers")
        for name in self.names:
            entry = answers.get(name)
            if not isinstance(entry, dict):
                continue
            try:
                if not isinstance(entry.get("plain"), str):
                    raise plain.NotPlain(_safe(entry.get("not_plain")))
                self.answers[name] = plain.decode(entry["plain"])
            except plain.NotPlain as e:
                self._problem(f"{name} 不是普通数据（{_safe(str(e))}），记 0 分")

    def _explain_end(self, killed: str | None, status: int | None) -> None:
        where = f"第 {self.current} 个代码单元格" if self.current else "笔记本开始运行时"
        if killed == "cell":
            self._problem(f"{where}运行超过 {self.limits.cell_timeout:g} 秒，已强制停止")
        elif killed == "total":
            self._problem(f"整个笔记本运行超过 {self.limits.total_timeout:g} 秒，在{where}强制停止")
        elif killed == "garbled":
            self._problem(f"{where}之后的运行结果太大或无法读取，已停止")
        if killed or self.finished:
            return
        if status is None:
            self._problem(f"{where}运行时 Python 进程意外结束，后面的单元格没有运行")
        elif status < 0:
            self._problem(f"{where}运行时 Python 进程被强行结束（信号 {-status}，可能是内存用尽），"
                          "后面的单元格没有运行")
        else:
            self._problem(f"{where}结束了 Python 进程（退出码 {status}），后面的单元格没有运行")


def _clean_output(raw) -> nbformat.NotebookNode | None:
    """An nbformat output rebuilt from the child's message, or None when it is malformed."""
    if not isinstance(raw, dict):
        return None
    kind = raw.get("output_type")
    if kind == "stream" and raw.get("name") in ("stdout", "stderr") and isinstance(raw.get("text"), str):
        return nbformat.v4.new_output("stream", name=raw["name"], text=raw["text"])
    if kind == "error":
        lines = raw.get("traceback")
        if isinstance(lines, list) and all(isinstance(x, str) for x in lines) \
                and isinstance(raw.get("ename"), str) and isinstance(raw.get("evalue"), str):
            return nbformat.v4.new_output("error", ename=raw["ename"], evalue=raw["evalue"], traceback=lines)
        return None
    data = raw.get("data")
    if kind not in ("display_data", "execute_result") or not isinstance(data, dict):
        return None
    data = {mime: value for mime, value in data.items() if mime in MIME_KEPT and isinstance(value, str)
            and (not mime.startswith("image/") or BASE64.fullmatch(value))}
    if kind == "display_data":
        return nbformat.v4.new_output("display_data", data=data)
    count = raw.get("execution_count")
    return nbformat.v4.new_output("execute_result", data=data,
                                  execution_count=count if type(count) is int else None)


def _safe(text) -> str:
    """A learner-influenced fragment of a reason: short, no markup characters."""
    return "".join(ch for ch in str(text) if ch not in "<>&\"'`\r\n")[:80]


def _path() -> str:
    return os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"])


def _clone_course() -> list[Path]:
    """Run from a clone, the clone is a course too: its answer keys and runtime stay hidden."""
    if not (CHECKOUT / "solutions").is_dir():
        return []
    course = Course.at(CHECKOUT)
    return [folder for folder in (course.source, course.runtime) if folder.is_dir()]
