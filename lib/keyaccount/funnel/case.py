"""Funnel case files (kind: funnel): a sales unit's period numbers, as on the USM slides."""
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from keyaccount.cases import Case, load_case
from keyaccount.funnel import model


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuotaBasis(_Part):
    """定额的来历：年度目标 × 本期占比 × 项目类别占比."""
    annual_target: float = Field(gt=0)
    period_share: float = Field(ge=0, le=1)
    segment_share: float = Field(ge=0, le=1)

    def quota(self) -> float:
        return model.segment_quota(self.annual_target, self.period_share, self.segment_share)


class Performance(_Part):
    quota: float = Field(gt=0)
    achieved: float = Field(ge=0)
    assured: float = Field(ge=0)
    possible: float = Field(ge=0)
    weeks_left: float = Field(ge=0)


class SmallProjects(_Part):
    intent: int = Field(ge=0)
    proposal: int = Field(ge=0)
    negotiation: int = Field(ge=0)
    unit_value: float = Field(gt=0)
    achieved: float = Field(ge=0)
    quota: float = Field(gt=0)
    quota_basis: QuotaBasis | None = None


class LargeProjects(_Part):
    counts: tuple[int, int, int, int, int]
    amounts: tuple[float, float, float, float, float]
    closed_count: int = Field(ge=0)
    closed_amount: float = Field(ge=0)
    closed_expected: float = Field(ge=0)
    achieved: float = Field(ge=0)
    quota_basis: QuotaBasis


class PipelineProject(_Part):
    name: str
    stage: str
    amount: float = Field(ge=0)


class Opportunity(_Part):
    stage: str
    amount: float = Field(ge=0)
    target: bool
    days: float = Field(ge=0)
    outcome: Literal["进行中", "赢单", "丢单"]


class FunnelCase(Case):
    kind: Literal["funnel"] = "funnel"
    unit: str = "万元"
    performance: Performance
    small_projects: SmallProjects
    large_projects: LargeProjects
    pipeline: tuple[PipelineProject, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    source_figures: dict[str, float] = {}   # the slide's own figures, shown beside the kit's

    def performance_forecast(self) -> model.PerformanceForecast:
        return model.PerformanceForecast(**self.performance.model_dump())

    def small_funnel(self) -> model.SmallProjectFunnel:
        return model.SmallProjectFunnel(**self.small_projects.model_dump(exclude={"quota_basis"}))

    def large_funnel(self) -> model.LargeProjectFunnel:
        data = self.large_projects.model_dump(exclude={"quota_basis"})
        return model.LargeProjectFunnel(**data, quota=self.large_projects.quota_basis.quota())

    def opportunity_table(self) -> pd.DataFrame:
        rows = [(o.stage, o.amount, o.target, o.days, o.outcome) for o in self.opportunities]
        return pd.DataFrame(rows, columns=["阶段", "金额", "目标客户", "天数", "结果"])

    def input_tables(self) -> dict[str, pd.DataFrame]:
        """The case's given numbers as labelled tables (inputs only, no computed results)."""
        p, sp, lp = self.performance, self.small_projects, self.large_projects
        return {
            "业绩预测表": pd.Series({"本期定额": p.quota, "本期已实现": p.achieved, "保证实现": p.assured,
                                "可能实现": p.possible, "本期剩余周数": p.weeks_left}).to_frame("数值"),
            "小项目漏斗": pd.Series({"意向客户数": sp.intent, "方案客户数": sp.proposal,
                                "谈判客户数": sp.negotiation, "单产": sp.unit_value,
                                "本期已实现": sp.achieved, "小项目定额": sp.quota}).to_frame("数值"),
            "大项目漏斗": pd.DataFrame(
                {"数量": [*lp.counts, lp.closed_count], "金额": [*lp.amounts, lp.closed_amount]},
                index=[*model.LARGE_STAGES, "成交"]).rename_axis("阶段"),
            "大项目其他数字": pd.Series({"成交部分的期望收入": lp.closed_expected, "本期已实现": lp.achieved,
                                  "年度目标": lp.quota_basis.annual_target, "本期占比": lp.quota_basis.period_share,
                                  "大项目占比": lp.quota_basis.segment_share}).to_frame("数值"),
        }

    def source_check(self) -> pd.DataFrame:
        """The slide's figures beside the kit's, with why they differ (only figures the case records)."""
        return source_check(self)

    def pipeline_table(self) -> pd.DataFrame:
        return pd.DataFrame([(p.name, p.stage, p.amount) for p in self.pipeline],
                            columns=["项目名称", "状态", "预签金额"])


def load_funnel_case(name: str) -> FunnelCase:
    """Read and validate a funnel case file from cases/."""
    return load_case(name, FunnelCase)


# Why a slide figure differs from the formula, by the key used in ``source_figures``.
_EXPLANATIONS = {
    "forecast_completion": ("预测完成率", lambda c: c.performance_forecast().completion_rate,
                            "一致（98.2% 四舍五入为 98%）。"),
    "small_quota_formula": ("小项目定额 1100×26%×75%", lambda c: c.small_projects.quota_basis.quota(),
                            "幻灯片写的公式算出来是 214.5，表格却用了 372；后面的缺口按 372 计算。"
                            "课程沿用 372 复现缺口 88，但要知道公式与数字对不上。"),
    "large_expected_revenue": ("大项目期望收入合计", lambda c: c.large_funnel().expected_revenue,
                               "各阶段期望收入 42 + 25 + 168.7 + 12.4 相加是 248.1；"
                               "幻灯片写 248.7，而它列出的算式又把已加权的数再乘了一次概率。"),
    "large_collection": ("本期预计回款", lambda c: c.large_funnel().collection_forecast,
                         "按幻灯片自己的公式 期望收入合计×70%×50% + 成交期望×75% 算出约 96.1，"
                         "与 53.6 相差很大；幻灯片没有给出 53.6 的来历。"),
    "large_quota": ("大项目定额 1120×26%×25%", lambda c: c.large_funnel().quota,
                    "1120×26%×25% 恰好等于 72.8，不需要四舍五入；幻灯片写的 72.9 是错的。"),
    "large_gap": ("本期大项目缺口", lambda c: c.large_funnel().gap,
                  "幻灯片用 72.9 − 15.5 − 53.6 = 3.8；按正确的定额和回款，预计回款超过定额，"
                  "没有缺口（负数表示超出）。"),
}


def source_check(case: "FunnelCase") -> pd.DataFrame:
    """One row per recorded slide figure: 幻灯片数字, 按公式计算, 说明."""
    rows = []
    for key, slide in case.source_figures.items():
        if key in _EXPLANATIONS:
            label, compute, why = _EXPLANATIONS[key]
            rows.append((label, slide, round(compute(case), 2), why))
    return pd.DataFrame(rows, columns=["项目", "幻灯片数字", "按公式计算", "说明"]).set_index("项目")
