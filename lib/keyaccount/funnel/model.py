"""Funnel and forecast formulas. Rates are parameters; defaults are the source's values.

Amounts are in 万元 throughout, as in the source.
"""
from dataclasses import dataclass, field

import pandas as pd

from keyaccount import p_stages, validation as v


# ---------------------------------------------------------------- performance forecast
@dataclass(frozen=True)
class PerformanceForecast:
    """销售业绩预测 (USM): 预测合计、预测外实现、预测完成率."""

    quota: float            # 本期定额
    achieved: float         # 本期已实现金额
    assured: float          # 保证实现
    possible: float         # 可能实现
    weeks_left: float       # 本期剩余周数
    assured_rate: float = 0.70
    possible_rate: float = 0.25
    weekly_rate: float = 0.04  # 每周预测外实现占定额的比例

    def __post_init__(self):
        v.positive("本期定额", self.quota)
        v.non_negative("本期已实现金额", self.achieved)
        v.non_negative("保证实现", self.assured)
        v.non_negative("可能实现", self.possible)
        v.non_negative("本期剩余周数", self.weeks_left)
        v.rate("保证实现的比例", self.assured_rate)
        v.rate("可能实现的比例", self.possible_rate)
        v.rate("每周预测外实现的比例", self.weekly_rate)

    @property
    def forecast_total(self) -> float:
        """预测合计 = 保证实现×70% + 可能实现×25%."""
        return self.assured * self.assured_rate + self.possible * self.possible_rate

    @property
    def unforecast(self) -> float:
        """预测外实现 = 本期定额×4%×剩余周数."""
        return self.quota * self.weekly_rate * self.weeks_left

    @property
    def expected_total(self) -> float:
        """已实现 + 预测合计 + 预测外实现."""
        return self.achieved + self.forecast_total + self.unforecast

    @property
    def completion_rate(self) -> float:
        """预测完成率 = (已实现 + 预测合计 + 预测外实现) ÷ 定额."""
        return self.expected_total / self.quota

    @property
    def gap(self) -> float:
        """定额 − 预计总额; negative means the forecast exceeds the quota."""
        return self.quota - self.expected_total


# ---------------------------------------------------------------- quotas
def segment_quota(annual_target: float, period_share: float, segment_share: float) -> float:
    """本期某类项目定额 = 年度目标 × 本期占比 × 该类项目占比 (e.g. 1100×26%×75%)."""
    return (v.positive("年度目标", annual_target)
            * v.rate("本期占比", period_share)
            * v.rate("项目类别占比", segment_share))


# ---------------------------------------------------------------- small projects
SMALL_STAGES = ("意向", "方案", "谈判")


@dataclass(frozen=True)
class SmallProjectFunnel:
    """小项目漏斗: 预计成交单数、预计成交金额、金额缺口、项目缺口."""

    intent: int          # 意向客户数量
    proposal: int        # 方案阶段客户数量
    negotiation: int     # 商务谈判阶段客户数量
    unit_value: float    # 单产（每单平均金额）
    achieved: float      # 本期已实现金额
    quota: float         # 小项目定额
    rates: tuple = (0.20, 0.35, 0.70)  # 意向/方案/谈判 的成交率

    def __post_init__(self):
        v.count("意向客户数量", self.intent)
        v.count("方案阶段客户数量", self.proposal)
        v.count("谈判阶段客户数量", self.negotiation)
        v.positive("单产", self.unit_value)
        v.non_negative("本期已实现金额", self.achieved)
        v.positive("小项目定额", self.quota)
        if len(self.rates) != 3:
            raise v.InputError(f"成交率 应该是三个数（意向、方案、谈判），收到 {len(self.rates)} 个。")
        for name, r in zip(SMALL_STAGES, self.rates):
            v.rate(f"{name}阶段成交率", r)

    @property
    def counts(self) -> tuple:
        return (self.intent, self.proposal, self.negotiation)

    @property
    def expected_deals(self) -> float:
        """预计成交单数 = 意向×20% + 方案×35% + 谈判×70%."""
        return sum(n * r for n, r in zip(self.counts, self.rates))

    @property
    def expected_revenue(self) -> float:
        """预计成交金额 = 预计成交单数 × 单产."""
        return self.expected_deals * self.unit_value

    @property
    def gap(self) -> float:
        """金额缺口 = 定额 − 预计成交金额 − 已实现 (negative: no gap)."""
        return self.quota - self.expected_revenue - self.achieved

    @property
    def project_gap(self) -> float:
        """项目缺口 = 缺口 ÷ 单产 ÷ 意向成交率: new 意向 projects needed; 0 when there is no gap."""
        return max(self.gap, 0) / self.unit_value / self.rates[0]


