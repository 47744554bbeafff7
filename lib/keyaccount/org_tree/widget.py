"""Physical-tree editor: set each person's level, chain, purchase role and CR; the tree redraws."""
from html import escape

import ipywidgets as w

from keyaccount.widgets import CaseWidget, figure_png, form, row
from keyaccount.org_tree import chart
from keyaccount.org_tree.model import CHAINS, LEVELS, NO_ROLE, OrgTree
from keyaccount.projects.one_two_one import PURCHASE_ROLES
from keyaccount.projects.relationship import CR_LEVELS

FIELDS = {"level": ("层级", LEVELS), "chain": ("审批链", CHAINS),
          "role": ("采购角色", (NO_ROLE, *PURCHASE_ROLES)),
          "cr": ("客户关系", tuple((c.code, c.level) for c in CR_LEVELS))}


class TreeEditor(CaseWidget):
    """``controls[(name, field)]`` are dropdowns (field: level/chain/role/cr); ``result`` and ``figure`` the outputs."""

    def __init__(self, tree: OrgTree, title: str = "物理树状图"):
        self.base, self.title = tree, title
        self.controls = {}
        rows = [row("", *(label for label, _ in FIELDS.values()), header=True)]
        for p in tree.order():
            current = {"level": p.level, "chain": p.chain, "role": p.role, "cr": p.cr.level}
            for field, (_label, options) in FIELDS.items():
                self.controls[(p.name, field)] = w.Dropdown(options=options, value=current[field])
            rows.append(row(f"{p.name}（{p.title}）", *(self.controls[(p.name, f)] for f in FIELDS)))
        self._show(form(*rows), self.controls.values(), figure=True)

    def tree(self) -> OrgTree:
        tree = self.base
        for p in self.base.people:
            tree = tree.replace(p.name, **{f: self.controls[(p.name, f)].value for f in FIELDS})
        return tree

    def render(self) -> str:
        tree = self.tree()
        self.figure.value = figure_png(chart.tree_chart(tree, self.title))
        return summary_html(tree)


def summary_html(tree: OrgTree) -> str:
    """Both approval chains and the relationship gaps, as a short HTML summary."""
    def chain_text(chain):
        people = tree.chain(chain)
        return " → ".join(f"{escape(p.name)}（{p.cr.code}）" for p in reversed(people)) or "（还没有人）"

    weak = tree.weak_links()
    gaps = "、".join(f"{escape(p.name)}（{p.cr.code}）" for p in weak) or "无"
    return (f"<p><span style='color:{chart.CHAIN_COLORS['技术']}'>技术审批链</span>：{chain_text('技术')}<br>"
            f"<span style='color:{chart.CHAIN_COLORS['商务']}'>商务审批链</span>：{chain_text('商务')}<br>"
            f"<b>关系短板</b>（审批链上低于 CR3 的人）：{gaps}</p>")
