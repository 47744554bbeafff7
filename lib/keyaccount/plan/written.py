"""A learner's own implementation plan, checked against the plan table's rules (not against one answer).

A plan is a list of tasks, each a dict with the source's columns (项目分解, 项目内容, 项目目标, 责任人,
资源调用, 监控点), the dates, the bone of the fishbone it works on and the tasks it waits for:

    {"编号": "T2", "项目分解": "高层突破", "项目内容": "…", "项目目标": "…", "开始": "2026-11-27",
     "结束": "2026-12-08", "责任人": "小王", "资源调用": "…", "监控点": "…", "对应鱼骨": "客户关系",
     "前置任务": ["T1"]}

``PlanRules.grade`` gives the share of the four checks a plan passes (a check on tasks counts the
tasks that pass it, out of at least ``MIN_TASKS``) and one Chinese line per check; it stands in an answer key where a value would
(``keyaccount.compare`` calls it), so the key holds the rules and the dates, never a plan.
"""
import datetime as dt
from dataclasses import dataclass

from keyaccount.fishbone.model import SOURCE_BONES

TEXT_COLUMNS = ("项目分解", "项目内容", "项目目标", "责任人", "资源调用", "监控点")
COLUMNS = ("编号", *TEXT_COLUMNS[:3], "开始", "结束", *TEXT_COLUMNS[3:], "对应鱼骨", "前置任务")
MIN_TASKS = 5   # the checks counted per task give full marks from this many tasks on (a copied example is not a plan)
CHECKS = {
    "栏目齐全": "每项任务都填了编号和源文件计划表的各栏：" + "、".join(TEXT_COLUMNS),
    "起止日期": "日期写成 '2026-12-01'；开始不晚于结束；立项日当天或之后开始，截标日当天或之前完成",
    "先后顺序": "除第一项外，每项任务都写出前置任务（计划里排在它前面的编号），并在前置任务结束后（可以是同一天）才开始",
    "覆盖鱼骨": "至少各有一项任务针对源文件的三根鱼骨：" + "、".join(SOURCE_BONES),
}
COUNTING = f"前三条按通过的任务数给分，至少 {MIN_TASKS} 项任务才能拿满；第四条按覆盖的鱼骨数给分。"


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        return None


def _text(task: dict, column: str) -> str:
    value = task.get(column)
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class PlanRules:
    """The checks a written plan must pass: the project's first day and the tender close."""
    start: dt.date
    deadline: dt.date

    def form(self) -> dict:
        """The public form of the answer (for form.json): a list of tasks."""
        return {"type": "list"}

    def findings(self, plan) -> dict:
        """{check: [ids of the tasks that fail it]} (for 覆盖鱼骨: the bones no task works on)."""
        tasks = [t for t in plan if isinstance(t, dict)] if isinstance(plan, list) else []
        ids = [_text(t, "编号") or f"第 {n} 项" for n, t in enumerate(tasks, 1)]
        ends = {}
        found = {check: [] for check in CHECKS}
        for n, (task, tid) in enumerate(zip(tasks, ids)):
            if not _text(task, "编号") or not all(_text(task, c) for c in TEXT_COLUMNS):
                found["栏目齐全"].append(tid)
            begin, end = _date(task.get("开始")), _date(task.get("结束"))
            if not (begin and end and self.start <= begin <= end <= self.deadline):
                found["起止日期"].append(tid)
            before = task.get("前置任务")
            before = [before] if isinstance(before, str) else before if isinstance(before, (list, tuple)) else []
            waits_right = all(b in ends and ends[b] and begin and ends[b] <= begin for b in before)
            if (n > 0 and not before) or not waits_right:
                found["先后顺序"].append(tid)
            ends[tid] = end
        worked_on = {_text(t, "对应鱼骨") for t in tasks}
        found["覆盖鱼骨"] = [bone for bone in SOURCE_BONES if bone not in worked_on]
        return found

    def grade(self, plan) -> tuple[float, list[str]]:
        """Share of the checks passed (each as the share of tasks, or of bones, that pass it) and a line per check."""
        tasks = [t for t in plan if isinstance(t, dict)] if isinstance(plan, list) else []
        if not tasks:
            return 0.0, ["计划里还没有任务（每项任务是一个 {栏目: 内容} 的字典）"]
        shares, lines = [], []
        for check, failing in self.findings(plan).items():
            passed, whole = ((len(SOURCE_BONES) - len(failing), len(SOURCE_BONES)) if check == "覆盖鱼骨"
                             else (len(tasks) - len(failing), max(len(tasks), MIN_TASKS)))
            shares.append(passed / whole)
            what = "缺少针对这些鱼骨的任务" if check == "覆盖鱼骨" else "没有通过的任务"
            lines.append(f"✓ {check}" if not failing else f"✗ {check}：{what}：{'、'.join(failing)}（要求：{CHECKS[check]}）")
        if len(tasks) < MIN_TASKS:
            lines.append(f"◐ 计划只有 {len(tasks)} 项任务：按任务计的检查以 {MIN_TASKS} 项为满分")
        return sum(shares) / len(shares), lines