# ---------------------------------------------------------------- large projects
LARGE_STAGES = ("潜在客户", "意向客户", "立项客户", "初步认可", "商务谈判")
LARGE_RATES = (0.10, 0.20, 0.30, 0.50, 0.70)


@dataclass(frozen=True)
class LargeProjectFunnel:
    """大项目漏斗: 各阶段期望收入、回款预测、定额缺口.

    ``amounts`` are the open pipeline per stage in LARGE_STAGES order; ``closed_expected`` is
    the 成交 row's expected revenue, which the source gives as a figure (12.4) without a rule.
    """

    counts: tuple
    amounts: tuple
    closed_count: int
    closed_amount: float
    closed_expected: float
    achieved: float            # 本期已实现回款
    quota: float               # 大项目定额
    rates: tuple = LARGE_RATES
    revenue_share: float = 0.70    # 期望收入中本期可确认的比例
    collection_share: float = 0.50  # 其中本期能回款的比例
    closed_collection: float = 0.75  # 成交部分本期回款比例

    def __post_init__(self):
        n = len(LARGE_STAGES)
        for label, seq in (("各阶段数量", self.counts), ("各阶段金额", self.amounts),
                           ("各阶段成交概率", self.rates)):
            if len(seq) != n:
                raise v.InputError(f"{label} 应该有 {n} 个数（{'、'.join(LARGE_STAGES)}），收到 {len(seq)} 个。")
        for name, c, a, r in zip(LARGE_STAGES, self.counts, self.amounts, self.rates):
            v.count(f"{name}数量", c)
            v.non_negative(f"{name}金额", a)
            v.rate(f"{name}成交概率", r)
        v.count("成交数量", self.closed_count)
        v.non_negative("成交金额", self.closed_amount)
        v.non_negative("成交期望收入", self.closed_expected)
        v.non_negative("本期已实现", self.achieved)
        v.positive("大项目定额", self.quota)
        v.rate("期望收入确认比例", self.revenue_share)
        v.rate("回款比例", self.collection_share)
        v.rate("成交部分回款比例", self.closed_collection)

    @property
    def stage_expected(self) -> tuple:
        """各阶段期望收入 = 金额 × 成交概率."""
        return tuple(a * r for a, r in zip(self.amounts, self.rates))

    @property
    def expected_revenue(self) -> float:
        """期望收入合计 = Σ 各阶段期望收入 + 成交期望收入."""
        return sum(self.stage_expected) + self.closed_expected

    @property
    def collection_forecast(self) -> float:
        """本期预计回款 = 期望收入合计×70%×50% + 成交期望收入×75% (the source's stated formula)."""
        return (self.expected_revenue * self.revenue_share * self.collection_share
                + self.closed_expected * self.closed_collection)

    @property
    def gap(self) -> float:
        """大项目缺口 = 定额 − 已实现 − 预计回款 (negative: forecast exceeds quota)."""
        return self.quota - self.achieved - self.collection_forecast

    def table(self) -> pd.DataFrame:
        """The source's funnel table: 数量, 金额, 期望收入 by stage, with 成交 and 合计."""
        rows = [(s, c, a, e) for s, c, a, e in
                zip(LARGE_STAGES, self.counts, self.amounts, self.stage_expected)]
        rows.append(("成交", self.closed_count, self.closed_amount, self.closed_expected))
        df = pd.DataFrame(rows, columns=["阶段", "数量", "金额", "期望收入"]).set_index("阶段")
        df.loc["合计"] = df.sum()
        return df


