"""Key-customer fishnet 关键客户渔网图: which of our people hold which customer person, and how well.

Source 001 names the method (四.3 关键客户渔网图分析) but its slide kept no picture or text; what
follows is the kit's reading (课程补充), and lessons show it under that marker. Each knot of the
net is one tie (our member — customer person, CR level). A sound net ties every person on an
approval chain to someone of ours, and the customer's top level to our top level.
"""
from dataclasses import dataclass

from keyaccount import validation as v
from keyaccount.org_tree.model import OrgTree
from keyaccount.projects.relationship import CRLevel, cr_level


@dataclass(frozen=True)
class Tie:
    member: str     # 我方人员
    person: str     # 客户方人员
    cr: CRLevel


def ties(tree: OrgTree, team: tuple[str, ...], links) -> tuple[Tie, ...]:
    """Validated ties from (member, person, CR) triples."""
    out = []
    for member, person, cr in links:
        v.one_of("我方人员", member, team)
        tree.person(person)
        out.append(Tie(member, person, cr_level(cr)))
    return tuple(out)


def fishnet_table(tree: OrgTree, team: tuple[str, ...], net: tuple[Tie, ...]):
    """Customer people (tree order, with level) × our members; a cell is the tie's CR code or blank."""
    import pandas as pd

    rows = {p.name: {m: "" for m in team} for p in tree.order()}
    for tie in net:
        rows[tie.person][tie.member] = tie.cr.code
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(team))
    table.insert(0, "层级", [p.level for p in tree.order()])
    return table.rename_axis("客户方")


def loose_knots(tree: OrgTree, net: tuple[Tie, ...], below: int = 3) -> tuple[str, ...]:
    """Approval-chain people with no tie of ours at CR ``below`` or better (holes in the net)."""
    best = {}
    for tie in net:
        best[tie.person] = max(best.get(tie.person, 0), tie.cr.level)
    return tuple(p.name for p in tree.order() if p.chain != "无" and best.get(p.name, 0) < below)
