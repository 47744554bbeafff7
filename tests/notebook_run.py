"""Execute a notebook with papermill and collect what a user would see as a problem."""
from pathlib import Path

import nbformat
import papermill


def execute(path: Path, out: Path, parameters: dict | None = None) -> nbformat.NotebookNode:
    """Run ``path`` top to bottom in its own folder; return the executed notebook."""
    papermill.execute_notebook(str(path), str(out), parameters=parameters or {},
                               kernel_name="python3", cwd=str(path.parent),
                               progress_bar=False, log_output=False, execution_timeout=300)
    return nbformat.read(out, as_version=4)


def stderr_outputs(nb) -> list[str]:
    """Text the notebook wrote to stderr (warnings, missing glyphs …), one entry per output."""
    return [f"cell {i}: {o.get('text', '')[:300]}"
            for i, cell in enumerate(nb.cells) for o in cell.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == "stderr"]
