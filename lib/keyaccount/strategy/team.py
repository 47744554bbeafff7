"""The project-team form 项目组构成 (source 001 六.1) and its checks.

Rules: 项目状态 is one completed Px (never a range); 客户状况 gives a CR level for the high,
middle and low levels of the customer; 预计金额 and 预签时间 may be a range early on; the
team has a leader (组长), a monitor (监控人) and senior support (高层支持).
"""
from dataclasses import dataclass, field

from keyaccount import p_stages
from keyaccount import validation as v
from keyaccount.projects.relationship import CR_CODES

CUSTOMER_LEVELS = ("高", "中", "低")
ROLES = {"leader": "项目组长", "members": "项目成员", "monitor": "项目监控人", "sponsor": "高层支持"}


@dataclass(frozen=True)
class TeamForm:
    reporter: str                 # 填报人
    project: str                  # 项目名称
    amount: str                   # 预计金额（可填范围）
    customer_status: dict         # {"高": "CR2", "中": "CR3", "低": "CR4"}
    sign_date: str                # 预签时间（可填范围）
    product: str                  # 产品类型
    stage: str                    # 项目状态 Px
    leader: str = ""
    members: tuple = field(default=())
    monitor: str = ""
    sponsor: str = ""
    note: str = ""


def form_problems(form: TeamForm) -> list:
    """Every problem of the form, in Chinese, naming the field and the value."""
    problems = []
    try:
        p_stages.stage(form.stage)
    except v.InputError as err:
        problems.append(str(err))
    status = form.customer_status if isinstance(form.customer_status, dict) else {}
    for level in CUSTOMER_LEVELS:
        value = status.get(level)
        if value is None:
            problems.append(f"客户状况缺少“{level}”层的 CR 程度。")
        elif value not in CR_CODES:
            problems.append(f"客户状况“{level}”层应填 {'、'.join(CR_CODES)} 之一，收到 {value!r}。")
    for key in status:
        if key not in CUSTOMER_LEVELS:
            problems.append(f"客户状况只分 高、中、低 三层，不认识 {key!r}。")
    for name, label in (("reporter", "填报人"), ("project", "项目名称"), ("amount", "预计金额"),
                        ("sign_date", "预签时间"), ("leader", ROLES["leader"]), ("monitor", ROLES["monitor"]),
                        ("sponsor", ROLES["sponsor"])):
        if not str(getattr(form, name) or "").strip():
            problems.append(f"{label} 没有填写。")
    if form.leader and form.leader == form.monitor:
        problems.append(f"项目监控人不应是项目组长本人（都是 {form.leader}）。")
    return problems
