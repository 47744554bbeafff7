"""我的项目管道: upload the CRM export, confirm the columns, see the course's analyses of it."""
import html
from datetime import date, timedelta
from pathlib import Path

import ipywidgets as w
import pandas as pd

from keyaccount import p_stages, validation as v
from keyaccount.funnel import chart as funnel_chart
from keyaccount.projects import attention, chart as projects_chart
from keyaccount.toolbox import appkit, columns, parse, pipeline, storage
from keyaccount.widgets import BoxDisplay, figure_png

KIND = "pipeline"
TABS = ("检查结果", "加权管道", "业绩预测", "需要关注", "销售状态", "漏斗指标", "导出")
TIMELINE_MOST = 40  # a taller picture than this is not read any more
STAGE_OPTIONS = [("（不对应）", None)] + [(f"{s.code} {s.name}", s.code) for s in p_stages.STAGES]


def quarter(today: date) -> tuple[date, date]:
    """The first and last day of today's quarter (the default forecast period)."""
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    nxt = date(first.year + (first.month == 10), (first.month + 2) % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


class PipelineApp(BoxDisplay):
    """``upload`` (UploadBox) → ``form`` (MappingForm) → ``tabs`` of results; ``export()`` writes files."""

    def __init__(self, root=None, today: date | None = None):
        self.root = root or storage.workspace()
        self.today = today or date.today()
        self.checked = None
        self.upload = appkit.UploadBox(self._got_table)
        self.unit = w.Dropdown(options=list(parse.UNITS), value="万元", description="金额单位",
                               tooltip="没写单位的数字按这个单位理解",
                               style=appkit.FIELD_STYLE, layout=appkit.field_layout())
        self.form = appkit.MappingForm(columns.PIPELINE, self._confirmed, extra=[self.unit])
        self.stage_fix = w.VBox()
        self.checks = w.HTML()
        self.pipeline_table, self.pipeline_figure = w.HTML(), w.Image(format="png", layout=_picture())
        self._forecast_controls()
        self.attention_table, self.attention_figure = w.HTML(), w.Image(format="png", layout=_picture())
        self.state_table, self.state_figure = w.HTML(), w.Image(format="png", layout=_picture())
        self.metrics_table = w.HTML()
        self.export_button = w.Button(description="导出 Excel 和图片", icon="download", button_style="success")
        self.export_button.on_click(lambda _b: self.export())
        self.export_links = w.HTML()
        pages = [w.VBox([self.stage_fix, self.checks]),
                 w.VBox([self.pipeline_table, self.pipeline_figure]),
                 w.VBox([self.forecast_box, self.forecast_result, self.forecast_figure, self.forecast_detail]),
                 w.VBox([self.attention_table, self.attention_figure]),
                 w.VBox([self.state_table, self.state_figure]),
                 self.metrics_table,
                 w.VBox([w.HTML(f"文件保存在：{html.escape(str(Path(self.root, storage.DATA, '导出')))}"),
                         self.export_button, self.export_links])]
        self.tabs = w.Tab(children=pages, titles=TABS, layout=w.Layout(display="none"))
        head = w.HTML("<h2>我的项目管道</h2><p>第 1 步：上传从 CRM 导出的 Excel 或 CSV（数据只在这台电脑上处理，"
                      "原文件不会被修改）。没有现成的表？先下载模板填写。</p>")
        self.box = w.VBox([appkit.page_style(), head, w.HBox([self.upload.box, appkit.template_link(KIND, "项目管道模板.xlsx")]),
                           self.form.box, self.tabs], layout=w.Layout(max_width="1000px"))

    # ------------------------------------------------------------ steps
    def _got_table(self, raw) -> None:
        self.tabs.layout.display = "none"
        guess = appkit.remembered_guess(self.root, KIND, raw.headers)
        self.form.show(raw.headers, guess)
        saved = storage.load_mapping(self.root, KIND + "_options")
        header = guess.get("amount")
        frame = raw.frame()
        self.unit.value = saved.get("unit") if saved.get("unit") in parse.UNITS and saved.get("header") == header \
            else parse.guess_amount_unit(header or "", frame[header] if header else [])
        self.aliases = saved.get("stage_aliases", {})

    aliases: dict = {}

    def _confirmed(self, mapping: dict) -> None:
        self.mapping = mapping
        storage.save_mapping(self.root, KIND, mapping)
        self._save_options()
        self.run()

    def _save_options(self) -> None:
        storage.save_mapping(self.root, KIND + "_options", {"unit": self.unit.value, "header": self.mapping.get("amount"),
                                                            "stage_aliases": self.aliases})

    def run(self) -> None:
        """Check the rows and refresh every result."""
        raw = self.upload.raw.frame()
        self.checked = pipeline.check(raw, self.mapping, self.today, self.unit.value, self.aliases)
        self._stage_fix(raw)
        self._show_checks()
        self.tabs.layout.display = ""
        if not self.checked.projects:
            for out in (self.pipeline_table, self.forecast_result, self.attention_table, self.state_table,
                        self.metrics_table):
                out.value = appkit.error_html("没有一行通过四要素检查，无法分析。请看“检查结果”。")
            for picture in (self.pipeline_figure, self.forecast_figure, self.attention_figure, self.state_figure):
                picture.value = b""
            self.forecast_detail.value = ""
            return
        self._show_pipeline()
        self._reset_forecast()
        self._show_attention()
        self._show_state()
        self.metrics_table.value = appkit.table_html(pipeline.metrics(self.checked, self.today))

    def _stage_fix(self, raw) -> None:
        """Dropdowns for stage names the kit does not know (a CRM's own stages), mapped once and remembered."""
        header = self.mapping.get("stage")
        unknown = []
        for value in raw[header]:
            try:
                parse.stage(value, self.aliases)
            except v.InputError:
                text = str(value).strip()
                if not parse.is_blank(value) and text not in unknown and not any(c in text for c in "-~～至到"):
                    unknown.append(text)
        if not unknown:
            self.stage_fix.children = []
            return
        self.stage_controls = {t: w.Dropdown(options=STAGE_OPTIONS, value=None, description=t,
                                             style={"description_width": "12em"}, layout=w.Layout(width="34em"))
                               for t in unknown}
        apply = w.Button(description="按这个对应重新检查", icon="refresh")
        apply.on_click(lambda _b: self.apply_stage_aliases())
        self.stage_fix.children = [w.HTML("<b>这些阶段名称不是 P0–P7，请告诉工具它们相当于哪个状态：</b>"),
                                   *self.stage_controls.values(), apply]

    def apply_stage_aliases(self) -> None:
        self.aliases = self.aliases | {t: c.value for t, c in self.stage_controls.items() if c.value}
        self._save_options()
        self.run()

    def _show_checks(self) -> None:
        c = self.checked
        bad = c.problems
        head = (f"<p>共 {len(c.table)} 行：<b>{len(c.projects)} 行通过</b>四要素检查（一个已完成的状态 P0–P7、"
                f"预签金额、预签时间）" + (f"，<b style='{appkit.ERROR_STYLE}'>{len(bad)} 行有问题</b>，"
                                       f"没有计入分析，请在原表中改正后重新上传" if len(bad) else "") + "。</p>")
        problems = appkit.table_html(bad) if len(bad) else ""
        self.checks.value = head + problems + "<p><b>检查后的项目表</b>（金额已换算为万元）</p>" + \
            appkit.table_html(c.table)

    def _show_pipeline(self) -> None:
        table = pipeline.weighted(self.checked.projects)
        self.weighted = table
        shown = table.reset_index().rename(columns={"完成程度": "完成程度（权重）"})
        shown["完成程度（权重）"] = shown["完成程度（权重）"].map("{:.0%}".format)
        self.pipeline_table.value = appkit.table_html(shown.round(2))
        self.pipeline_figure.value = figure_png(funnel_chart.pipeline_chart(table))

    # ------------------------------------------------------------ forecast
    def _forecast_controls(self) -> None:
        style, layout = {"description_width": "11em"}, w.Layout(width="24em")
        start, end = quarter(self.today)
        self.forecast_controls = {
            "quota": w.FloatText(value=0.0, description="本期定额（万元）", style=style, layout=layout),
            "start": w.DatePicker(value=start, description="本期开始", style=style, layout=layout),
            "end": w.DatePicker(value=end, description="本期结束", style=style, layout=layout),
            "achieved": w.FloatText(value=0.0, description="本期已实现（万元）", style=style, layout=layout),
            "auto_achieved": w.Checkbox(value=True, description="已实现 = 本期内 P7 项目的金额", indent=False),
            "assured_from": w.Dropdown(options=p_stages.CODES, value="P5", description="保证实现：从", style=style,
                                       layout=layout),
            "possible_from": w.Dropdown(options=p_stages.CODES, value="P3", description="可能实现：从",
                                        style=style, layout=layout),
            "unit_value": w.FloatText(value=0.0, description="单产（万元/单）", style=style, layout=layout),
        }
        self.forecast_box = w.VBox([w.HTML("<p>业绩预测按第 01 课的公式：预测合计 = 保证实现×70% + 可能实现×25%，"
                                           "预测外实现 = 定额×4%×剩余周数。本期内（按预签时间）的未签项目，"
                                           "从所选状态起算保证实现或可能实现。</p>"),
                                    *self.forecast_controls.values()])
        self.forecast_result = w.HTML()
        self.forecast_figure = w.Image(format="png", layout=_picture())
        self.forecast_detail = w.HTML()
        for control in self.forecast_controls.values():
            control.observe(self.update_forecast, names="value")

    def _reset_forecast(self) -> None:
        c = self.forecast_controls
        with self.forecast_box.hold_sync():
            self._quiet = True
            c["unit_value"].value = round(pipeline.default_unit_value(self.checked.projects), 2)
            self._quiet = False
        self.update_forecast()

    _quiet = False

    def update_forecast(self, _change=None) -> None:
        if self._quiet or not self.checked or not self.checked.projects:
            return
        c = {k: control.value for k, control in self.forecast_controls.items()}
        self.forecast_controls["achieved"].disabled = c["auto_achieved"]
        self.forecast = None
        if c["quota"] <= 0:
            self.forecast_result.value = "<p><b>请填写本期定额（万元）</b>，即可算出预测完成率和缺口。</p>"
            self.forecast_figure.value = b""
            self.forecast_detail.value = ""
            return
        try:
            rule = pipeline.ForecastRule(c["start"], c["end"], self.today, c["assured_from"], c["possible_from"])
            result, detail = pipeline.forecast(self.checked.projects, c["quota"], rule,
                                               None if c["auto_achieved"] else c["achieved"])
            need = pipeline.new_intent_projects(result, v.positive("单产", c["unit_value"]))
        except (v.InputError, TypeError) as err:
            self.forecast_result.value = appkit.error_html(err)
            return
        self.forecast, self.forecast_split = result, detail
        gap = (f"缺口 <b>{result.gap:.2f} 万元</b>，按单产 {c['unit_value']:g} 万元、意向成交率 20%，"
               f"还需要新增 <b>{need:.1f} 个意向项目</b>" if result.gap > 0
               else f"预计超出定额 {-result.gap:.2f} 万元，不需要新增项目")
        self.forecast_result.value = (
            f"<p>本期已实现 {result.achieved:.2f}，保证实现 {result.assured:.2f}，可能实现 {result.possible:.2f}，"
            f"剩余 {result.weeks_left:.1f} 周 → 预测合计 {result.forecast_total:.2f}，预测外实现 "
            f"{result.unforecast:.2f}，<b>预测完成率 {result.completion_rate:.0%}</b>；{gap}。</p>")
        self.new_projects = need
        self.forecast_figure.value = figure_png(funnel_chart.forecast_chart(result))
        self.forecast_detail.value = "<p><b>每个项目的分类</b></p>" + appkit.table_html(detail)

    # ------------------------------------------------------------ attention, state
    def _show_attention(self) -> None:
        flags, skipped = pipeline.attention_flags(self.checked, attention.Thresholds(self.today))
        rows = dict(zip((p.name for p in self.checked.projects), self.checked.rows))
        flags.insert(0, "行号", [rows[n] for n in flags["项目名称"]])
        self.flags = flags
        note = (f"<p style='color:#555'>表里没有客户名单（联系人）列，这两条规则没有检查：{'、'.join(skipped)}。</p>"
                if skipped else "")
        names = set(flags["项目名称"])
        head = (f"<p><b>需要关注的项目：{len(names)} / {len(self.checked.projects)}</b>（今天按 "
                f"{self.today:%Y-%m-%d} 计；规则见第 22 课）</p>")
        self.attention_table.value = head + note + (appkit.table_html(flags) if len(flags)
                                                    else "<p>没有项目被规则标出。</p>")
        flagged = sorted((p for p in self.checked.projects if p.name in names), key=lambda p: p.sign_date.first)
        if len(flagged) > TIMELINE_MOST:
            self.attention_table.value += (f"<p style='color:#555'>时间图只画出预签时间最早的 {TIMELINE_MOST} 个"
                                           f"需要关注的项目（共 {len(flagged)} 个，全部见上表）。</p>")
        self.attention_figure.value = (figure_png(projects_chart.timeline_chart(flagged[:TIMELINE_MOST], self.today,
                                                                                names)) if flagged else b"")

    def _show_state(self) -> None:
        self.diagnosis = pipeline.diagnosis(self.checked.projects)
        self.state_table.value = appkit.table_html(self.diagnosis)
        self.state_figure.value = figure_png(projects_chart.stage_spread_chart(
            pipeline.states_by_owner(self.checked.projects)))

    # ------------------------------------------------------------ export
    def export(self) -> list:
        """Write the checked table and results (Excel) and the charts (PNG) into 我的数据/导出/."""
        if not self.checked:
            return []
        folder = storage.data_folder(self.root, "导出")
        sheets = {"检查后的项目表": self.checked.table}
        pictures = {}
        if self.checked.projects:
            sheets |= {"加权管道": self.weighted.reset_index(), "需要关注": self.flags,
                       "销售状态": self.diagnosis, "漏斗指标": pipeline.metrics(self.checked, self.today)}
            pictures["加权管道"] = self.pipeline_figure.value
            pictures["销售状态"] = self.state_figure.value
            if self.attention_figure.value:
                pictures["需要关注"] = self.attention_figure.value
            if getattr(self, "forecast", None):
                f = self.forecast
                sheets["业绩预测"] = pd.DataFrame(
                    [("本期定额", f.quota), ("本期已实现", f.achieved), ("保证实现", f.assured), ("可能实现", f.possible),
                     ("剩余周数", round(f.weeks_left, 2)), ("预测合计", f.forecast_total), ("预测外实现", f.unforecast),
                     ("预测完成率", f.completion_rate), ("缺口（负数为超出）", f.gap),
                     ("需新增意向项目数", self.new_projects)], columns=["项目", "数值（万元）"])
                sheets["预测分类"] = self.forecast_split
                pictures["业绩预测"] = self.forecast_figure.value
        xlsx = storage.stamped(folder, "项目管道分析", ".xlsx")
        data = appkit.excel_bytes(sheets)
        xlsx.write_bytes(data)
        written, links = [xlsx], [appkit.download_html(xlsx.name, data, appkit.XLSX, xlsx.name)]
        for name, png in pictures.items():
            path = storage.stamped(folder, name, ".png")
            path.write_bytes(png)
            written.append(path)
            links.append(appkit.download_html(path.name, png, "image/png", path.name))
        self.export_links.value = ("<p>已保存 " + "、".join(html.escape(p.name) for p in written) + "</p>"
                                   + "".join(links))
        return written


def _picture() -> w.Layout:
    return w.Layout(max_width="100%", height="auto")
