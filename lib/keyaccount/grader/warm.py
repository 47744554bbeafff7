"""The warm process: imports the kit once, then runs each submission in a fresh child.

``python -m keyaccount.grader.warm serve FD`` (Linux, macOS) forks one child per job from the
warmed interpreter; ``python -m keyaccount.grader.warm once`` (Windows) warms up, runs one job
from stdin and exits. A child confines itself (``confine``), runs the notebook's code cells
with IPython, reports each cell's outputs and finally the answers as plain data (``plain``).
Never imported here: answer keys (they live in the course source only), the trainer's course
operations, the grader itself beyond this module.
"""
import base64
import errno
import importlib
import json
import os
import pkgutil
import select
import signal
import socket
import sys
import threading
import _thread
from pathlib import Path
from types import SimpleNamespace

from keyaccount.grader import confine, frames, plain

# The trainer's side and the launchers (commands, JupyterLab, the hub, the toolbox's Voila) are never
# what an exercise imports; keyaccount.hub also needs the optional JupyterHub.
NOT_WARMED = ("keyaccount.course", "keyaccount.grader", "keyaccount.slides", "keyaccount.__main__",
              "keyaccount.hub", "keyaccount.lab", "keyaccount.server_extension", "keyaccount.toolbox")
TOTAL_OUTPUT_CELLS = 5  # a whole notebook shows at most this many cells' worth of output
TRACEBACK_LINES = 8
LINE_CHARS = 300
HINTS = {
    "NameError": "用到了还没有定义的名字：可能拼错了，或者前面的单元格没有运行",
    "SyntaxError": "代码的写法有误：检查引号、括号是否成对，是否用了中文标点（，：“”）",
    "IndentationError": "缩进不对：每行开头的空格要对齐",
    "TypeError": "数据的类型不对：比如把文字和数字相加",
    "KeyError": "字典里没有这个键：检查名字是否和题目里的完全一样",
    "IndexError": "列表的位置超出了范围",
    "ValueError": "数值不合要求",
    "ZeroDivisionError": "除数是 0",
    "MemoryError": "内存不够用了",
}


class CellTimeout(BaseException):
    """Raised in a learner's process when a cell runs past its time limit."""


def warm_up():
    """Import the stack and the kit's method modules once; return the IPython shell to fork."""
    import matplotlib

    matplotlib.use("Agg")
    import ipywidgets  # noqa: F401  (imported to be warm)
    import matplotlib.pyplot  # noqa: F401
    import nbformat  # noqa: F401
    import pandas  # noqa: F401

    import keyaccount

    _import_all(keyaccount)
    _render_once()
    return _make_shell()


def _render_once() -> None:
    """Draw and save one small figure with Chinese text, so fonts and caches are warm."""
    import io

    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    ax.set_title("预热")
    fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    plt.close(fig)


def _import_all(package) -> None:
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name.startswith(NOT_WARMED):
            continue
        module = importlib.import_module(info.name)
        if info.ispkg:
            _import_all(module)


def _make_shell():
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.core.pylabtools import select_figure_formats
    from traitlets.config import Config

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kw):
            RECORDER.add({"output_type": "display_data", "data": _clean_data(data)})

        def clear_output(self, wait=False):
            RECORDER.clear()

    class Hook(DisplayHook):
        def start_displayhook(self):
            pass

        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            RECORDER.add({"output_type": "execute_result", "data": _clean_data(format_dict),
                          "execution_count": self.prompt_count})

        def finish_displayhook(self):
            pass

    class Shell(InteractiveShell):
        displayhook_class = Hook
        display_pub_class = Publisher

        def showtraceback(self, exc_tuple=None, *args, **kwargs):
            RECORDER.error(*self._get_exc_info(exc_tuple))

        def showsyntaxerror(self, *args, **kwargs):
            RECORDER.error(*self._get_exc_info())

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    shell = Shell.instance(config=config)
    select_figure_formats(shell, {"png"}, bbox_inches="tight")
    return shell


def _clean_data(data) -> dict:
    """A display's mime bundle as JSON-able strings (images base64), other values dropped."""
    clean = {}
    for mime, value in (data or {}).items():
        if isinstance(value, bytes):
            value = base64.b64encode(value).decode()
        if isinstance(value, str) and isinstance(mime, str):
            clean[mime] = value
    return clean


