"""Four elements and physical tree of one project case: the learner writes the four elements
(checked by the kit's rules) and places the customer's people on the tree; a tick compares what
the story states (amount, sign date, each person's level) with the case. The judgements (state,
approval chains, CR) get form checks only: the exercise projects_abc_tree grades them."""
import html

import ipywidgets as w

from keyaccount.org_tree.widget import TreeEditor
from keyaccount.projects import elements
from keyaccount.projects.elements import Project
from keyaccount.validation import InputError
from keyaccount.widgets import BAD, CaseWidget, form, heading, note, picks

ELEMENT_LABELS = {"name": "项目名称", "status": "项目状态", "amount": "预签金额", "sign_date": "预签时间"}
PLACEHOLDERS = {"status": "例如 P1（唯一已完成的状态）", "amount": "例如 120 或 80~150（万元）",
                "sign_date": "例如 2013.5.30、13.6 或 13.4~13.6"}
OK = "#2ca02c"


class FourElementsTree(CaseWidget):
    """``controls`` name/status/amount/sign_date (Text) and ``show_reference`` (Checkbox);
    ``tree_editor`` is the physical-tree editor, starting from the case's people unplaced;
    ``result`` says whether the four elements pass and, ticked, compares amount, sign date and levels
    with the case (never its state, chains or CR)."""

    def __init__(self, case):
        self.case, self.facts = case, case.project
        self.reference_tree = case.tree()
        self.tree_editor = TreeEditor(self.reference_tree.unplaced(), f"{self.facts.name} 物理树状图")
        self.controls = {key: w.Text(self.facts.name if key == "name" else "",
                                     placeholder=PLACEHOLDERS.get(key, "")) for key in ELEMENT_LABELS}
        self.controls["show_reference"] = w.Checkbox(value=False)
        controls = w.VBox([form(heading("① 项目四要素"), *((label, self.controls[k]) for k, label in ELEMENT_LABELS.items()),
                                heading("② 物理树状图"),
                                note("给每个人选层级、审批链、采购角色和客户关系（CR）。")),
                           self.tree_editor.box,
                           picks([(self.controls["show_reference"], "对照故事里写明的事实")])])
        self._show(controls, [*self.controls.values(), *self.tree_editor.controls.values()])

    def project(self) -> Project:
        """The four elements as typed; raises InputError naming what is missing or wrong."""
        values = {k: self.controls[k].value.strip() for k in ELEMENT_LABELS}
        empty = [ELEMENT_LABELS[k] for k, value in values.items() if not value]
        if empty:
            raise InputError(f"还没有填写：{'、'.join(empty)}。")
        return Project.of(values["name"], values["status"], values["amount"], values["sign_date"])

    def render(self) -> str:
        return self._check() + self._compare()

    def _check(self) -> str:
        """Whether the four elements pass; a passing set titles the learner's tree."""
        try:
            p = self.project()
        except InputError as err:
            return f"<p style='color:{BAD}'>四要素 ✗ {html.escape(str(err))}</p>"
        title = f"{p.name}（{p.status}，{p.amount}，{p.sign_date}）物理树状图"
        if title != self.tree_editor.title:
            self.tree_editor.title = title
            self.tree_editor.update()
        ranges = [label for label, value in (("预签金额", p.amount), ("预签时间", p.sign_date)) if value.is_range]
        return (f"<p style='color:{OK}'>四要素 ✓ 符合规则：{html.escape(p.name)}，{p.status}，"
                f"{html.escape(str(p.amount))}，{html.escape(str(p.sign_date))}"
                + (f"——{'、'.join(ranges)}写的是范围，项目初期允许" if ranges else "") + "</p>")

    def _compare(self) -> str:
        """Ticked: amount, sign date and levels against the case (the story's facts)."""
        if not self.controls["show_reference"].value:
            return ""
        return comparison_html(self._project_or_none(), self._tree_or_none(), self.facts, self.reference_tree,
                               self.case.reference)

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


JUDGED = "项目状态、审批链和 CR 要你按规则自己判断，这里不给参考（练习 projects_abc_tree 会批改，提交后看反馈）。"


def comparison_html(mine, my_tree, facts, reference_tree, source_answer: dict) -> str:
    """Two small tables: amount and sign date (mine, the case's, the source's example) and each person's
    level (mine against the case), with ✓ where they agree; the judgements are not compared."""
    def cell(text, ok=None):
        mark = "" if ok is None else (" ✓" if ok else " ✗")
        return f"<td style='padding:2px 12px'>{html.escape(str(text))}{mark}</td>"

    parse = {"amount": elements.amount, "sign_date": elements.sign_date}
    source = {"amount": source_answer.get("预签金额"), "sign_date": source_answer.get("预签时间")}
    rows = []
    for label, attr in (("预签金额", "amount"), ("预签时间", "sign_date")):
        ref = str(parse[attr](getattr(facts, attr)))
        example = str(parse[attr](source[attr])) if source[attr] not in (None, "") else "—"
        mine_value = str(getattr(mine, attr)) if mine else "（未通过检查）"
        same = mine is not None and mine_value in (ref, example)
        rows.append(f"<tr><td>{label}</td>{cell(mine_value, same)}{cell(ref)}{cell(example)}</tr>")
    table = ("<table><tr><th>要素</th><th>你的</th><th>案例</th><th>源文件示例</th></tr>"
             + "".join(rows) + "</table>")
    people = []
    for ref in reference_tree.order():
        me = my_tree.person(ref.name) if my_tree else None
        people.append(f"<tr><td>{html.escape(ref.name)}</td>"
                      + (cell(me.level, me.level == ref.level) if me else cell("—")) + cell(ref.level) + "</tr>")
    tree = ("<table><tr><th>人物</th><th>你的层级</th><th>案例的层级</th></tr>" + "".join(people) + "</table>")
    return f"<p><b>四要素</b></p>{table}<p><b>物理树状图</b></p>{tree}<p>{html.escape(JUDGED)}</p>"
