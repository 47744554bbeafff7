"""A witness for interrupts: a cell that starts a child in its kernel's process group, which notes any SIGINT.

jupyter_client interrupts a kernel by signalling its whole process group, so the child hears every
interrupt the kernel gets, whatever the kernel was doing when it came.
"""
import os
import signal
import time
from pathlib import Path

CHILD = ("import signal, sys, time, pathlib\n"
         "folder = pathlib.Path(sys.argv[1])\n"
         "signal.signal(signal.SIGINT, lambda *_: folder.joinpath('sigint').touch())\n"
         "folder.joinpath('pid').write_text(str(__import__('os').getpid()))\n"
         "time.sleep(120)\n")


def watcher_cell(folder: Path) -> str:
    """Code for a cell that starts the witness and waits until it listens."""
    return (f"import subprocess, sys, time, pathlib\n"
            f"subprocess.Popen([sys.executable, '-c', {CHILD!r}, {str(folder)!r}])\n"
            f"while not pathlib.Path({str(folder)!r}, 'pid').exists(): time.sleep(0.05)\n")


def interrupted(folder: Path, wait: float = 2.0) -> bool:
    """Whether the witness heard a SIGINT (given ``wait`` seconds to hear one); the witness is stopped."""
    time.sleep(wait)
    heard = (folder / "sigint").exists()
    try:
        os.kill(int((folder / "pid").read_text()), signal.SIGKILL)
    except ProcessLookupError:
        pass
    return heard
