"""Pieces every toolbox app shares: the upload box with sheet choice, the column-mapping form,
messages, tables and download links. Everything the learner typed or uploaded is escaped."""
import base64
import html
import io

import ipywidgets as w

from keyaccount import validation as v
from keyaccount.toolbox import columns, reading, storage

NONE = "（没有这一列）"
ERROR_STYLE = "color:#b71c1c"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIELD_STYLE = {"description_width": "13em"}  # the mapping form's rows: Chinese labels fit, dropdowns line up


def field_layout() -> w.Layout:
    return w.Layout(width="32em")


def error_html(message) -> str:
    return f"<p style='{ERROR_STYLE}'>⚠ {html.escape(str(message))}</p>"


def notes_html(notes) -> str:
    return "".join(f"<p style='color:#555'>ℹ {html.escape(n)}</p>" for n in notes)


def table_html(frame, index: bool = False) -> str:
    """A DataFrame as an escaped HTML table that scrolls instead of overflowing the page."""
    body = frame.to_html(index=index, escape=True, border=0, classes="toolbox-table", na_rep="")
    return ("<div style='max-width:100%;overflow-x:auto'><style>.toolbox-table td,.toolbox-table th"
            "{padding:2px 8px;text-align:left}.toolbox-table tr:nth-child(even){background:#f5f5f5}"
            "</style>" + body + "</div>")


def download_html(name: str, data: bytes, mime: str, label: str) -> str:
    """A link that saves ``data`` as ``name`` from the page itself (nothing is sent anywhere)."""
    encoded = base64.b64encode(data).decode("ascii")
    return (f"<a download='{html.escape(name, quote=True)}' href='data:{mime};base64,{encoded}' "
            f"style='display:inline-block;margin:4px 8px 4px 0;padding:4px 10px;border:1px solid #1976d2;"
            f"border-radius:4px;text-decoration:none'>⬇ {html.escape(label)}</a>")


def excel_bytes(sheets: dict) -> bytes:
    """{工作表名: DataFrame} as .xlsx bytes."""
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def uploaded(upload: w.FileUpload) -> tuple[str, bytes] | None:
    """The (name, bytes) of the file in a FileUpload, or None."""
    if not upload.value:
        return None
    item = upload.value[0]
    return item["name"], bytes(item["content"])


class UploadBox:
    """FileUpload + sheet dropdown + messages; ``on_table(RawTable)`` runs when a table was read."""

    def __init__(self, on_table, description: str = "上传 Excel 或 CSV"):
        self.on_table = on_table
        self.upload = w.FileUpload(accept=".xlsx,.xlsm,.csv,.txt", multiple=False, description=description,
                                   layout=w.Layout(width="16em"))
        self.sheet = w.Dropdown(description="工作表", layout=w.Layout(display="none", width="22em"))
        self.message = w.HTML()
        self.raw = None
        self.upload.observe(self._read, names="value")
        self.sheet.observe(self._read, names="value")
        self.box = w.VBox([w.HBox([self.upload, self.sheet]), self.message])

    def load(self, name: str, data: bytes, sheet: str | None = None) -> None:
        """Read a file given as bytes (what the upload button does)."""
        self._file = (name, data)
        try:
            self.raw = reading.read(name, data, sheet)
        except v.InputError as err:
            self.raw = None
            self.message.value = error_html(err)
            return
        if len(self.raw.sheets) > 1:
            self._quiet = True
            self.sheet.options = self.raw.sheets
            self.sheet.value = self.raw.sheet
            self._quiet = False
            self.sheet.layout.display = ""
        else:
            self.sheet.layout.display = "none"
        self.message.value = (f"<p>已读取“{html.escape(name)}”：{len(self.raw.rows)} 行数据，"
                              f"{len(self.raw.headers)} 列。原文件没有被修改。</p>" + notes_html(self.raw.notes))
        self.on_table(self.raw)

    _quiet = False
    _file = None

    def _read(self, change) -> None:
        if self._quiet:
            return
        if change["owner"] is self.sheet:
            if self._file and change["new"]:
                self.load(*self._file, sheet=change["new"])
            return
        got = uploaded(self.upload)
        if got:
            self.load(*got)


