"""The purchasing atmosphere 采购氛围 and the 1+2+1 closing model (source 002).

1+2+1: **1** guide 向导 inside the customer, **2** of the four purchasing-atmosphere roles
won over, **1** salesperson who runs the project. The tracking table keeps one row per project.
"""
from dataclasses import dataclass

from keyaccount import validation as v
from keyaccount.projects.relationship import CRLevel, cr_level

PURCHASE_ROLES = ("采购人员", "使用者", "技术/财务把关者", "决策人")
ROLE_MEANINGS = {
    "采购人员": "组织采购流程、比价、谈条件的人（采购部、招标办）。",
    "使用者": "日后使用产品或服务的人，关心好不好用。",
    "技术/财务把关者": "从技术指标或预算、付款条件上把关，可以否决但通常不能拍板。",
    "决策人": "最后拍板、批准采购的人。",
}
ORG_TIERS = ("高层", "中层", "基层")  # 组织三阶层 (002)
GUIDE_VS_INSIDER = {
    "向导": "熟悉客户内部决策流程、愿意为我们指路的人：告诉我们该找谁、按什么顺序、避开什么，"
          "不一定在本项目的决策链上，也不一定是客户内部的人。",
    "内线": "客户内部、在项目决策链上、站在我们一边并提供关键信息的人（即 CR4 Coach）。",
}


@dataclass(frozen=True)
class Ally:
    """One of the '2': a person in the customer's purchasing atmosphere and the role they play."""

    name: str
    role: str
    cr: CRLevel


@dataclass(frozen=True)
class OneTwoOne:
    """One row of the 1+2+1 tracking table."""

    project: str
    guide: str
    allies: tuple[Ally, Ally]
    salesperson: str
    next_step: str = ""

    @classmethod
    def of(cls, project, guide, allies, salesperson, next_step="") -> "OneTwoOne":
        """Validate: one guide, two allies in two *different* roles, one salesperson."""
        for label, text in (("项目", project), ("向导", guide), ("营销人员", salesperson)):
            if not isinstance(text, str) or not text.strip():
                raise v.InputError(f"1+2+1 跟踪表的 {label} 不能为空，收到 {text!r}。")
        if len(allies) != 2:
            raise v.InputError(f"1+2+1 里的“2”要正好两位采购氛围中的人，收到 {len(allies)} 位。")
        built = tuple(Ally(name, v.one_of("采购氛围角色", role, PURCHASE_ROLES), cr_level(cr))
                      for name, role, cr in allies)
        if built[0].role == built[1].role:
            raise v.InputError(f"“2”应该覆盖采购氛围四类人中的两类，两位都是 {built[0].role}。")
        if guide.strip() in {a.name for a in built}:
            raise v.InputError(f"向导 {guide} 不应同时算作“2”中的一位：1+2+1 需要三位不同的客户方人员。")
        return cls(project.strip(), guide.strip(), built, salesperson.strip(), next_step)

    def missing_roles(self) -> tuple[str, ...]:
        """The atmosphere roles nobody covers yet."""
        covered = {a.role for a in self.allies}
        return tuple(r for r in PURCHASE_ROLES if r not in covered)


def tracking_table(rows) -> "pd.DataFrame":
    """大客户销售项目 1+2+1 跟踪表."""
    import pandas as pd

    data = [(r.project, r.guide, *(f"{a.name}（{a.role}，{a.cr.code}）" for a in r.allies), r.salesperson,
             "、".join(r.missing_roles()), r.next_step) for r in rows]
    return pd.DataFrame(data, columns=["项目", "1 向导", "2 采购氛围之一", "2 采购氛围之二", "1 营销人员",
                                       "尚未覆盖的角色", "下一步"])
