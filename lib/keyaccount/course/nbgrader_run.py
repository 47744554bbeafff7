"""Run stock nbgrader from this Python environment."""
import os
import subprocess
import sys
from pathlib import Path


def use_this_environment() -> None:
    """Put this environment's bin/ first on PATH: nbgrader's Gradebook runs ``alembic`` from PATH,
    also when the ``keyaccount`` command or a test runs without an activated virtualenv."""
    here = str(Path(sys.executable).parent)
    if here not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([here, os.environ.get("PATH", "")])


def run_nbgrader(args: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    """``nbgrader ARGS`` in ``cwd`` with this environment's nbgrader and alembic."""
    use_this_environment()
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd,
                            capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} 失败：\n{result.stdout}\n{result.stderr}")
    return result