class Recorder:
    """The outputs of the cell running now, within the byte budgets of the limits."""

    def __init__(self):
        self.cell_budget = self.total_budget = 0
        self.cell_limit = 0
        self.outputs, self.kind, self.truncated = [], None, False
        self.cell_numbers, self.current = {}, None

    def start(self, cell_limit: int):
        self.cell_budget = min(cell_limit, self.total_budget)
        self.outputs, self.kind, self.truncated = [], None, False

    def _take(self, size: int) -> bool:
        if size > self.cell_budget:
            self.truncated = True
            return False
        self.cell_budget -= size
        self.total_budget -= size
        return True

    def stream(self, name: str, text: str):
        if not text:
            return
        if len(text) > self.cell_budget:
            text = text[: max(self.cell_budget, 0)]
            self.truncated = True
        if not text or not self._take(len(text)):
            return
        last = self.outputs[-1] if self.outputs else None
        if last and last["output_type"] == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.outputs.append({"output_type": "stream", "name": name, "text": text})

    def add(self, output: dict):
        if self._take(sum(len(v) for v in output.get("data", {}).values())):
            self.outputs.append(output)

    def clear(self):
        self.outputs = []

    def error(self, etype, value, tb):
        kind = _kind(etype, value)
        self.kind = self.kind or kind
        lines = _short_traceback(tb, self.cell_numbers)
        evalue = "运行时间超过限制，已停止" if kind == "timeout" else _cut(_text(value), 1000)
        if isinstance(value, SyntaxError):  # where in the cell, without IPython's file name
            lines = [_cut(f"第 {self.current} 个代码单元格第 {value.lineno} 行：{(value.text or '').strip()}",
                          LINE_CHARS)]
            evalue = _cut(str(value.msg), 1000)
        hint = HINTS.get(etype.__name__) if etype else None
        lines.append(evalue if kind == "timeout" else _cut(f"{etype.__name__}: {evalue}", LINE_CHARS))
        if hint:
            lines.append(f"提示：{hint}")
        output = {"output_type": "error", "ename": _cut(getattr(etype, "__name__", "Error"), 100),
                  "evalue": evalue, "traceback": lines}
        if self._take(sum(map(len, lines)) + len(evalue)):
            self.outputs.append(output)


RECORDER = Recorder()


def _kind(etype, value) -> str | None:
    """What kind of limit a cell ran into, judged from its exception."""
    if etype is None:
        return None
    if issubclass(etype, CellTimeout) or (issubclass(etype, KeyboardInterrupt) and TIMER.fired):
        return "timeout"
    if issubclass(etype, MemoryError):
        return "memory"
    if issubclass(etype, OSError) and value is not None and value.errno == errno.EFBIG:
        return "file"
    if issubclass(etype, OSError) and value is not None and value.errno == errno.EAGAIN:
        return "processes"
    return None


def _short_traceback(tb, cell_numbers: dict) -> list[str]:
    """One line per frame of the learner's own cells, newest last; library frames left out."""
    import linecache

    lines = []
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        parts = filename.split("-")
        if filename.startswith("<ipython-input-") and parts[2].isdigit():
            text = linecache.getline(filename, tb.tb_lineno).strip()
            number = cell_numbers.get(int(parts[2]), "?")
            lines.append(_cut(f"第 {number} 个代码单元格第 {tb.tb_lineno} 行：{text}", LINE_CHARS))
        tb = tb.tb_next
    return lines[-TRACEBACK_LINES:]


def _text(value) -> str:
    try:
        return str(value)
    except Exception:  # a learner's exception whose __str__ fails
        return "（无法显示的错误信息）"


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


