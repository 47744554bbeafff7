"""The kit's Jupyter settings: quiet kernels, lessons that open unmodified and trusted."""
import shutil

import nbformat
import pytest
from nbformat.sign import NotebookNotary

from conftest import ROOT
from quiet import noise
from keyaccount.jupyter_settings import kernel_config, language_info, prepare_notebooks


@pytest.fixture
def lessons(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))  # the signature store of this test
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    return tmp_path / "notebooks"


def test_output_free_lessons_get_this_kernels_language_info_and_a_signature(lessons):
    before = {p.name: nbformat.read(p, as_version=4) for p in lessons.glob("*.ipynb")}
    assert prepare_notebooks([lessons])
    with NotebookNotary() as notary:
        for path in lessons.glob("*.ipynb"):
            nb = nbformat.read(path, as_version=4)
            assert nb.metadata.language_info == language_info()  # what JupyterLab would write on kernel start
            assert nb.metadata.kernelspec == before[path.name].metadata.kernelspec
            assert nb.cells == before[path.name].cells
            assert notary.check_signature(nb), f"{path.name} is not trusted"
    assert prepare_notebooks([lessons]) == []  # a second launch writes nothing


def test_a_notebook_with_outputs_is_left_as_it_is(lessons):
    path = lessons / "01_funnel_forecast.ipynb"
    nb = nbformat.read(path, as_version=4)
    next(c for c in nb.cells if c.cell_type == "code").outputs = [nbformat.v4.new_output("stream", text="学员的输出")]
    nbformat.write(nb, path)
    text = path.read_text("utf-8")
    prepare_notebooks([lessons])
    assert path.read_text("utf-8") == text
    with NotebookNotary() as notary:
        assert not notary.check_signature(nbformat.read(path, as_version=4))


RUN_LESSON_CELL = """
import nbformat, papermill
from keyaccount.jupyter_settings import kernel_config
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('大客户')")])
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(nb, "in.ipynb")
papermill.execute_notebook("in.ipynb", "out.ipynb", progress_bar=False, config=kernel_config())
"""


@pytest.mark.notebook
def test_a_kit_kernel_run_prints_no_encryption_warning(tmp_path):
    import subprocess
    import sys
    run = subprocess.run([sys.executable, "-c", RUN_LESSON_CELL], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "大客户" in (tmp_path / "out.ipynb").read_text("utf-8")
    printed = run.stdout + run.stderr  # the kernel's own log lines land here too
    assert not noise(printed), printed


@pytest.mark.notebook
@pytest.mark.parametrize("config, interrupts", [({}, True), ("kit", False)], ids=["stock", "kit"])
def test_a_kit_notebook_run_shuts_its_idle_kernel_down_without_an_interrupt(tmp_path, config, interrupts):
    """The interrupt jupyter_client sends before every shutdown is what makes ipykernel log
    "KeyboardInterrupt caught in kernel" now and then; the kit's runs do not send it."""
    from nbclient import NotebookClient
    from traitlets.config import Config

    from sigint_watch import interrupted, watcher_cell

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(watcher_cell(tmp_path))])
    config = kernel_config() if config == "kit" else Config({"KernelManager": kernel_config()["KernelManager"]})
    NotebookClient(nb, kernel_name="python3", timeout=120, config=config).execute()
    assert interrupted(tmp_path) is interrupts
