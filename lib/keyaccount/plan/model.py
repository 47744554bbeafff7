"""The implementation plan table and the rules a plan must pass.

Columns as in the source: 项目分解, 项目内容, 项目目标, 起始时间, 责任人, 资源调用, 监控点.
Rules: dates in order, every task finished before the tender close, an owner and a
checkpoint for every task.
"""
import datetime as dt
from dataclasses import dataclass

import pandas as pd

from keyaccount import validation as v

COLUMNS = {"part": "项目分解", "content": "项目内容", "goal": "项目目标", "start": "开始",
           "end": "结束", "owner": "责任人", "resources": "资源调用", "checkpoint": "监控点"}
RULES = {
    "日期顺序": "开始日期不能晚于结束日期",
    "截标前完成": "必须在截标日之前（含当天）完成",
    "有责任人": "每项任务都要有责任人",
    "有监控点": "每项任务都要有监控点",
}

REVIEW = {  # 六.4 销售项目预测和项目总结：源文件的两个要求，引导问题是课程补充的
    "前景预测与资源部署": ("对该项目、该客户和其市场，做出你的未来前景描述和预测",
                   "据此部署你的相关资源匹配和申请政策"),
    "成败回顾": ("成功或失败的经验回顾总结：哪些关键节点做对了、哪些做错了",
             "特别要做竞争对手的项目总结：对手赢（或输）在哪里，下次如何应对"),
}


def as_date(label: str, value) -> dt.date:
    """A date given as datetime.date or as text '2026-12-25'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise v.InputError(f"{label} 应该是日期，写成 '2026-12-25' 的样子，收到的是 {value!r}。")


@dataclass(frozen=True)
class Task:
    id: str
    part: str
    start: dt.date
    end: dt.date
    owner: str = ""
    checkpoint: str = ""
    content: str = ""
    goal: str = ""
    resources: str = ""

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id.strip():
            raise v.InputError(f"任务编号不能为空，收到 {self.id!r}。")
        object.__setattr__(self, "start", as_date(f"任务 {self.id} 的开始日期", self.start))
        object.__setattr__(self, "end", as_date(f"任务 {self.id} 的结束日期", self.end))
        for name in ("part", "owner", "checkpoint", "content", "goal", "resources"):
            value = getattr(self, name)
            if value is None:
                object.__setattr__(self, name, "")
            elif not isinstance(value, str):
                raise v.InputError(f"任务 {self.id} 的{COLUMNS[name]}应该是文字，收到 {value!r}。")


@dataclass(frozen=True)
class Problem:
    task: str
    rule: str
    message: str


def plan_problems(tasks, deadline) -> list:
    """Every broken rule, one Problem per task and rule, in task order."""
    deadline = as_date("截标日", deadline)
    ids = [t.id for t in tasks]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise v.InputError(f"任务编号重复：{'、'.join(repeated)}。")
    problems = []
    for t in tasks:
        label = f"任务 {t.id}（{t.part}）"
        if t.start > t.end:
            problems.append(Problem(t.id, "日期顺序", f"{label}：开始 {t.start} 晚于结束 {t.end}。"))
        if t.end > deadline:
            problems.append(Problem(t.id, "截标前完成", f"{label}：结束 {t.end} 晚于截标日 {deadline}。"))
        if not t.owner.strip():
            problems.append(Problem(t.id, "有责任人", f"{label}：没有责任人。"))
        if not t.checkpoint.strip():
            problems.append(Problem(t.id, "有监控点", f"{label}：没有监控点。"))
    return problems


def faulty_tasks(tasks, deadline) -> dict:
    """{rule: set of task ids that break it} for every rule (empty sets included)."""
    found = {rule: set() for rule in RULES}
    for p in plan_problems(tasks, deadline):
        found[p.rule].add(p.task)
    return found


def plan_table(tasks) -> pd.DataFrame:
    """The plan as the source's table, Chinese column names, indexed by task id."""
    rows = [{label: getattr(t, name) for name, label in COLUMNS.items()} for t in tasks]
    return pd.DataFrame(rows, index=pd.Index([t.id for t in tasks], name="编号"))
