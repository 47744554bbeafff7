"""Four elements and physical tree of one project case: the learner writes the four elements
(checked by the kit's rules) and places the customer's people on the tree; a tick compares both
with the case's reference."""
import html

import ipywidgets as w

from keyaccount.org_tree import chart as tree_chart
from keyaccount.org_tree.widget import TreeEditor
from keyaccount.projects import elements
from keyaccount.projects.elements import Project
from keyaccount.validation import InputError
from keyaccount.widgets import ControlsWidget, figure_png

ELEMENT_LABELS = {"name": "项目名称", "status": "项目状态", "amount": "预签金额", "sign_date": "预签时间"}
PLACEHOLDERS = {"status": "例如 P1（唯一已完成的状态）", "amount": "例如 120 或 80~150（万元）",
                "sign_date": "例如 2013.5.30、13.6 或 13.4~13.6"}


class FourElementsTree(ControlsWidget):
    """``controls`` name/status/amount/sign_date (Text) and ``show_reference`` (Checkbox);
    ``tree_editor`` is the physical-tree editor, starting from the case's people unplaced;
    ``result`` says whether the four elements pass, ``reference`` compares with the case."""

    def __init__(self, case):
        self.case = case
        self.reference_project, self.reference_tree = case.four_elements(), case.tree()
        self.tree_editor = TreeEditor(self.reference_tree.unplaced(), f"{self.reference_project.name} 物理树状图")
        for control in self.tree_editor.controls.values():
            control.observe(self._compare, names="value")
        style, layout = {"description_width": "6em"}, w.Layout(width="32em")
        controls = {key: w.Text(value=self.reference_project.name if key == "name" else "", description=label,
                                placeholder=PLACEHOLDERS.get(key, ""), style=style, layout=layout)
                    for key, label in ELEMENT_LABELS.items()}
        controls["show_reference"] = w.Checkbox(value=False, description="对照案例的参考答案")
        self.reference = w.HTML()
        self.reference_figure = w.Image(format="png", layout=w.Layout(max_width="820px"))
        self._wire(controls)
        self.figure.layout.display = "none"   # the tree editor draws the learner's tree
        self.box = w.VBox([w.HTML("<b>① 项目四要素</b>"), *[controls[k] for k in ELEMENT_LABELS], self.result,
                           w.HTML("<b>② 物理树状图</b>：给每个人选层级、审批链、采购角色和客户关系（CR）"),
                           self.tree_editor.box, controls["show_reference"], self.reference, self.reference_figure])

    def project(self) -> Project:
        """The four elements as typed; raises InputError naming what is missing or wrong."""
        values = {k: self.controls[k].value.strip() for k in ELEMENT_LABELS}
        empty = [ELEMENT_LABELS[k] for k, value in values.items() if not value]
        if empty:
            raise InputError(f"还没有填写：{'、'.join(empty)}。")
        return Project.of(values["name"], values["status"], values["amount"], values["sign_date"])

    def _update(self, _change=None) -> None:
        try:
            p = self.project()
        except InputError as err:
            self.result.value = f"<p style='color:#d62728'>✗ {html.escape(str(err))}</p>"
        else:
            ranges = [label for label, value in (("预签金额", p.amount), ("预签时间", p.sign_date)) if value.is_range]
            self.result.value = (f"<p style='color:#2ca02c'>✓ 四要素符合规则：{html.escape(p.name)}，{p.status}，"
                                 f"{html.escape(str(p.amount))}，{html.escape(str(p.sign_date))}"
                                 + (f"——{'、'.join(ranges)}写的是范围，项目初期允许" if ranges else "") + "</p>")
            self.tree_editor.title = f"{p.name}（{p.status}，{p.amount}，{p.sign_date}）物理树状图"
            self.tree_editor.update()
        self._compare()

    def _compare(self, _change=None) -> None:
        if not self.controls["show_reference"].value:
            self.reference.value, self.reference_figure.value = "", b""
            self.reference_figure.layout.display = "none"
            return
        self.reference.value = comparison_html(self._project_or_none(), self._tree_or_none(),
                                               self.reference_project, self.reference_tree, self.case.reference)
        self.reference_figure.layout.display = ""
        self.reference_figure.value = figure_png(tree_chart.tree_chart(
            self.reference_tree, f"参考答案：{self.reference_project.name} 物理树状图"))

    def _project_or_none(self):
        try:
            return self.project()
        except InputError:
            return None

    def _tree_or_none(self):
        try:
            return self.tree_editor.tree()
        except InputError:
            return None


def comparison_html(mine, my_tree, reference, reference_tree, source_answer: dict) -> str:
    """Two small tables: the four elements (mine, the case's, the source's) and each person's
    level and chain (mine against the reference), with ✓ where they agree."""
    def cell(text, ok=None):
        mark = "" if ok is None else (" ✓" if ok else " ✗")
        return f"<td style='padding:2px 12px'>{html.escape(str(text))}{mark}</td>"

    source = {"status": source_answer.get("状态"), "amount": source_answer.get("预签金额"),
              "sign_date": source_answer.get("预签时间")}
    parse = {"status": str, "amount": lambda x: str(elements.amount(x)), "sign_date": lambda x: str(elements.sign_date(x))}
    rows = []
    for label, attr in (("项目状态", "status"), ("预签金额", "amount"), ("预签时间", "sign_date")):
        ref = str(getattr(reference, attr))
        example = parse[attr](source[attr]) if source[attr] not in (None, "") else "—"
        mine_value = str(getattr(mine, attr)) if mine else "（未通过检查）"
        same = mine is not None and mine_value in (ref, example)
        rows.append(f"<tr><td>{label}</td>{cell(mine_value, same)}{cell(ref)}{cell(example)}</tr>")
    table = ("<table><tr><th>要素</th><th>你的</th><th>案例参考</th><th>源文件示例</th></tr>"
                + "".join(rows) + "</table>")
    people = []
    for ref in reference_tree.order():
        me = my_tree.person(ref.name) if my_tree else None
        people.append(f"<tr><td>{html.escape(ref.name)}</td>"
                      + (cell(me.level, me.level == ref.level) if me else cell("—")) + cell(ref.level)
                      + (cell(me.chain, me.chain == ref.chain) if me else cell("—")) + cell(ref.chain) + "</tr>")
    tree = ("<table><tr><th>人物</th><th>你的层级</th><th>参考层级</th><th>你的审批链</th><th>参考审批链</th></tr>"
            + "".join(people) + "</table>")
    return f"<p><b>四要素</b></p>{table}<p><b>物理树状图</b></p>{tree}"
