"""``keyaccount check NOTEBOOK``: run a learner's exercise and print the same self-check as the notebook's.

The notebook runs in its own folder; then, in the same kernel, ``keyaccount.form.summary`` (what the
notebook's ``check(EXERCISE)`` prints) says question by question whether each answer has the right
form, with the author's hints, and names the questions a trainer grades. Never right or wrong.

With ``--grade`` and the answer key at hand (a self-paced learner with the repository, or a trainer),
the answers are taken out of the kernel as plain literals and scored here, outside the notebook.
"""
import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError

from keyaccount.compare import compare
from keyaccount.course.formspec import scored_answers
from keyaccount.course.nbgrader_defaults import CELL_TIMEOUT
from keyaccount.jupyter_settings import kernel_config
from keyaccount.form import Form, short_title

EXERCISE = re.compile(r"""^EXERCISE\s*=\s*["']([A-Za-z0-9_]+)["']""", re.M)
MARK = "KEYACCOUNT-CHECK "
PROBE = """\
import json as _kj, keyaccount.form as _kf
_kform = _kf.load_form({assignment!r})
_kok, _ktext = _kf.summary(_kform, globals())
print({mark!r} + _kj.dumps({{"ok": _kok, "text": _ktext, "form": _kf.asdict(_kform),
      "answers": {{n: repr(globals()[n]) for n in _kform.answers if n in globals()}}}}, ensure_ascii=False))
"""


@dataclass
class CheckRun:
    """What ``keyaccount check`` found: the self-check text, whether every form is right, the answers."""
    assignment: str
    ok: bool
    text: str
    form: Form | None = None
    answers: dict = field(default_factory=dict)   # answer name -> repr of the learner's value
    notebook: nbformat.NotebookNode | None = None  # the executed copy


def assignment_of(nb: nbformat.NotebookNode) -> str | None:
    """The exercise a notebook belongs to: its ``EXERCISE = "…"`` line."""
    for cell in nb.cells:
        found = EXERCISE.search(cell.source) if cell.cell_type == "code" else None
        if found:
            return found.group(1)
    return None


def run_check(path: Path, timeout: int = CELL_TIMEOUT) -> CheckRun:
    """Execute the notebook (errors allowed), then the self-check in the same kernel."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    assignment = assignment_of(nb)
    if assignment is None:
        return CheckRun("", False, f"{path.name} 不是练习笔记本（找不到 EXERCISE = \"…\" 这一行），无法自查。")
    nb.cells.append(nbformat.v4.new_code_cell(PROBE.format(assignment=assignment, mark=MARK)))
    started = []  # the cells in the order they ran: the last one is the one running when time ran out
    try:
        NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3", config=kernel_config(),
                       on_cell_execute=lambda cell, cell_index: started.append(cell),
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    except CellTimeoutError:
        return CheckRun(assignment, False, _timed_out(nb, started[-1], timeout), notebook=nb)
    outputs = nb.cells[-1].get("outputs", [])
    for output in outputs:
        for line in output.get("text", "").splitlines():
            if line.startswith(MARK):
                data = json.loads(line[len(MARK):])
                return CheckRun(assignment, data["ok"], data["text"], Form.from_json(data["form"]), data["answers"], nb)
    said = [line for o in outputs if o.get("output_type") == "error" for line in o.get("traceback", [])]
    return CheckRun(assignment, False, "\n".join(said) or "自查没有运行完：请在 Jupyter 里打开笔记本，从头运行一遍。",
                    notebook=nb)


def _timed_out(nb: nbformat.NotebookNode, cell: nbformat.NotebookNode, timeout: int) -> str:
    number = [c for c in nb.cells if c.cell_type == "code"].index(cell) + 1
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    return (f"从上往下第 {number} 个代码单元格运行了 {timeout} 秒还没有结束（可能是一个停不下来的循环），自查停在了这里。"
            f"请在 Jupyter 里检查这个单元格（它的第一行是：{first}），改好后再自查。")


def grade_lines(run: CheckRun, key: dict, source_notebooks: list[Path]) -> list[str]:
    """Scores of the automatically graded questions, compared here with ``key``."""
    points = {}
    for path in source_notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
                points.update(scored_answers(cell.source))
    lines, earned, total = ["", "评分（用课程的答案表，在笔记本之外比较）："], 0.0, 0.0
    for q in run.form.questions:
        for name in q.answers:
            share, said = _share(run.answers.get(name), key[name], run.form.answers[name])
            earned += round(points[name] * share, 2)
            total += points[name]
            lines.append(f"{short_title(q.title)} · {name}：{points[name] * share:g} / {points[name]:g}")
            lines += [f"  {line}" for line in said]
    lines.append(f"自动批改部分合计 {earned:g} / {total:g}（由培训师批改的题不在内）。")
    return lines


def _share(shown: str | None, expected, spec: dict) -> tuple[float, list[str]]:
    if shown is None:
        return 0.0, ["找不到这个答案：答题单元格可能被删除、改名或没有运行。"]
    try:
        value = ast.literal_eval(shown)
    except (ValueError, SyntaxError):
        return 0.0, ["答案不是普通的数字、文字、列表或字典，无法评分。"]
    return compare(value, expected, spec)
