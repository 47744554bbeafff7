"""The floor of running one notebook, and what the grading sandbox adds on top of it.

``floor(notebook)`` — the median over ``runs`` of executing the notebook's code cells in a
process forked from an already warm interpreter (this one, warmed once): no isolation, no
process start, no imports. ``sandboxed(notebook, sandbox)`` — the median of ``Sandbox.run``
for the same notebook. Run as a script it prints both for every exercise's solution and the
sandbox's overhead as a ratio:

    .venv/bin/python benchmarks/sandbox_floor.py [--runs 5]
"""
import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import nbformat

from keyaccount.grader import warm
from keyaccount.grader.sandbox import Limits, Sandbox

CLONE_ROOT = Path(__file__).resolve().parents[1]  # the repository: solutions/
_SHELL = []


def floor(notebook: nbformat.NotebookNode, runs: int = 5) -> float:
    """Median seconds to run ``notebook``'s code in a child forked from a warm interpreter."""
    if not _SHELL:
        _SHELL.append(warm.warm_up())
    cells = [[n, c.source] for n, c in enumerate((c for c in notebook.cells if c.cell_type == "code"), 1)]
    limits = SimpleNamespace(**vars(Limits()))
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            start = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                try:
                    os.chdir(folder)
                    warm.run_cells(_SHELL[0], cells, limits, send=lambda message: None)
                finally:
                    os._exit(0)
            os.waitpid(pid, 0)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def sandboxed(notebook: nbformat.NotebookNode, sandbox: Sandbox, runs: int = 5) -> float:
    """Median seconds of ``sandbox.run`` for ``notebook`` (an empty folder of files)."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            start = time.perf_counter()
            sandbox.run(notebook, Path(folder), [])
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    notebooks = {p.parent.name: nbformat.read(p, as_version=4)
                 for p in sorted((CLONE_ROOT / "solutions").glob("*/*.ipynb"))}
    with Sandbox() as sandbox:
        print(f"{'exercise':32} {'floor ms':>9} {'sandbox ms':>11} {'ratio':>6}")
        for name, notebook in notebooks.items():
            bare, boxed = floor(notebook, runs), sandboxed(notebook, sandbox, runs)
            print(f"{name:32} {bare * 1000:9.0f} {boxed * 1000:11.0f} {boxed / bare:6.2f}")


if __name__ == "__main__":
    main()