# ---------------------------------------------------------------- weighted P0–P7 pipeline
def weighted_pipeline(projects: pd.DataFrame, p6_rate: float = p_stages.P6_RATE_SOURCE["default"]
                      ) -> pd.DataFrame:
    """Pipeline value by P-stage: count, 预签金额 and weighted value (金额 × 完成程度).

    ``projects`` needs columns 状态 (P0–P7) and 预签金额 (万元).
    """
    for col in ("状态", "预签金额"):
        if col not in projects.columns:
            raise v.InputError(f"项目表缺少列 {col}。现有列：{'、'.join(map(str, projects.columns))}。")
    rows = []
    for i, (code, amount) in enumerate(zip(projects["状态"], projects["预签金额"]), start=1):
        try:
            weight = p_stages.completion(code, p6_rate)
            amount = v.non_negative("预签金额", amount)
        except v.InputError as err:
            raise v.InputError(f"项目表第 {i} 行：{err}") from None
        rows.append((code, amount, amount * weight))
    df = pd.DataFrame(rows, columns=["状态", "预签金额", "加权金额"])
    out = df.groupby("状态").agg(项目数=("状态", "size"), 预签金额=("预签金额", "sum"),
                                加权金额=("加权金额", "sum"))
    out = out.reindex(p_stages.CODES, fill_value=0)
    out.insert(1, "完成程度", [p_stages.completion(c, p6_rate) for c in p_stages.CODES])
    return out


# ---------------------------------------------------------------- funnel metrics
# 漏斗管理三步曲 (004, USM), one home for every lesson: (方法, the source's one-word gloss, 结果).
FUNNEL_REVIEW = (
    ("漏斗分析", "诊断", "找出业绩问题"),
    ("机会盘问", "“处方”", "把机会正确分类"),
    ("机会和业绩指点", "指点", "确认机会并提高业绩：确认问题，找到缘由，锁定资源"),
)


def funnel_review_table() -> pd.DataFrame:
    """The three-step funnel review as the source's table: 步骤, 方法, 作用, 结果."""
    return pd.DataFrame([(i, *step) for i, step in enumerate(FUNNEL_REVIEW, start=1)],
                        columns=["步骤", "方法", "作用", "结果"]).set_index("步骤")


OUTCOMES = ("进行中", "赢单", "丢单")


@dataclass(frozen=True)
class FunnelMetrics:
    """漏斗五项指标: 数量、方向、流速、单产、成功率."""

    quantity: dict = field(default_factory=dict)  # 数量：各阶段进行中的机会数
    direction: float = 0.0   # 方向：目标客户机会金额占比
    velocity: float = 0.0    # 流速：已结束机会的平均周期（天）
    unit_yield: float = 0.0  # 单产：赢单平均金额
    win_rate: float = 0.0    # 成功率：赢单 ÷ (赢单 + 丢单)


def funnel_metrics(opportunities: pd.DataFrame) -> FunnelMetrics:
    """The five funnel metrics from a table of opportunities.

    Columns: 阶段 (意向/方案/谈判 …), 金额, 目标客户 (bool), 天数 (days since it entered the
    funnel), 结果 (进行中/赢单/丢单).
    """
    need = ("阶段", "金额", "目标客户", "天数", "结果")
    missing = [c for c in need if c not in opportunities.columns]
    if missing:
        raise v.InputError(f"机会表缺少列 {'、'.join(missing)}。")
    for i, outcome in enumerate(opportunities["结果"], start=1):
        if outcome not in OUTCOMES:
            raise v.InputError(f"机会表第 {i} 行：结果 只能是 {'、'.join(OUTCOMES)} 之一，收到 '{outcome}'。")
    df = opportunities
    open_ = df[df["结果"] == "进行中"]
    won, lost = df[df["结果"] == "赢单"], df[df["结果"] == "丢单"]
    closed = df[df["结果"] != "进行中"]
    total = open_["金额"].sum()
    return FunnelMetrics(
        quantity=open_.groupby("阶段", sort=False).size().to_dict(),
        direction=float(open_.loc[open_["目标客户"], "金额"].sum() / total) if total else 0.0,
        velocity=float(closed["天数"].mean()) if len(closed) else 0.0,
        unit_yield=float(won["金额"].mean()) if len(won) else 0.0,
        win_rate=len(won) / len(closed) if len(closed) else 0.0,
    )
