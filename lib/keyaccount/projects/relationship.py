"""客户关系进阶 CR1–CR5 (Customer Relationship levels, source 001), one home for the kit."""
from dataclasses import dataclass

from keyaccount import validation as v


@dataclass(frozen=True)
class CRLevel:
    level: int
    code: str
    name: str
    definition: str
    color: str  # used wherever a person's CR is drawn


CR_LEVELS = (
    CRLevel(1, "CR1", "知道", "已知该客户；或者资料已递交到该客户；或者客户内已告知相关信息，但尚未谋面。", "#d9d9d9"),
    CRLevel(2, "CR2", "拜访", "在工作环境对客户进行了正式的拜访，与客户交流过产品技术、公司意向等资讯。", "#fdd0a2"),
    CRLevel(3, "CR3", "熟识", "已邀请客户用餐、赠送过礼物，与客户比较熟识；客户能够提供一般的技术或商务资讯，"
                           "能够告知与项目有关的信息。", "#fdae6b"),
    CRLevel(4, "CR4", "教练（Coach）", "客户成为 Coach 的阶段：与客户建立了亲密的关系，能够协助项目进程，提供关键信息。",
            "#74c476"),
    CRLevel(5, "CR5", "推动", "客户能够主动提供信息、提供决策意见，能够推动和保证项目成功。", "#238b45"),
)
CR_CODES = tuple(c.code for c in CR_LEVELS)


def cr_level(value, label: str = "客户关系程度") -> CRLevel:
    """The CR level given as 1–5 or "CR1"–"CR5" (any case, spaces ignored); ``label`` names it in a message."""
    if isinstance(value, str):
        text = value.strip().upper().replace(" ", "")
        v.one_of(label, text, CR_CODES)
        return CR_LEVELS[CR_CODES.index(text)]
    level = v.number(label, value)
    v.one_of(label, level, tuple(range(1, 6)))
    return CR_LEVELS[int(level) - 1]


def table():
    """CR1–CR5 as a DataFrame (级别, 名称, 定义)."""
    import pandas as pd

    return pd.DataFrame([(c.code, c.name, c.definition) for c in CR_LEVELS],
                        columns=["级别", "名称", "定义"]).set_index("级别")
