"""Start JupyterLab on a folder of the course: the one launcher behind ``make lab`` and ``keyaccount start``.

    python -m keyaccount.lab FOLDER [--port N] [--no-browser] [other jupyter lab options …]

The server listens on this machine only and opens on the lesson index; the kit's server extension
(keyaccount.server_extension) gives it this environment's ``bin/`` on PATH, and its Jupyter config
folder ``.keyaccount/jupyter`` in FOLDER the served CJK font and quiet kernels (keyaccount.webfont).
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

from keyaccount import webfont
from keyaccount.jupyter_settings import prepare_notebooks
from keyaccount.workspace import INDEX, KIT_DIR

COURSE_NOTEBOOKS = ("notebooks", "exercises", "solutions")
COURSE_SOURCE = "keyaccount.course_source_contents.CourseSourceContents"


def lab_command(root: Path, port: int | None = None, open_browser: bool = True,
                extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The ``jupyter lab`` command line for ``root``."""
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}",
               "--ServerApp.ip=127.0.0.1", f"--LabApp.default_url=/lab/tree/{INDEX}"]
    if port:
        command.append(f"--ServerApp.port={port}")
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and workshop servers run as root
        command.append("--ServerApp.allow_root=True")
    return [*command, *extra]


def run_lab(root: Path, port: int | None = None, open_browser: bool = True,
            extra: list[str] | tuple[str, ...] = (), env: dict[str, str] | None = None, learner: bool = False) -> int:
    """Run JupyterLab on ``root`` until it is stopped (Ctrl+C); return its exit code. A ``learner``'s
    JupyterLab has no nbgrader trainer panels."""
    font_args, font_env = webfont.lab_options(Path(root) / KIT_DIR / "jupyter", learner=learner)
    server = subprocess.Popen(lab_command(Path(root), port, open_browser, [*font_args, *extra]),
                              env={**os.environ, **font_env, **(env or {})})
    try:
        return server.wait()
    except KeyboardInterrupt:  # Ctrl+C reaches the server too, which shuts down cleanly
        return server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m keyaccount.lab", description="在课程文件夹上启动 JupyterLab。")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int)
    parser.add_argument("--no-browser", action="store_true")
    args, extra = parser.parse_known_args(argv)
    root = args.folder.resolve()
    # the course source: signed, so JupyterLab trusts its notebooks; their files stay as committed, and
    # open unmodified all the same (course_source_contents)
    prepare_notebooks([root / name for name in COURSE_NOTEBOOKS], write=False)
    return run_lab(root, args.port, not args.no_browser, [f"--ServerApp.contents_manager_class={COURSE_SOURCE}", *extra])


if __name__ == "__main__":
    sys.exit(main())
