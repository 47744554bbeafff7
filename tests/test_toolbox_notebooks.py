"""The toolbox apps open from JupyterLab too: each notebook, copied into a workspace's 工具箱/ folder,
runs there without errors, shows its widget, and keeps data in that workspace."""
import os

import pytest

from keyaccount.toolbox import launch, storage
from notebook_run import execute, stderr_outputs

pytestmark = pytest.mark.notebook
FOLDERS = {"机会评分卡.ipynb": "机会评分卡", "客户关系图.ipynb": "客户关系图"}


@pytest.mark.parametrize("name", sorted(launch.app_files()))
def test_app_notebook_runs_in_the_workspace_toolbox_folder(name, tmp_path, monkeypatch):
    monkeypatch.delenv(storage.ENV, raising=False)   # as in JupyterLab: found from the folder, not the command
    root = tmp_path / "工作区"
    folder, _ = launch.install_apps(root)
    nb = execute(folder / name, tmp_path / "out.ipynb")
    outputs = [o for cell in nb.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert stderr_outputs(nb) == []
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert {"工具箱", "我的数据"} <= set(os.listdir(root))
    if name in FOLDERS:  # the app keeps its files in this workspace, found from the notebook's folder
        assert (root / "我的数据" / FOLDERS[name]).is_dir()
