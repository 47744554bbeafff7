"""The eight states P0–P7 of a sales project (source 001), one home for the whole kit.

Each state is a *completed* step; its completion % is the weight used in the weighted
pipeline. The source shows P6 as 90% on one slide and 80% on another: P6_RATE_SOURCE keeps
both, the kit's default is 90%, and every function that weights by stage takes ``p6_rate``.
"""
from dataclasses import dataclass

from keyaccount import validation


@dataclass(frozen=True)
class PStage:
    code: str
    name: str           # 销售方的阶段名称
    customer_step: str  # 客户的采购步骤（按幻灯片顺序对应）
    sales_action: str   # 销售的典型动作
    completion: float   # 完成程度（权重）


STAGES = (
    PStage("P0", "市场规划/客户开发", "发现问题、提出需求", "客户规划、电话邀约", 0.10),
    PStage("P1", "挖掘需求/锁定目标", "研究可行性、确定预算", "客户拜访、初步调研", 0.20),
    PStage("P2", "方案立项/客户公关", "建立采购小组", "提交初步方案", 0.25),
    PStage("P3", "设计交流/中层把握", "制定采购标准", "技术交流、演示", 0.30),
    PStage("P4", "需求调研/高层突破", "招标初选", "需求调研", 0.50),
    PStage("P5", "方案评估/项目承诺", "确定首选供应商", "正式方案、设计评估", 0.75),
    PStage("P6", "协议谈判/签约成交", "商务谈判", "项目商务谈判", 0.90),
    PStage("P7", "实施结案/升级扩容", "签约", "签约成交、实施验收", 1.00),
)
CODES = tuple(s.code for s in STAGES)
P6_RATE_SOURCE = {"default": 0.90, "other_slide": 0.80}


def stage(code: str) -> PStage:
    """The stage with this code ("P0" … "P7"); a range like "P2-P3" is refused."""
    if isinstance(code, str) and "-" in code:
        raise validation.InputError(
            f"项目状态 {code} 是一个范围；状态必须是唯一一个已完成的阶段（例如 P2）。")
    validation.one_of("项目状态", code, CODES)
    return STAGES[CODES.index(code)]


def completion(code: str, p6_rate: float = P6_RATE_SOURCE["default"]) -> float:
    """Completion % of a stage as a fraction; P6 uses ``p6_rate`` (0.9 or the other slide's 0.8)."""
    if code == "P6":
        return validation.rate("P6 完成程度", p6_rate)
    return stage(code).completion


def table(p6_rate: float = P6_RATE_SOURCE["default"]):
    """The P0–P7 table as a DataFrame (状态, 阶段, 客户采购步骤, 销售动作, 完成程度)."""
    import pandas as pd

    return pd.DataFrame(
        [(s.code, s.name, s.customer_step, s.sales_action, completion(s.code, p6_rate)) for s in STAGES],
        columns=["状态", "阶段", "客户采购步骤", "销售动作", "完成程度"]).set_index("状态")
