"""The Python a test's workshop hub runs with.

Run as root, ``keyaccount hub`` gives every learner a system user and refuses to start when it cannot
(a learner's JupyterLab never runs as root). A virtualenv whose Python lives under /root (pyenv) is closed
to those users, so there the tests' hub runs with Debian's Python from a folder every account may enter,
seeing this environment's packages and the kit's lib/ (the same CPython 3.11 ABI; what needs a newer 3.11
gets an older release of its own). Elsewhere: this Python.
"""
import contextlib
import fcntl
import hashlib
import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from unittest import mock

import keyaccount
from keyaccount.hub.spawner import isolation_problem

SYSTEM_PYTHON = Path("/usr/bin/python3")
NEEDS_OLDER = ["soupsieve<3"]  # soupsieve 3 and 4 (constraints.txt) fail on Debian 12's Python 3.11.2


def missing() -> str | None:
    """What this machine lacks for a test's hub, or None."""
    if os.geteuid() != 0 or isolation_problem() is None:
        return None
    if not SYSTEM_PYTHON.is_file():
        return (f"run as root with this Python where learners' system users cannot run it ({isolation_problem()}): "
                f"needs {SYSTEM_PYTHON} (Debian: apt-get install python3 python3-venv)")
    for shared in (Path(sysconfig.get_path("purelib")), Path(keyaccount.__file__).parent):  # packages, kit
        closed = next((f for f in (shared, *shared.parents) if not os.stat(f).st_mode & 0o001), None)
        if closed is not None:
            return (f"learners' system users cannot enter {closed}, which holds {shared}: "
                    "put the checkout and its .venv in a folder every account may enter (e.g. under /tmp)")
    return None


def everyone_python() -> Path:
    """A Python the learners' system users can run (made once per environment), or this one."""
    if os.geteuid() != 0 or isolation_problem() is None:
        return Path(sys.executable)
    folder = Path("/tmp") / f"keyaccount-hub-python-{hashlib.sha256(sys.prefix.encode()).hexdigest()[:8]}"
    python = folder / "bin" / "python"
    with open(f"{folder}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one xdist worker makes it, the others wait
        if not python.is_file():
            subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(folder)], check=True)
            site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                                text=True).strip())
            (site / "keyaccount-tests.pth").write_text(
                f"import site; site.addsitedir({sysconfig.get_path('purelib')!r})\n", encoding="utf-8")
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                            *NEEDS_OLDER], check=True)  # found first, before this environment's newer ones
            for shared in ("share/jupyter", "etc/jupyter"):  # JupyterLab's assets, extensions and server config
                (folder / shared).parent.mkdir(parents=True, exist_ok=True)
                (folder / shared).symlink_to(Path(sys.prefix) / shared)
            for script in Path(sys.executable).parent.iterdir():  # jupyterhub, jupyterhub-singleuser, jupyter-…
                target = folder / "bin" / script.name
                if script.is_file() and not target.exists() and script.read_bytes()[:2] == b"#!":
                    lines = script.read_text(encoding="utf-8").splitlines(keepends=True)
                    if "python" in lines[0]:
                        target.write_text(f"#!{python}\n" + "".join(lines[1:]), encoding="utf-8")
                        target.chmod(0o755)
        os.chmod(folder, 0o755)
    return python


@contextlib.contextmanager
def hub_python():
    """Within: the kit's hub code sees ``everyone_python()`` as the Python it runs with."""
    with mock.patch.object(sys, "executable", str(everyone_python())):
        yield