class _Stream:
    """sys.stdout / sys.stderr of a learner's process: everything goes to the RECORDER."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, name: str):
        self.name = name

    def write(self, text) -> int:
        RECORDER.stream(self.name, str(text))
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self) -> bool:
        return False


class _Timer:
    """A cell's time limit: SIGALRM raising CellTimeout where there is one; elsewhere (Windows)
    a thread that interrupts the main thread."""

    def __init__(self):
        self.fired, self._thread = False, None

    def start(self, seconds: float) -> None:
        self.fired = False
        if hasattr(signal, "setitimer"):
            signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        else:
            self._thread = threading.Timer(seconds, self._fire)
            self._thread.daemon = True
            self._thread.start()

    def _fire(self) -> None:
        self.fired = True
        _thread.interrupt_main()

    def cancel(self) -> None:
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)
        elif self._thread is not None:
            self._thread.cancel()


def _on_alarm(signum, frame):
    raise CellTimeout()


TIMER = _Timer()


def run_job(shell, spec: dict, send) -> None:
    """Confine this process, run the cells in ``spec`` and ``send`` what happened."""
    limits = SimpleNamespace(**spec["limits"])
    try:
        confine.confine(spec["level"], Path(spec["workdir"]), spec["uid"], spec["hide"], limits, Path(spec["files"]))
    except Exception as error:  # too many files of the learner's, else the grading machine's problem
        send({"t": "unconfined", "space": isinstance(error, OSError) and error.errno == errno.ENOSPC})
        raise
    os.environ.clear()
    os.environ.update(spec["env"])
    cells, names = spec["cells"], spec["answer_names"]
    spec.clear()  # the grader's paths stay out of reach of gc.get_objects()
    run_cells(shell, cells, limits, send)
    send({"t": "answers", "answers": _answers(shell.user_ns, names)})


def run_cells(shell, cells: list, limits, send) -> None:
    """Run ``cells`` ([number, source] pairs) in order, as a kernel would, each under its timer."""
    import matplotlib.pyplot as plt

    sys.stdout, sys.stderr, sys.stdin = _Stream("stdout"), _Stream("stderr"), open(0, closefd=False)
    RECORDER.total_budget = limits.output_kb * 1024 * TOTAL_OUTPUT_CELLS
    for number, source in cells:
        send({"t": "cell", "n": number})
        RECORDER.start(limits.output_kb * 1024)
        RECORDER.cell_numbers[shell.execution_count] = RECORDER.current = number
        try:
            TIMER.start(limits.cell_timeout)
            shell.run_cell(source, store_history=True)
            for num in plt.get_fignums():
                shell.display_pub.publish(shell.display_formatter.format(plt.figure(num))[0])
            plt.close("all")
        except BaseException:  # the timer fired outside the learner's code, or a display failed
            RECORDER.error(*sys.exc_info())
        finally:
            TIMER.cancel()
        send({"t": "done", "n": number, "outputs": RECORDER.outputs, "kind": RECORDER.kind,
              "truncated": RECORDER.truncated})


def _answers(namespace: dict, names: list[str]) -> dict:
    found = {}
    for name in names:
        if name in namespace:
            try:
                found[name] = {"plain": plain.encode(namespace[name])}
            except plain.NotPlain as e:
                found[name] = {"not_plain": str(e)}
            except (RecursionError, ValueError, TypeError):
                found[name] = {"not_plain": plain.type_name(namespace[name])}
    return found


def _child(shell, spec_fd: int, result_fd: int) -> None:
    spec = json.loads(_read_all(spec_fd))
    out = os.fdopen(result_fd, "wb", buffering=0)

    def send(message):
        out.write(frames.pack(message))

    run_job(shell, spec, send)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def serve(ctrl_fd: int) -> None:
    """Fork server: one child per (job id, spec fd, result fd) message on the control socket;
    reports each child's pid and, as soon as it ends, its exit status."""
    ctrl = socket.socket(fileno=ctrl_fd)
    shell = warm_up()
    level = confine.probe()
    own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY) if level == confine.FULL else None
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    ctrl.sendall(frames.pack({"ready": level}))
    children = set()
    while True:
        readable = select.select([ctrl, wake_r], [], [])[0]
        if wake_r in readable:
            os.read(wake_r, 1024)
        if ctrl in readable:
            message, fds, _, _ = socket.recv_fds(ctrl, 1024, 2)
            if not message:  # the grader is gone: so are its jobs
                for pid in children:
                    os.kill(pid, signal.SIGKILL)
                return
            if own_pid_namespace is None:
                pid = os.fork()
            else:
                pid = confine.fork_into_own_pid_namespace(own_pid_namespace)
            if pid == 0:
                _fork_child(shell, fds)
            for fd in fds:
                os.close(fd)
            children.add(pid)
            ctrl.sendall(frames.pack({"job": message.decode(), "pid": pid}))
        while children:
            ended = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
            if ended is None:
                break
            try:  # while it is not reaped its pid is not reused: end what it started, then reap
                os.killpg(ended.si_pid, signal.SIGKILL)
            except OSError:
                pass
            pid, status = os.waitpid(ended.si_pid, 0)
            children.discard(pid)
            ctrl.sendall(frames.pack({"pid": pid, "status": os.waitstatus_to_exitcode(status)}))


def _fork_child(shell, fds) -> None:
    code = 1
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        _child(shell, *confine.keep_only_fds(*fds))
        code = 0
    finally:
        os._exit(code)


def once() -> None:
    """Windows: warm up, then run the one job read from stdin, reporting on stdout."""
    shell = warm_up()
    spec = json.loads(sys.stdin.buffer.readline())
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)

    def send(message):
        out.write(frames.pack(message))

    run_job(shell, spec, send)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    else:
        once()
