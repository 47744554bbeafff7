"""Physical-tree editor: set each person's level, chain, purchase role and CR; the tree redraws."""
from html import escape

import ipywidgets as w

from keyaccount.widgets import BoxDisplay, figure_png
from keyaccount.org_tree import chart
from keyaccount.org_tree.model import CHAINS, LEVELS, NO_ROLE, OrgTree
from keyaccount.projects.one_two_one import PURCHASE_ROLES
from keyaccount.projects.relationship import CR_LEVELS
from keyaccount.validation import InputError

FIELDS = {"level": ("层级", LEVELS), "chain": ("审批链", CHAINS),
          "role": ("采购角色", (NO_ROLE, *PURCHASE_ROLES)),
          "cr": ("客户关系", tuple((c.code, c.level) for c in CR_LEVELS))}


class TreeEditor(BoxDisplay):
    """``controls[(name, field)]`` are dropdowns (field: level/chain/role/cr); ``result`` and ``figure`` the outputs."""

    def __init__(self, tree: OrgTree, title: str = "物理树状图"):
        self.base, self.title = tree, title
        self.controls = {}
        rows = []
        for p in tree.order():
            current = {"level": p.level, "chain": p.chain, "role": p.role, "cr": p.cr.level}
            row = [w.HTML(f"<b>{p.name}</b><br><small>{p.title}</small>", layout=w.Layout(width="8em"))]
            for field, (label, options) in FIELDS.items():
                control = w.Dropdown(options=options, value=current[field], description=label,
                                     style={"description_width": "4.5em"}, layout=w.Layout(width="15em"))
                control.observe(self.update, names="value")
                self.controls[(p.name, field)] = control
                row.append(control)
            rows.append(w.HBox(row))
        self.result = w.HTML()
        self.figure = w.Image(format="png", layout=w.Layout(max_width="820px"))
        self.box = w.VBox([*rows, self.result, self.figure])
        self.update()

    def tree(self) -> OrgTree:
        tree = self.base
        for p in self.base.people:
            tree = tree.replace(p.name, **{f: self.controls[(p.name, f)].value for f in FIELDS})
        return tree

    def update(self, _change=None) -> None:
        try:
            tree = self.tree()
        except InputError as err:
            self.result.value = f"<p style='color:#d62728'>输入有误：{err}</p>"
            return
        self.result.value = summary_html(tree)
        self.figure.value = figure_png(chart.tree_chart(tree, self.title))


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
