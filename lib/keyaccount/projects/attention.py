"""Which projects need attention: rules a sales manager applies to the statistics table.

Each rule is data (code, name, why it matters) plus a check; ``flags`` returns one row per
project and rule that fires, with the reason in Chinese naming the project's own figures.
Thresholds are the kit's defaults (the source leaves them to the class) and can be changed.
"""
from dataclasses import dataclass
from datetime import date

from keyaccount import p_stages, validation as v
from keyaccount.projects.elements import Project


@dataclass(frozen=True)
class Thresholds:
    today: date
    near_days: int = 60          # 签约前多少天算“临近”
    ready_state: str = "P5"      # 临近签约时至少应完成的状态
    late_state: str = "P3"       # 从这一状态起，关系必须跟上
    strong_cr: int = 3           # 后期至少要有一位客户达到的 CR 级别
    big_amount: float = 100.0    # 大金额（万元）
    early_state: str = "P2"      # 不晚于这一状态算“早期”
    big_near_days: int = 240     # 大项目在早期时，签约前多少天就要关注
    contacts_from_state: str = "P2"  # 从这一状态起，只认识一位客户就是单线联系

    def __post_init__(self):
        if not isinstance(self.today, date):
            raise v.InputError(f"today 应该是日期，收到 {self.today!r}。")
        for label, code in (("临近签约时应完成的状态", self.ready_state), ("后期状态", self.late_state),
                            ("早期状态", self.early_state), ("单线联系的起始状态", self.contacts_from_state)):
            v.one_of(label, code, p_stages.CODES)
        v.count("临近天数", self.near_days)
        v.count("大项目关注天数", self.big_near_days)
        v.one_of("关系门槛 CR", self.strong_cr, (1, 2, 3, 4, 5))
        v.non_negative("大金额门槛", self.big_amount)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    why: str


RULES = (
    Rule("overdue", "签约时间已过", "预签时间已经过去却还没签约：要么预测失真，要么项目出了问题，需要重新确认四要素。"),
    Rule("near_but_early", "临近签约、进度落后", "离预签时间很近，状态却还没到方案评估/项目承诺，按期签约的可能很小。"),
    Rule("weak_late", "后期状态、关系薄弱", "项目已进入设计交流之后，却没有一位客户的关系达到熟识（CR3），决策链没有支持者。"),
    Rule("big_early_near", "大金额、早期状态、时间临近", "金额大而项目还在早期，签约时间又不远：要么时间预测过于乐观，要么需要立即投入资源。"),
    Rule("single_thread", "单线联系", "立项之后仍只认识客户的一个人，这个人一变动项目就断线。"),
)
RULE_NAMES = {r.code: r.name for r in RULES}


def _days_to(project: Project, today: date) -> int:
    """Days until the sign date starts; 0 when today is already inside a date range."""
    return max((project.sign_date.first - today).days, 0)


def _reason(code: str, p: Project, t: Thresholds) -> str | None:
    """The Chinese reason if rule ``code`` fires for ``p``, else None."""
    idx = p.stage_index
    index = p_stages.CODES.index
    days = _days_to(p, t.today)
    signed = p.status == "P7"
    if code == "overdue" and not signed and p.sign_date.last < t.today:
        return f"预签时间 {p.sign_date} 已过（今天 {t.today:%Y.%m.%d}），状态仍是 {p.status}。"
    if (code == "near_but_early" and p.sign_date.last >= t.today and days <= t.near_days
            and idx < index(t.ready_state)):
        return f"距预签时间 {p.sign_date} 只有 {days} 天，状态才到 {p.status}（应至少到 {t.ready_state}）。"
    if code == "weak_late" and idx >= index(t.late_state) and not signed and p.best_cr < t.strong_cr:
        best = f"CR{p.best_cr}" if p.best_cr else "没有任何客户"
        return f"状态已到 {p.status}，关系最好的客户只有 {best}（应至少一位 CR{t.strong_cr}）。"
    if (code == "big_early_near" and p.amount.estimate >= t.big_amount and idx <= index(t.early_state)
            and p.sign_date.last >= t.today and days <= t.big_near_days):
        return (f"预签金额 {p.amount} 属大项目，状态只有 {p.status}，距预签时间 {p.sign_date} 约 "
                f"{days // 30} 个月。")
    if code == "single_thread" and idx >= index(t.contacts_from_state) and not signed and len(p.contacts) <= 1:
        return f"状态已到 {p.status}，客户名单只有 {len(p.contacts)} 人。"
    return None


def flags(projects, thresholds: Thresholds) -> "pd.DataFrame":
    """One row per (project, rule) that fires: 项目名称, 规则, 原因."""
    import pandas as pd

    rows = [(p.name, rule.name, reason) for p in projects for rule in RULES
            if (reason := _reason(rule.code, p, thresholds))]
    return pd.DataFrame(rows, columns=["项目名称", "规则", "原因"])


def flagged_by_rule(projects, thresholds: Thresholds) -> dict[str, set[str]]:
    """规则名称 → the set of project names it flags (every rule present, possibly empty)."""
    table = flags(projects, thresholds)
    return {rule.name: set(table.loc[table["规则"] == rule.name, "项目名称"]) for rule in RULES}


def rules_table() -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame([(r.name, r.why) for r in RULES], columns=["规则", "为什么要关注"])


def describe(t: Thresholds) -> list[str]:
    """The rules with this set of thresholds, in words (one line per rule, in RULES order)."""
    return [
        f"签约时间已过：预签时间（范围则取最晚一天）早于今天 {t.today:%Y.%m.%d}，且还没到 P7。",
        f"临近签约、进度落后：距预签时间（范围取最早一天）不超过 {t.near_days} 天，状态还没到 {t.ready_state}。",
        f"后期状态、关系薄弱：状态已到 {t.late_state} 或更后（P7 除外），却没有一位客户达到 CR{t.strong_cr}。",
        f"大金额、早期状态、时间临近：预签金额 ≥ {t.big_amount:g} 万元，状态不晚于 {t.early_state}，"
        f"距预签时间不超过 {t.big_near_days} 天。",
        f"单线联系：状态已到 {t.contacts_from_state} 或更后（P7 除外），客户名单不超过 1 人。",
    ]
