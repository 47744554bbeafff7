"""Starting learner processes from warm interpreters: a fork server, or a spawned pool.

``ForkServer`` (Linux, macOS): one warm process forks a fresh child per job. ``SpawnPool``
(Windows, no fork): warm processes started ahead, each runs ONE job and exits, never reused.
Both hand back a ``Job``: the child's message stream, a hard kill and its exit status.
"""
import os
import queue
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from keyaccount.grader import confine, frames

START_TIMEOUT = 180.0  # seconds a warm process may take to import everything


class LaunchError(RuntimeError):
    """A warm process could not start or stopped answering (an installation problem)."""


def _command(call: str) -> list[str]:
    """Python, isolated from the caller's environment variables and folder, calling
    ``keyaccount.grader.warm.<call>`` from the same keyaccount as this one."""
    import keyaccount

    roots = [str(Path(keyaccount.__file__).resolve().parent.parent)]
    code = f"import sys; sys.path[:0] = {roots!r}; from keyaccount.grader import warm; warm.{call}"
    return [sys.executable, "-I", "-c", code]


def _chunks(fd: int) -> queue.Queue:
    """A queue that receives everything read from ``fd``, then b"" at its end."""
    chunks: queue.Queue = queue.Queue()

    def pump():
        try:
            while data := os.read(fd, 1 << 16):
                chunks.put(data)
        except OSError:
            pass
        finally:
            os.close(fd)
            chunks.put(b"")

    threading.Thread(target=pump, daemon=True).start()
    return chunks


class Job:
    """One learner's process as the grader sees it."""

    def __init__(self, chunks: queue.Queue, kill, status):
        self.chunks, self.kill, self.status = chunks, kill, status


class ForkServer:
    """The warm process forks one child per job (``warm.serve``)."""

    def __init__(self, env: dict, folder: Path):
        self._ctrl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._process = subprocess.Popen(_command(f"serve({theirs.fileno()})"), pass_fds=[theirs.fileno()], env=env, cwd=folder,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        theirs.close()
        self._send_lock = threading.Lock()
        self._state = threading.Condition()
        self._pids: dict[str, int] = {}
        self._statuses: dict[int, int] = {}
        self.level = self._receive_ready()["ready"]
        self._listener = threading.Thread(target=self._listen, daemon=True)
        self._listener.start()

    def _receive_ready(self) -> dict:
        reader = frames.Reader(1 << 16)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if select.select([self._ctrl], [], [], 1.0)[0]:
                data = self._ctrl.recv(1 << 16)
                messages = list(reader.feed(data)) if data else None
                if messages is None:
                    break
                if messages:
                    return messages[0]
        self.close()
        raise LaunchError("warm process did not start")

    def _listen(self) -> None:
        """Record the pid of each started job and the exit status of each finished one."""
        reader = frames.Reader(1 << 62)
        while data := self._ctrl.recv(1 << 16):
            for message in reader.feed(data):
                with self._state:
                    if "job" in message:
                        self._pids[message["job"]] = message["pid"]
                        self._statuses.pop(message["pid"], None)  # a stale one of a reused pid
                    else:
                        self._statuses[message["pid"]] = message["status"]
                    self._state.notify_all()

    def launch(self, spec: bytes) -> Job:
        spec_r, spec_w = os.pipe()
        result_r, result_w = os.pipe()
        job = uuid.uuid4().hex
        try:
            with self._send_lock:
                socket.send_fds(self._ctrl, [job.encode()], [spec_r, result_w])
        finally:
            os.close(spec_r)
            os.close(result_w)
        with self._state:
            self._state.wait_for(lambda: job in self._pids, timeout=30)
            pid = self._pids.pop(job, None)
        if pid is None:
            os.close(spec_w)
            os.close(result_r)
            raise LaunchError("warm process did not fork")
        _write_all(spec_w, spec)
        os.close(spec_w)
        return Job(_chunks(result_r), lambda: _kill(pid), lambda wait: self._status(pid, wait))

    def _status(self, pid: int, wait: float) -> int | None:
        with self._state:
            self._state.wait_for(lambda: pid in self._statuses, timeout=wait)
            return self._statuses.pop(pid, None)

    def alive(self) -> bool:
        """Whether the fork server still runs (a long-lived sandbox starts a new one when not)."""
        return self._process.poll() is None

    def close(self) -> None:
        self._ctrl.shutdown(socket.SHUT_RDWR)
        if getattr(self, "_listener", None):
            self._listener.join()
        self._ctrl.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


class SpawnPool:
    """Warm processes started ahead of need; each runs one job (``warm.once``) and exits."""

    def __init__(self, env: dict, folder: Path, size: int = 2):
        self._env, self._folder = env, folder
        self._ready: queue.Queue = queue.Queue()
        self._closed = False
        self.level = confine.NONE
        for _ in range(size):
            self._start_one()

    def _start_one(self) -> None:
        if not self._closed:
            self._ready.put(subprocess.Popen(_command("once()"), env=self._env, cwd=self._folder,
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.DEVNULL))

    def launch(self, spec: bytes) -> Job:
        process = self._ready.get()
        threading.Thread(target=self._start_one, daemon=True).start()
        try:
            process.stdin.write(spec + b"\n")
            process.stdin.close()
        except OSError as error:
            process.kill()
            raise LaunchError("warm process did not take the job") from error
        return Job(_chunks(os.dup(process.stdout.fileno())), process.kill, lambda wait: _returncode(process, wait))

    def alive(self) -> bool:
        """Always: each job has a process of its own, started anew."""
        return not self._closed

    def close(self) -> None:
        self._closed = True
        while not self._ready.empty():
            process = self._ready.get()
            process.kill()
            process.wait()


def _returncode(process: subprocess.Popen, wait: float) -> int | None:
    try:
        return process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        return None


def _kill(pid: int) -> None:
    """SIGKILL a forked job (and its process group, where it is not in its own PID namespace)."""
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _write_all(fd: int, data: bytes) -> None:
    try:
        while data:
            data = data[os.write(fd, data):]
    except BrokenPipeError:
        pass
