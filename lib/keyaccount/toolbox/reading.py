"""An uploaded Excel or CSV file → a raw table (header + rows with their row numbers), or a Chinese
error naming what is wrong. The file itself is never changed.

Handled: CSV in UTF-8 (with or without BOM) or GBK/GB18030; Excel with several sheets (the first
sheet with data is read, the others are offered); merged header cells (a title row above the
header, a header cell merged over two columns with sub-headers below); empty rows (skipped
and reported by row number).
"""
import csv
import io
from dataclasses import dataclass, field

from keyaccount import validation as v
from keyaccount.toolbox.parse import is_blank

EXCEL = (".xlsx", ".xlsm")
HEADER_SEARCH_ROWS = 10


@dataclass
class RawTable:
    """What was read: ``headers``, ``rows`` as (row number in the file, cells), notes for the learner."""

    headers: list[str]
    rows: list[tuple[int, list]]
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def frame(self):
        """The rows as a DataFrame indexed by 行号 (the row number in the learner's file)."""
        import pandas as pd

        return pd.DataFrame([cells for _, cells in self.rows], columns=self.headers,
                            index=pd.Index([n for n, _ in self.rows], name="行号"), dtype=object)


def read(name: str, data: bytes, sheet: str | None = None) -> RawTable:
    """Read an uploaded file by its name's ending (.xlsx/.xlsm/.csv)."""
    lower = name.lower()
    if not data:
        raise v.InputError(f"文件“{name}”是空的（0 字节）。")
    if lower.endswith(EXCEL):
        return _excel(name, data, sheet)
    if lower.endswith((".csv", ".txt")):
        return _table(_csv_rows(name, data), name)
    if lower.endswith(".xls"):
        raise v.InputError(f"“{name}”是旧版 Excel（.xls）。请在 Excel 里“另存为” .xlsx 或 CSV 后再上传。")
    raise v.InputError(f"“{name}”不是 Excel（.xlsx）或 CSV 文件，无法读取。")


def _csv_rows(name: str, data: bytes) -> list[tuple[int, list]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise v.InputError(f"“{name}”的文字编码无法识别（既不是 UTF-8 也不是 GBK）。请在 Excel 里另存为 .xlsx。")
    if "\x00" in text:
        raise v.InputError(f"“{name}”不是文本格式的 CSV（可能是改了扩展名的其他文件）。")
    dialect = csv.excel_tab if text.count("\t") > text.count(",") else csv.excel
    return [(i, row) for i, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]


def _excel(name: str, data: bytes, sheet: str | None) -> RawTable:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or renamed file
        raise v.InputError(f"“{name}”打不开：它不是有效的 .xlsx 文件（可能已损坏，或是改了扩展名的其他文件）。") from None
    with_data = [ws.title for ws in book.worksheets if ws.max_row > 1 or ws.cell(1, 1).value is not None]
    if not with_data:
        raise v.InputError(f"“{name}”的所有工作表都是空的。")
    if sheet is not None and sheet not in book.sheetnames:
        raise v.InputError(f"“{name}”里没有工作表“{sheet}”。现有：{'、'.join(book.sheetnames)}。")
    tables = [name for name in with_data if book[name].max_column >= 2]  # a sheet of notes has one column
    ws = book[sheet or (tables or with_data)[0]]
    grid = [list(row) for row in ws.iter_rows(values_only=True)]
    merged_across = set()
    for merged in ws.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = top
        if merged.max_col > merged.min_col:
            merged_across.update(range(merged.min_row, merged.max_row + 1))
    table = _table(list(enumerate(grid, start=1)), name, merged_across)
    table.sheet, table.sheets = ws.title, list(book.sheetnames)
    if len(with_data) > 1:
        others = "、".join(s for s in with_data if s != ws.title)
        table.notes.insert(0, f"文件有 {len(with_data)} 个有数据的工作表；正在读取“{ws.title}”，"
                              f"其他工作表（{others}）可在上方选择。")
    return table


def _table(numbered: list[tuple[int, list]], name: str, merged_across=frozenset()) -> RawTable:
    """Find the header row, join a merged two-row header, drop and report empty rows."""
    filled = [(n, cells) for n, cells in numbered if not all(is_blank(c) for c in cells)]
    if not filled:
        raise v.InputError(f"“{name}”里没有数据。")
    width = max(len(cells) for _, cells in filled)
    filled = [(n, list(cells) + [None] * (width - len(cells))) for n, cells in filled]
    distinct = [len({str(c).strip() for c in cells if not is_blank(c)}) for _, cells in filled[:HEADER_SEARCH_ROWS]]
    at = next(i for i, d in enumerate(distinct) if d >= min(max(2, 0.6 * max(distinct)), max(distinct)))
    header_no, header = filled[at]
    notes = []
    if at:
        notes.append(f"第 {header_no} 行是表头；它上面的 {at} 行（标题等）没有读入。")
    body = filled[at + 1:]
    if header_no in merged_across and body:
        sub_no, sub = body[0]
        header = [h if is_blank(s) or s == h else f"{h}{s}" for h, s in zip(header, sub)]
        notes.append(f"第 {header_no}–{sub_no} 行是合并的两行表头，已合成一行。")
        body = body[1:]
    headers = _named(header)
    last_used = max(i for i, h in enumerate(header) if not is_blank(h))
    headers, body = headers[:last_used + 1], [(n, cells[:last_used + 1]) for n, cells in body]
    numbers = {n for n, _ in body}
    empty = [n for n, _ in numbered if n > header_no and n not in numbers
             and not (header_no in merged_across and n == header_no + 1)]
    empty = [n for n in empty if n < max(numbers, default=0)]
    if empty:
        notes.append(f"空行已跳过：第 {_ranges(empty)} 行。")
    if not body:
        raise v.InputError(f"“{name}”只有表头（第 {header_no} 行），没有数据行。")
    return RawTable(headers, body, notes=notes)


def _named(header: list) -> list[str]:
    """Header texts, with empty ones named 第N列 and repeats numbered."""
    out = []
    for i, h in enumerate(header, start=1):
        text = f"第{i}列" if is_blank(h) else str(h).strip().replace("\n", "")
        while text in out:
            text += "_2"
        out.append(text)
    return out


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] → "3–5、9"."""
    spans, start = [], numbers[0]
    for prev, n in zip(numbers, numbers[1:] + [None]):
        if n != prev + 1 if n is not None else True:
            spans.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = n
    return "、".join(spans)
