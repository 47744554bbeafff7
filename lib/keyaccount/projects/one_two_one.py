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
# 向导与内线的区别: 002 gives only the heading. The sources around it: 003 "发展向导" grows
# insiders 低级/中级/高级内线 (keyaccount.six_steps.analysis.INSIDER_LEVELS); 001 CR4 is the
# stage where the customer becomes our Coach. The kit's reading (课程补充) of the difference:
GUIDE_VS_INSIDER = {
    "内线": "客户内部愿意给我们提供信息的人。003 按级别分为低级、中级、高级内线（第 11 课）："
          "级别越高，给的信息越接近决策。内线告诉我们“发生了什么”。",
    "向导": "内线里最进一步的那一位：关系到了 CR4（Coach，001：能够协助项目进程，提供关键信息），"
          "不只给信息，还为我们指路——该找谁、按什么顺序、避开什么。003 的“发展向导”就是把内线"
          "从低级培养到高级、直到成为向导。向导常常不是拍板的人，也不一定在审批链上。",
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