class MappingForm:
    """One dropdown per field (the learner's header or 没有这一列), guessed or remembered, and a
    confirm button; ``on_confirm(mapping)`` runs with {field key: header or None}."""

    def __init__(self, fields, on_confirm, extra=()):
        self.fields, self.on_confirm = fields, on_confirm
        self.controls = {}
        self.extra = list(extra)
        self.message = w.HTML()
        self.confirm = w.Button(description="确认列的对应", button_style="primary", icon="check")
        self.confirm.on_click(lambda _b: self.submit())
        self.box = w.VBox(layout=w.Layout(display="none"))

    def show(self, headers, guess: dict) -> None:
        options = [(NONE, None)] + [(h, h) for h in headers]
        self.controls = {f.key: w.Dropdown(options=options, value=guess.get(f.key) if guess.get(f.key) in headers
                                           else None, description=f.label + (" *" if f.required else ""),
                                           style=FIELD_STYLE, layout=field_layout())
                         for f in self.fields}
        intro = w.HTML("<b>第 2 步：确认每一项对应表里的哪一列</b>（带 * 的必须有；已按表头猜好，请核对）")
        self.box.children = [intro, *self.controls.values(), *self.extra, self.confirm, self.message]
        self.box.layout.display = ""

    def mapping(self) -> dict:
        return {key: c.value for key, c in self.controls.items()}

    def submit(self) -> None:
        mapping = self.mapping()
        missing = columns.missing_required(self.fields, mapping)
        chosen = [h for h in mapping.values() if h]
        doubles = sorted({h for h in chosen if chosen.count(h) > 1})
        if missing:
            self.message.value = error_html(f"还没有选择这些必需的列：{'、'.join(missing)}。")
        elif doubles:
            self.message.value = error_html(f"同一列被选了两次：{'、'.join(doubles)}。每一列只能对应一项。")
        else:
            self.message.value = ""
            self.on_confirm(mapping)


def remembered_guess(root, kind: str, headers) -> dict:
    """The saved mapping where its headers are in this file (or the learner chose 没有这一列), else the guess."""
    guess = columns.guess(columns.KINDS[kind], headers)
    saved = storage.load_mapping(root, kind)
    return guess | {k: h for k, h in saved.items() if k in guess and (h is None or h in headers)}


def template_bytes(kind: str) -> bytes:
    """The Excel template of an upload kind: Chinese headers and three example rows."""
    import pandas as pd

    fields = columns.KINDS[kind]
    frame = pd.DataFrame({f.label: list(f.example) for f in fields})
    return excel_bytes({"填写示例": frame})


def template_link(kind: str, name: str) -> w.HTML:
    return w.HTML(download_html(name, template_bytes(kind), XLSX, f"下载模板 {name}"))


def page_style() -> w.HTML:
    """The kit's CJK font for the page (served by ``keyaccount toolbox``; elsewhere the system font is used)."""
    from keyaccount.fonts import FONT_NAME
    from keyaccount.toolbox.server import FONT_URL
    from keyaccount.webfont import FORM_CONTROLS

    family = f"'Segoe UI', 'PingFang SC', 'Microsoft YaHei', '{FONT_NAME}', KitCJK, sans-serif"
    return w.HTML(f"<style>@font-face{{font-family:KitCJK;src:url('{FONT_URL}') format('opentype');"
                  f"font-display:swap}}body,.jupyter-widgets,.widget-html-content,.jp-RenderedHTMLCommon,"
                  f".widget-label,.widget-button,.widget-dropdown select,.widget-tab,.lm-TabBar-tabLabel,{FORM_CONTROLS}"
                  f"{{font-family:{family}}}</style>", layout=w.Layout(height="0px"))


class SavedFiles:
    """Name box + save button + saved-files dropdown + open button over one folder of JSON files."""

    def __init__(self, folder, what: str, on_save, on_open):
        self.folder, self.what, self.on_save, self.on_open = folder, what, on_save, on_open
        self.name = w.Text(description=f"{what}名称", style={"description_width": "6em"},
                           layout=w.Layout(width="22em"))
        self.save_button = w.Button(description="保存", icon="save", button_style="primary")
        self.saved = w.Dropdown(description="已保存", style={"description_width": "4em"}, layout=w.Layout(width="20em"))
        self.open_button = w.Button(description="打开", icon="folder-open")
        self.message = w.HTML()
        self.save_button.on_click(lambda _b: self.save())
        self.open_button.on_click(lambda _b: self.open())
        self.refresh()
        self.box = w.VBox([w.HBox([self.name, self.save_button]), w.HBox([self.saved, self.open_button]),
                           self.message])

    def refresh(self) -> None:
        self.saved.options = storage.saved_names(self.folder)

    def save(self):
        try:
            path = storage.save_json(self.folder, self.name.value, self.on_save())
        except v.InputError as err:
            self.message.value = error_html(err)
            return None
        self.refresh()
        self.message.value = f"<p>已保存到 {html.escape(str(path))}</p>"
        return path

    def open(self) -> None:
        if not self.saved.value:
            self.message.value = error_html(f"还没有保存过{self.what}。")
            return
        try:
            data = storage.load_json(self.folder, self.saved.value)
            self.on_open(data)
        except (v.InputError, KeyError, TypeError, ValueError) as err:
            self.message.value = error_html(f"“{self.saved.value}”无法打开：{err}")
            return
        self.name.value = self.saved.value
        self.message.value = f"<p>已打开“{html.escape(self.saved.value)}”。</p>"
