"""The kit's settings for the stock Jupyter tools, one home for every launch (JupyterLab, papermill, nbgrader).

- Kernels talk to their manager encrypted (CurveZMQ, which ipykernel's kernelspec declares), so no
  kernel warns "Kernel is running over TCP without encryption".
- An idle kernel is shut down without being interrupted first, so none logs "KeyboardInterrupt caught
  in kernel" (quiet_kernels; JupyterLab's: server_extension.QuietServerKernelManager).
- Lessons ship without outputs. Before JupyterLab opens them, ``prepare_notebooks`` gives such a
  notebook the ``language_info`` this machine's kernel reports (JupyterLab writes it into every
  notebook whose kernel starts, which marked each lesson modified the moment it opened) and signs
  it (as ``jupyter trust``; nothing to distrust without outputs), so JupyterLab does not log
  "Notebook … is not trusted". Cells are never touched; a notebook with outputs is left alone.
- A learner's JupyterLab has none of nbgrader's trainer parts (formgrader, course list, create assignment,
  the exchange's assignment list): ``server_settings(learner=True)`` and ``page_config(learner=True)``.
  Validate stays; it runs the kit's own Chinese checks.
"""
from pathlib import Path

import nbformat
import zmq
from nbformat.sign import NotebookNotary
from traitlets.config import Config

# A notebook's language_info as the course source commits it (the kernel fills in the rest when it starts).
COMMITTED_LANGUAGE_INFO = {"name": "python"}


# A Jupyter server's (JupyterLab's, Voila's) kernel manager: no interrupt before shutting down an idle kernel.
SERVER_KERNEL_MANAGER = "keyaccount.server_extension.QuietServerKernelManager"


def kernel_settings() -> dict:
    """KernelManager settings: provision CurveZMQ keys where pyzmq supports it."""
    return {"KernelManager": {"transport_encryption": "auto" if zmq.has("curve") else "disabled"}}


# nbgrader's trainer parts, hidden in a learner's JupyterLab (its lab plugins, then its server extensions).
TRAINER_LAB_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                       "@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:assignment-list",
                       "@jupyter/nbgrader:menu")
TRAINER_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list",
                             "nbgrader.server_extensions.assignment_list")


def server_settings(learner: bool = False) -> dict:
    """jupyter_server_config of a kit launch: quiet kernels; for a learner, no nbgrader trainer extensions."""
    settings = {**kernel_settings(), "AsyncMappingKernelManager": {"kernel_manager_class": SERVER_KERNEL_MANAGER}}
    if learner:
        settings["ServerApp"] = {"jpserver_extensions": {name: False for name in TRAINER_SERVER_EXTENSIONS}}
    return settings


def page_config(learner: bool = False) -> dict:
    """JupyterLab's labconfig/page_config.json of a kit launch: for a learner, nbgrader's trainer panels off."""
    return {"disabledExtensions": {name: True for name in TRAINER_LAB_PLUGINS}} if learner else {}


def kernel_config() -> Config:
    """``kernel_settings`` and the quiet kernel manager as a traitlets Config, for a NotebookClient, papermill or nbgrader."""
    return Config({**kernel_settings(),
                   "NotebookClient": {"kernel_manager_class": "keyaccount.quiet_kernels.QuietKernelManager"}})


def language_info() -> dict:
    """What this machine's Python kernel reports as ``language_info`` (ipykernel's own table)."""
    from ipykernel.ipkernel import IPythonKernel

    return dict(IPythonKernel.language_info)


def prepare(nb: nbformat.NotebookNode) -> bool:
    """Give an output-free notebook this kernel's language_info, in place; whether it changed."""
    if any(cell.get("outputs") for cell in nb.cells) or nb.metadata.get("language_info") == language_info():
        return False
    nb.metadata["language_info"] = language_info()
    return True


def prepared(content: bytes) -> bytes:
    """A notebook file's bytes as ``prepare_notebooks`` leaves them (``prepare``; anything else, or a
    file that is no notebook, unchanged)."""
    try:
        nb = nbformat.reads(content.decode("utf-8"), as_version=4)
    except Exception:  # not a notebook the kit can read: left to JupyterLab to explain
        return content
    return nbformat.writes(nb).encode("utf-8") + b"\n" if prepare(nb) else content


def prepare_notebooks(folders, write: bool = True) -> list[Path]:
    """Give output-free notebooks under ``folders`` this kernel's language_info (``prepared``; not when
    ``write`` is false: the course source, whose files stay as committed), and sign them."""
    changed = []
    with NotebookNotary() as notary:
        for folder in folders:
            for path in sorted(Path(folder).rglob("*.ipynb")):
                if ".ipynb_checkpoints" in path.parts:
                    continue
                content = path.read_bytes()
                ready = prepared(content) if write else content
                if ready != content:
                    path.write_bytes(ready)
                    changed.append(path)
                try:
                    nb = nbformat.reads(ready.decode("utf-8"), as_version=4)
                except Exception:
                    continue
                if not any(cell.get("outputs") for cell in nb.cells) and not notary.check_signature(nb):
                    notary.sign(nb)
    return changed
