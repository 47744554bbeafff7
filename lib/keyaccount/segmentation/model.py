"""Segments, thresholds and resource allocation of the attack/defend model.

The slide places 获取 and 保留 at high purchase potential (low and high customer share),
侵扰 and 维持 at medium potential, and 放弃 along the bottom. The kit reads it as:
potential ≥ ``high`` → 获取/保留; ``low`` ≤ potential < ``high`` → 侵扰/维持;
potential < ``low`` → 放弃; share ≥ ``share`` counts as high. The thresholds are the
trainer's to set (the source gives none).
"""
from dataclasses import dataclass

import pandas as pd

from keyaccount import validation as v


@dataclass(frozen=True)
class Segment:
    name: str
    strategy: str   # 进攻 / 防御 / 维持 / 退出
    action: str


SEGMENTS = (
    Segment("获取", "进攻", "潜力大而我们份额小：重点进攻，把对手的份额抢过来。"),
    Segment("保留", "防御", "潜力大且我们份额大：重点防守，巩固关系，防止对手侵入。"),
    Segment("侵扰", "进攻", "潜力中等、份额小：低成本地骚扰对手，牵制其资源，寻找突破口。"),
    Segment("维持", "维持", "潜力中等、份额大：维持现有服务水平，控制投入。"),
    Segment("放弃", "退出", "潜力小：不再主动投入资源，转为低成本服务或移交渠道。"),
)
SEGMENT_NAMES = tuple(s.name for s in SEGMENTS)
STRATEGIES = ("进攻", "防御", "维持")
RESOURCES = ("时间", "人力", "财力")  # 投入占比同时用于这三种资源


@dataclass(frozen=True)
class Thresholds:
    high: float          # 高采购潜力的下限（万元）
    low: float           # 中等采购潜力的下限（万元），低于它为放弃
    share: float = 0.5   # 客户份额“高”的下限

    def __post_init__(self):
        v.positive("高潜力门槛", self.high)
        v.non_negative("中潜力门槛", self.low)
        v.rate("份额门槛", self.share)
        if self.low >= self.high:
            raise v.InputError(f"中潜力门槛 {self.low:g} 应小于高潜力门槛 {self.high:g}。")


def segment(potential: float, share: float, t: Thresholds) -> str:
    """获取/保留/侵扰/维持/放弃 for one customer."""
    potential = v.non_negative("采购潜力", potential)
    share = v.rate("客户份额", share)
    if potential < t.low:
        return "放弃"
    high_share = share >= t.share
    if potential >= t.high:
        return "保留" if high_share else "获取"
    return "维持" if high_share else "侵扰"


def strategy(segment_name: str) -> str:
    v.one_of("细分", segment_name, SEGMENT_NAMES)
    return SEGMENTS[SEGMENT_NAMES.index(segment_name)].strategy


def stake(potential: float, share: float, segment_name: str) -> float:
    """金额 at play: what we can win (attack: potential × (1 − share)) or keep (defend/maintain)."""
    kind = strategy(segment_name)
    if kind == "进攻":
        return potential * (1 - share)
    return potential * share if kind in ("防御", "维持") else 0.0


def segment_table(customers: pd.DataFrame, t: Thresholds) -> pd.DataFrame:
    """The customer list (客户, 采购潜力, 客户份额) with 细分, 策略 and 争取/守护金额 added."""
    missing = [c for c in ("客户", "采购潜力", "客户份额") if c not in customers.columns]
    if missing:
        raise v.InputError(f"客户表缺少列 {'、'.join(missing)}。")
    rows = []
    for name, potential, share in zip(customers["客户"], customers["采购潜力"], customers["客户份额"]):
        try:
            seg = segment(potential, share, t)
        except v.InputError as err:
            raise v.InputError(f"客户“{name}”：{err}") from None
        rows.append((name, potential, share, seg, strategy(seg), stake(potential, share, seg)))
    return pd.DataFrame(rows, columns=["客户", "采购潜力", "客户份额", "细分", "策略", "争取/守护金额"])


def resource_split(table: pd.DataFrame) -> pd.DataFrame:
    """Per strategy (进攻/防御/维持): customers, 金额 at play and the share of resources.

    A rule of thumb for the discussion (the source leaves its 时间/人力/财力 table blank):
    resources in proportion to the 金额 at play; the trainer adjusts from there.
    """
    grouped = table[table["策略"].isin(STRATEGIES)].groupby("策略")
    out = pd.DataFrame({"客户数": grouped.size(), "争取/守护金额": grouped["争取/守护金额"].sum()})
    out = out.reindex(STRATEGIES, fill_value=0)
    total = out["争取/守护金额"].sum()
    out["投入占比"] = out["争取/守护金额"] / total if total else 0.0
    return out.rename_axis("策略")


# 平衡计分卡：进攻与防御各看重什么（源文件 002 的填空题；answer 为课程的参考答案）
@dataclass(frozen=True)
class Blank:
    perspective: str   # 财务指标 / 客户指标
    side: str          # 进攻 / 防御
    text: str          # 带 ＿＿ 的原句
    answer: str        # 参考答案（一个词，练习从词库中选）


BSC_BLANKS = (
    Blank("财务指标", "进攻", "注重销售＿＿增长", "收入"),
    Blank("财务指标", "防御", "注重＿＿增长", "利润"),
    Blank("财务指标", "防御", "减少＿＿", "应收账款"),
    Blank("客户指标", "进攻", "注重考核＿＿获取", "新客户"),
    Blank("客户指标", "防御", "注重考核客户＿＿", "保持率"),
    Blank("客户指标", "防御", "注重客户满意度、＿＿", "忠诚度"),
)
BSC_FILLED = (  # 源文件中没有空格的指标
    ("财务指标", "防御", "控制销售费用"),
    ("客户指标", "防御", "进一步细分客户，产生更多 KPI"),
    ("过程性指标", "进攻", "优化流程的初级阶段，过程性指标权重低"),
    ("过程性指标", "防御", "越来越多的过程性指标，权重加大"),
    ("人员指标", "进攻", "注重销售团队发展指标"),
    ("人员指标", "防御", "注重员工满意度，降低员工流失率"),
)
