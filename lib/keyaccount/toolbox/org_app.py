"""客户关系图: the physical tree of one of my accounts — people, levels, CR, the technical and
business approval chains, informal influence — drawn, saved in the workspace, exported as PNG."""
import html

import ipywidgets as w
import pandas as pd

from keyaccount import validation as v
from keyaccount.org_tree import chart
from keyaccount.org_tree.model import CHAINS, LEVELS, NO_ROLE
from keyaccount.org_tree.widget import summary_html
from keyaccount.projects.one_two_one import PURCHASE_ROLES
from keyaccount.projects.relationship import CR_LEVELS
from keyaccount.toolbox import appkit, columns, people, storage
from keyaccount.widgets import BoxDisplay, figure_png

KIND = "people"
FOLDER = "客户关系图"


class OrgApp(BoxDisplay):
    """A people list (uploaded or typed one by one) → ``figure`` (the tree) and ``result`` (chains, gaps)."""

    def __init__(self, root=None):
        self.root = root or storage.workspace()
        self.folder = storage.data_folder(self.root, FOLDER)
        self.rows: list[dict] = []
        self.tree = None
        self.upload = appkit.UploadBox(self._got_table, "上传人员名单")
        self.form = appkit.MappingForm(columns.PEOPLE, self._confirmed)
        self.files = appkit.SavedFiles(self.folder, "客户", self._to_file, self._from_file)
        style, layout = {"description_width": "6em"}, w.Layout(width="20em")
        self.person = {
            "name": w.Text(description="姓名", style=style, layout=layout),
            "title": w.Text(description="职务", style=style, layout=layout),
            "level": w.Dropdown(options=LEVELS, value="中层", description="层级", style=style, layout=layout),
            "chain": w.Dropdown(options=CHAINS, value="无", description="审批链", style=style, layout=layout),
            "cr": w.Dropdown(options=[(f"{c.code} {c.name}", c.code) for c in CR_LEVELS], value="CR1",
                             description="客户关系", style=style, layout=layout),
            "role": w.Dropdown(options=(NO_ROLE, *PURCHASE_ROLES), value=NO_ROLE, description="采购角色",
                               style=style, layout=layout),
            "reports_to": w.Text(description="上级", placeholder="上级的姓名", style=style, layout=layout),
            "influences": w.Text(description="影响谁", placeholder="非正式影响：姓名，多人用顿号", style=style,
                                 layout=layout),
        }
        add = w.Button(description="添加或修改这个人", icon="user-plus")
        add.on_click(lambda _b: self.add_person())
        self.remove_pick = w.Dropdown(description="删除", style=style, layout=layout)
        remove = w.Button(description="删除这个人", icon="trash")
        remove.on_click(lambda _b: self.remove_person())
        self.problems = w.HTML()
        self.result = w.HTML()
        self.figure = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.export_button = w.Button(description="导出图片（PNG）", icon="download", button_style="success")
        self.export_button.on_click(lambda _b: self.export())
        self.export_links = w.HTML()
        items = list(self.person.values())
        typed = w.VBox([w.HTML("<b>逐个添加</b>（同名即修改）"), w.HBox([w.VBox(items[:4]), w.VBox(items[4:])]),
                        add, w.HBox([self.remove_pick, remove])])
        head = w.HTML("<h2>客户关系图</h2><p>画出你的一个客户的物理树状图（第 21 课）：每个人的层级、"
                      "客户关系程度 CR1–CR5、技术（蓝）与商务（红）审批链、虚线为非正式影响。"
                      "可以上传人员名单，也可以逐个添加。</p>")
        self.box = w.VBox([appkit.page_style(), head, self.files.box,
                           w.HBox([self.upload.box, appkit.template_link(KIND, "人员名单模板.xlsx")]), self.form.box,
                           typed, self.problems, self.result, self.figure, self.export_button, self.export_links],
                          layout=w.Layout(max_width="1000px"))

    # ------------------------------------------------------------ input
    def _got_table(self, raw) -> None:
        self.form.show(raw.headers, appkit.remembered_guess(self.root, KIND, raw.headers))

    def _confirmed(self, mapping: dict) -> None:
        storage.save_mapping(self.root, KIND, mapping)
        frame = self.upload.raw.frame()
        self.rows = [{key: row[h] for key, h in mapping.items() if h} for _, row in frame.iterrows()]
        self._numbers = list(frame.index)
        self.draw()

    _numbers: list = []

    def add_person(self) -> None:
        record = {k: c.value.strip() if isinstance(c.value, str) else c.value for k, c in self.person.items()}
        if not record["name"]:
            self.problems.value = appkit.error_html("请先填写姓名。")
            return
        numbers = self._numbers or list(range(1, len(self.rows) + 1))
        names = [str(r.get("name", "")).strip() for r in self.rows]
        if record["name"] in names:
            self.rows[names.index(record["name"])] = record
        else:
            self.rows.append(record)
            self._numbers = numbers + [max(numbers, default=0) + 1]
        self.draw()

    def remove_person(self) -> None:
        name = self.remove_pick.value
        keep = [(n, r) for n, r in zip(self._row_numbers(), self.rows) if str(r.get("name", "")).strip() != name]
        self._numbers, self.rows = [n for n, _ in keep], [r for _, r in keep]
        self.draw()

    def _row_numbers(self) -> list:
        return self._numbers if len(self._numbers) == len(self.rows) else list(range(1, len(self.rows) + 1))

    # ------------------------------------------------------------ output
    def draw(self) -> None:
        self.tree, problems = people.tree_from_rows(list(zip(self._row_numbers(), self.rows)))
        self.remove_pick.options = [str(r.get("name", "")).strip() for r in self.rows if r.get("name")]
        self.problems.value = "".join(appkit.error_html(p) for p in problems)
        if self.tree is None:
            self.result.value, self.figure.value = "", b""
            return
        self.result.value = summary_html(self.tree) + appkit.table_html(people.tree_table(self.tree))
        self.figure.value = figure_png(self._chart())

    def _chart(self):
        return chart.tree_chart(self.tree, f"{self.files.name.value or '客户'}的物理树状图")

    def _to_file(self) -> dict:
        if self.tree is None:
            raise v.InputError("关系图里还没有人，无法保存。")
        return {"人员": people.tree_table(self.tree).to_dict(orient="records")}

    def _from_file(self, data: dict) -> None:
        table = pd.DataFrame(data["人员"])
        self.rows = [r for _, r in people.rows_of_table(table)]
        self._numbers = list(range(1, len(self.rows) + 1))
        self.draw()

    def export(self):
        if self.tree is None:
            self.export_links.value = appkit.error_html("关系图里还没有人。")
            return None
        path = storage.stamped(storage.data_folder(self.root, "导出"), self.files.name.value or "客户关系图", ".png")
        png = figure_png(self._chart())
        path.write_bytes(png)
        self.export_links.value = (f"<p>已保存 {html.escape(str(path))}</p>"
                                   + appkit.download_html(path.name, png, "image/png", path.name))
        return path
