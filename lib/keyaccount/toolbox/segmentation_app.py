"""客户分群: my accounts by purchase potential × our share (第 44 课的攻守模型), with the
resource-allocation view; thresholds start at the thirds of the learner's own potentials."""
import html

import ipywidgets as w
import pandas as pd

from keyaccount import validation as v
from keyaccount.segmentation import chart
from keyaccount.segmentation.model import Thresholds, resource_split, segment_table
from keyaccount.segmentation.widget import SegmentationExplorer
from keyaccount.toolbox import appkit, columns, parse, storage
from keyaccount.widgets import BoxDisplay, figure_png

KIND = "accounts"


def accounts(raw: pd.DataFrame, mapping: dict, unit: str = "万元") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(客户, 采购潜力 in 万元, 客户份额 as a fraction) of the good rows, and (行号, 客户, 问题) of the bad ones."""
    good, bad = [], []
    for number, row in raw.iterrows():
        name = "" if parse.is_blank(row[mapping["customer"]]) else str(row[mapping["customer"]]).strip()
        problems = [] if name else ["客户名称是空的"]
        try:
            potential = parse.amount(row[mapping["potential"]], unit).estimate
        except v.InputError as err:
            problems.append(str(err).replace("预签金额", "采购潜力").rstrip("。"))
        try:
            share = parse.share(row[mapping["share"]])
        except v.InputError as err:
            problems.append(str(err).rstrip("。"))
        if problems:
            bad.append((number, name, "；".join(problems) + "。"))
        else:
            good.append((name, potential, share))
    return (pd.DataFrame(good, columns=["客户", "采购潜力", "客户份额"]),
            pd.DataFrame(bad, columns=["行号", "客户", "问题"]))


def starting_thresholds(customers: pd.DataFrame) -> Thresholds:
    """High and low potential at the upper and lower third of the learner's accounts; share 50%."""
    potentials = customers["采购潜力"]
    high, low = max(float(potentials.quantile(2 / 3)), 1.0), float(potentials.quantile(1 / 3))
    return Thresholds(high=high, low=low if low < high else high / 2)


class SegmentationApp(BoxDisplay):
    """Upload → mapping → ``explorer`` (the course's SegmentationExplorer) + resource table + export."""

    def __init__(self, root=None):
        self.root = root or storage.workspace()
        self.explorer = None
        self.upload = appkit.UploadBox(self._got_table, "上传客户清单")
        self.unit = w.Dropdown(options=list(parse.UNITS), value="万元", description="采购潜力单位",
                               style=appkit.FIELD_STYLE, layout=appkit.field_layout())
        self.form = appkit.MappingForm(columns.ACCOUNTS, self._confirmed, extra=[self.unit])
        self.problems = w.HTML()
        self.holder = w.VBox()
        self.resources = w.HTML()
        self.export_button = w.Button(description="导出 Excel 和图片", icon="download", button_style="success",
                                      layout=w.Layout(display="none"))
        self.export_button.on_click(lambda _b: self.export())
        self.export_links = w.HTML()
        head = w.HTML("<h2>客户分群</h2><p>把你的客户按<b>采购潜力</b>（每年，万元）和<b>我们的份额</b>分成获取、保留、"
                      "侵扰、维持、放弃五群（第 44 课），看时间、人力、财力该怎样分配。</p>")
        self.box = w.VBox([appkit.page_style(), head,
                           w.HBox([self.upload.box, appkit.template_link(KIND, "客户清单模板.xlsx")]),
                           self.form.box, self.problems, self.holder, self.resources, self.export_button,
                           self.export_links], layout=w.Layout(max_width="1000px"))

    def _got_table(self, raw) -> None:
        guess = appkit.remembered_guess(self.root, KIND, raw.headers)
        self.form.show(raw.headers, guess)
        header = guess.get("potential")
        self.unit.value = parse.guess_amount_unit(header or "", raw.frame()[header] if header else [])

    def _confirmed(self, mapping: dict) -> None:
        storage.save_mapping(self.root, KIND, mapping)
        self.customers, bad = accounts(self.upload.raw.frame(), mapping, self.unit.value)
        self.problems.value = ((f"<p style='{appkit.ERROR_STYLE}'>{len(bad)} 行有问题，没有计入分群：</p>"
                                + appkit.table_html(bad)) if len(bad) else "")
        if self.customers.empty:
            self.holder.children = []
            self.problems.value += appkit.error_html("没有一行可以分群。")
            return
        self.explorer = SegmentationExplorer(self.customers, starting_thresholds(self.customers))
        for control in self.explorer.controls.values():
            control.observe(self._show_resources, names="value")
        self.holder.children = [w.HTML("<p>拖动门槛，分群和建议的投入占比随之变化：</p>"), self.explorer.box]
        self.export_button.layout.display = ""
        self._show_resources()

    def thresholds(self) -> Thresholds:
        return Thresholds(**{k: c.value for k, c in self.explorer.controls.items()})

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        table = segment_table(self.customers, self.thresholds())
        return table, resource_split(table)

    def _show_resources(self, _change=None) -> None:
        try:
            table, split = self.tables()
        except v.InputError as err:
            self.resources.value = appkit.error_html(err)
            return
        shown = split.reset_index()
        shown["投入占比"] = shown["投入占比"].map("{:.0%}".format)
        self.resources.value = ("<p><b>资源分配</b>（时间、人力、财力按争取/守护的金额分配，供讨论）</p>"
                                + appkit.table_html(shown.round(2)) + "<p><b>每个客户</b></p>"
                                + appkit.table_html(table.round(2)))

    def export(self):
        table, split = self.tables()
        folder = storage.data_folder(self.root, "导出")
        xlsx = storage.stamped(folder, "客户分群", ".xlsx")
        data = appkit.excel_bytes({"客户分群": table, "资源分配": split.reset_index()})
        xlsx.write_bytes(data)
        png_path = storage.stamped(folder, "客户分群", ".png")
        png = figure_png(chart.segment_scatter(table, self.thresholds()))
        png_path.write_bytes(png)
        self.export_links.value = (f"<p>已保存 {html.escape(xlsx.name)}、{html.escape(png_path.name)}</p>"
                                   + appkit.download_html(xlsx.name, data, appkit.XLSX, xlsx.name)
                                   + appkit.download_html(png_path.name, png, "image/png", png_path.name))
        return [xlsx, png_path]
