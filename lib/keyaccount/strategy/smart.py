"""SMART goals (source 001 六.1): a project goal on structured fields, checked letter by letter.

S 具体 Specific — what is to be done and who owns it, without vague words;
M 可衡量 Measurable — a measure and a numeric target;
A 可达到 Attainable — the resources the plan needs are named (the judgement stays human);
R 相关联 Relevant — the sub-goal names the overall goal it serves;
T 基于时间 Time-based — a due date after the start date.
"""
import datetime as dt
from dataclasses import dataclass

from keyaccount.plan.model import as_date

LETTERS = {"S": ("具体的", "Specific", "目标具体、分解到不能再分解为止"),
           "M": ("可衡量的", "Measurable", "任何任务都应有结束的标志，这个标志必须是经过审核认可的"),
           "A": ("可达到的", "Attainable", "目标应有合理性，要考虑到计划、质量、资源是否能够到位"),
           "R": ("相关联的", "Relevant", "子目标与总目标是相关的"),
           "T": ("基于时间的", "Time-based", "要有起始、结束的时间")}
FIELDS = {"what": "做什么", "measure": "衡量标准", "target": "目标值", "owner": "责任人", "start": "开始日期",
          "due": "完成日期", "overall_goal": "总目标", "resources": "需要的资源"}
VAGUE_WORDS = ("尽量", "尽可能", "争取", "努力", "更好", "加强", "大力", "适当", "一些", "左右", "相关工作")


@dataclass(frozen=True)
class Goal:
    what: str               # 做什么
    measure: str = ""       # 用什么衡量（结束标志）
    target: object = None   # 目标数值
    owner: str = ""         # 责任人
    due: object = None      # 完成日期
    start: object = None    # 开始日期（默认今天）
    overall_goal: str = ""  # 服务于哪个总目标
    resources: str = ""     # 需要的资源


def smart_check(goal: Goal, today: dt.date | None = None) -> dict:
    """{letter: problem text or ""} for S, M, A, R, T; "" means the letter is met."""
    return {"S": _specific(goal), "M": _measurable(goal), "A": _text(goal.resources, "没有写明需要的资源（人、费用、支持）"),
            "R": _text(goal.overall_goal, "没有写明这个目标服务于哪个总目标"), "T": _timed(goal, today)}


def is_smart(goal: Goal, today: dt.date | None = None) -> bool:
    return not any(smart_check(goal, today).values())


def _text(value, problem: str) -> str:
    return "" if isinstance(value, str) and value.strip() else problem


def _specific(goal: Goal) -> str:
    if not isinstance(goal.what, str) or len(goal.what.strip()) < 4:
        return "“做什么”太短或为空，请写清具体的事情"
    vague = [w for w in VAGUE_WORDS if w in goal.what]
    if vague:
        return f"含有含糊的词：{'、'.join(vague)}"
    return _text(goal.owner, "没有责任人")


def _measurable(goal: Goal) -> str:
    if not isinstance(goal.measure, str) or not goal.measure.strip():
        return "没有衡量标准（结束标志）"
    if isinstance(goal.target, bool) or not isinstance(goal.target, (int, float)):
        return f"目标值应该是一个数字，收到 {goal.target!r}"
    return ""


def _timed(goal: Goal, today: dt.date | None) -> str:
    if goal.due in (None, ""):
        return "没有完成日期"
    try:
        due = as_date("完成日期", goal.due)
        start = as_date("开始日期", goal.start) if goal.start not in (None, "") else (today or dt.date.today())
    except ValueError as err:
        return str(err)
    return "" if due > start else f"完成日期 {due} 不晚于开始日期 {start}"
