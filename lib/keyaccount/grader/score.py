"""Score a learner's answers in the grader's own process, against the answer key.

Which answer a test cell scores, and for how many points, is read from the INSTRUCTOR source
(``score(EXERCISE, "<answer>", points=N)`` in its hidden part), never from the learner's copy.
The learner's process only hands over plain values (``plain.decode``); comparing them is
``keyaccount.compare``'s.
"""
import ast
from dataclasses import dataclass, field

import nbformat
from nbgrader.utils import is_grade, is_solution

from keyaccount.compare import compare


@dataclass(frozen=True)
class TestCell:
    """A graded test cell of the source: the answer it scores and its points."""
    grade_id: str
    answer: str
    points: float


@dataclass
class Scored:
    points: float
    lines: list[str] = field(default_factory=list)  # Chinese, for the learner's feedback


def test_cells(source: nbformat.NotebookNode) -> list[TestCell]:
    """The autograded test cells of the instructor notebook, with the answer each one scores."""
    found = []
    for cell in source.cells:
        if cell.cell_type != "code" or not is_grade(cell) or is_solution(cell):
            continue
        gid = cell.metadata["nbgrader"]["grade_id"]
        calls = [node for node in ast.walk(ast.parse(cell.source)) if _is_score_call(node)]
        if len(calls) != 1:
            raise ValueError(f"测试单元格 {gid} 应该正好有一个 score(EXERCISE, \"答案名\", points=分数)，"
                             f"现在有 {len(calls)} 个。")
        points = ast.literal_eval(next(k.value for k in calls[0].keywords if k.arg == "points"))
        if points != cell.metadata["nbgrader"]["points"]:
            raise ValueError(f"测试单元格 {gid} 的 points={points} 和 nbgrader 分值 "
                             f"{cell.metadata['nbgrader']['points']} 不一致。")
        found.append(TestCell(gid, calls[0].args[1].value, float(points)))
    return found


def _is_score_call(node) -> bool:
    if not isinstance(node, ast.Call) or len(node.args) != 2 or not isinstance(node.args[1], ast.Constant):
        return False
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
    return name == "score" and isinstance(node.args[1].value, str) and any(k.arg == "points" for k in node.keywords)


def score(cells: list[TestCell], answers: dict, key: dict, failed: dict[str, str],
          problems: list[str], form: dict | None = None) -> dict[str, Scored]:
    """Points per test cell.

    ``failed``: test cells whose visible form check failed in the learner's run, with its message —
    they score 0, as in stock nbgrader. ``problems``: the sandbox's reasons from this run, quoted for
    an answer that did not come out. ``form``: answer name → its public form (``form.Form.answers``).
    """
    form = form or {}
    return {cell.grade_id: _one(cell, answers, key, failed.get(cell.grade_id), problems, form.get(cell.answer))
            for cell in cells}


def _one(cell: TestCell, answers: dict, key: dict, failure: str | None, problems: list[str],
         spec: dict | None) -> Scored:
    name = cell.answer
    total = f"{cell.points:g}"
    if name not in answers:
        said = [p for p in problems if p.startswith(f"{name} ")]
        return Scored(0.0, said or [f"✗ {name}：找不到这个答案（答题单元格可能被删除、改名或没有运行），得 0 / {total} 分。"])
    if failure is not None:
        return Scored(0.0, [f"✗ {name}：格式检查没有通过（{failure}），得 0 / {total} 分。"])
    share, lines = compare(answers[name], key[name], spec)
    earned = round(cell.points * share, 2)
    mark = "✓" if share == 1 else ("◐" if share > 0 else "✗")
    return Scored(earned, [f"{mark} {name}：得分 {earned:g} / {total}", *(f"  {line}" for line in lines)])
