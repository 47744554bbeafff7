"""Self-paced check: run a learner's exercise notebook and say, in Chinese, which visible tests pass.

    keyaccount check exercises/funnel_forecast/funnel_forecast.ipynb

Only what the learner's own copy contains is run (its visible tests); nothing is graded or stored.
"""
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from keyaccount.course.nbgrader_defaults import CELL_TIMEOUT
from keyaccount.jupyter_settings import kernel_config


@dataclass(frozen=True)
class TestResult:
    question: str
    passed: bool
    message: str


def run_visible_tests(path: Path, timeout: int = CELL_TIMEOUT) -> list[TestResult]:
    """Execute the notebook (errors allowed) and read each test cell's outcome."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3", config=kernel_config(),
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    results, title = [], ""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
            title = cell.source.lstrip().splitlines()[0].lstrip("# ").strip()
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade"):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            message = f"{errors[0].get('ename')}: {errors[0].get('evalue')}"
        else:
            message = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")
        results.append(TestResult(title or meta.get("grade_id", "?"), not errors, message.strip()))
    return results


def report(results: list[TestResult]) -> str:
    """Readable Chinese lines, one per question, and a summary."""
    if not results:
        return "这个笔记本里没有测试单元格：请打开练习的原始笔记本来自查。"
    lines = [f"{'✓' if r.passed else '✗'} {r.question}：{r.message or ('通过' if r.passed else '未通过')}"
             for r in results]
    passed = sum(r.passed for r in results)
    lines.append(f"共 {len(results)} 题，{passed} 题格式检查通过。数值是否正确由培训师批改时的隐藏测试评分。")
    return "\n".join(lines)
