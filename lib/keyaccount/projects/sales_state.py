"""The four sales states 四种销售状态, read from how a rep's projects spread over P0–P7.

The source shows the four states as pictures of the distribution; the kit reads them with
three bands — early P0–P2 (储备), middle P3–P4 (推进), late P5–P7 (收获) — and a minimum count.
"""
from collections import Counter
from dataclasses import dataclass

from keyaccount import p_stages, validation as v

BANDS = {"早期（P0–P2）": ("P0", "P1", "P2"), "中期（P3–P4）": ("P3", "P4"), "后期（P5–P7）": ("P5", "P6", "P7")}


@dataclass(frozen=True)
class SalesState:
    name: str
    meaning: str
    advice: str


STATES = (
    SalesState("独当一面", "独当一面、理想成熟的销售状态：早、中、后期都有项目，业绩可预测、可持续。",
               "保持节奏，把精力放在后期项目的签约和早期项目的筛选上。"),
    SalesState("只重跟进", "只重跟进、无储备项目的销售状态：项目都在中后期，签完之后就没有下一批。",
               "立即安排客户开发，补充 P0–P2 的储备项目。"),
    SalesState("只重开发", "只重客户开发、或新手的销售状态：项目集中在早期，没有进入后期的项目。",
               "选出重点项目，向设计交流、高层突破推进；请经理陪同拜访。"),
    SalesState("项目少", "项目少、不稳定的销售状态：项目数量太少，任何一个丢单都会让业绩大起大落。",
               "首先增加项目数量，同时盯紧现有项目。"),
)
STATE_NAMES = tuple(s.name for s in STATES)


def stage_counts(statuses) -> dict[str, int]:
    """How many projects are in each of P0–P7 (every state present)."""
    counted = Counter(p_stages.stage(s).code for s in statuses)
    return {code: counted.get(code, 0) for code in p_stages.CODES}


def band_counts(statuses) -> dict[str, int]:
    counts = stage_counts(statuses)
    return {band: sum(counts[c] for c in codes) for band, codes in BANDS.items()}


def sales_state(statuses, min_projects: int = 5, early_share: float = 0.8) -> tuple[SalesState, str]:
    """The rep's sales state and the reason in Chinese, from the statuses of their projects."""
    v.count("最少项目数", min_projects)
    v.rate("早期项目占比门槛", early_share)
    bands = band_counts(statuses)
    early, middle, late = bands.values()
    total = early + middle + late
    spread = "、".join(f"{band} {n} 个" for band, n in bands.items())
    if total < min_projects:
        return STATES[3], f"一共只有 {total} 个项目（少于 {min_projects} 个）：{spread}。"
    if early == 0:
        return STATES[1], f"没有早期储备项目：{spread}。"
    if late == 0:
        return STATES[2], f"没有后期（P5–P7）项目：{spread}。"
    if early / total >= early_share:
        return STATES[2], f"早期项目占 {early / total:.0%}：{spread}。"
    return STATES[0], f"早、中、后期都有项目：{spread}。"


# One illustrative spread per state, as the source's four pictures show them.
EXAMPLES = {
    "独当一面": ("P0", "P0", "P1", "P1", "P2", "P3", "P3", "P4", "P5", "P6", "P7"),
    "只重跟进": ("P3", "P4", "P4", "P5", "P5", "P6", "P6", "P7"),
    "只重开发": ("P0", "P0", "P0", "P1", "P1", "P1", "P2", "P2", "P3"),
    "项目少": ("P1", "P4", "P6"),
}
