"""Reading what learners upload: GBK CSVs, merged header cells, extra sheets, empty rows, wrong files.
Every file is built here with openpyxl/pandas; the uploaded bytes are never changed."""
import io

import openpyxl
import pytest

from keyaccount import InputError
from keyaccount.toolbox import reading

HEADER = ["客户", "项目名称", "预计金额", "销售阶段", "预计签约日期"]
ROWS = [["华东电力", "调度升级", "120万", "P5", "2026/6/30"], ["星河医院", "影像云", "80", "设计交流", "6月底"]]


def xlsx(build) -> bytes:
    book = openpyxl.Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_gbk_csv_is_read_as_chinese():
    data = "\n".join(",".join(r) for r in [HEADER, *ROWS]).encode("gbk")
    table = reading.read("管道.csv", data)
    assert table.headers == HEADER
    assert table.frame().loc[2, "客户"] == "华东电力"
    assert table.frame().loc[3, "销售阶段"] == "设计交流"


def test_a_utf8_csv_with_bom_and_empty_rows_reports_the_skipped_rows():
    text = "\ufeff" + "\n".join([",".join(HEADER), ",".join(ROWS[0]), ",,,,", "", ",".join(ROWS[1])])
    table = reading.read("管道.csv", text.encode("utf-8"))
    assert list(table.frame().index) == [2, 5]  # row numbers as in the learner's file
    assert any("空行已跳过：第 3–4 行" in n for n in table.notes)


def test_a_title_row_and_a_merged_two_row_header_are_understood():
    def build(book):
        ws = book.active
        ws.append(["2026 年第二季度销售管道"])
        ws.merge_cells("A1:F1")
        ws.append(["客户", "项目名称", "金额", None, "销售阶段", "预计签约日期"])
        ws.append([None, None, "预计", "已回款", None, None])
        ws.merge_cells("C2:D2")
        for col in "ABEF":
            ws.merge_cells(f"{col}2:{col}3")
        ws.append(["华东电力", "调度升级", "120万", "0", "P5", "2026/6/30"])
    table = reading.read("管道.xlsx", xlsx(build))
    assert table.headers == ["客户", "项目名称", "金额预计", "金额已回款", "销售阶段", "预计签约日期"]
    assert table.frame().loc[4, "金额预计"] == "120万"
    assert any("第 2 行是表头" in n for n in table.notes) and any("两行表头" in n for n in table.notes)


def test_an_extra_sheet_is_offered_and_can_be_chosen():
    def build(book):
        book.active.title = "说明"
        book.active.append(["请在“商机”表填写"])
        ws = book.create_sheet("商机")
        for row in [HEADER, *ROWS]:
            ws.append(row)
        book.create_sheet("空表")
    first = reading.read("管道.xlsx", xlsx(build))
    assert first.sheet == "商机" and first.sheets == ["说明", "商机", "空表"]  # the notes sheet is not a table
    assert first.headers == HEADER and len(first.rows) == 2
    assert any("说明" in n for n in first.notes)
    with pytest.raises(InputError, match="只有表头"):
        reading.read("管道.xlsx", xlsx(build), sheet="说明")
    with pytest.raises(InputError, match="没有工作表“第三季度”"):
        reading.read("管道.xlsx", xlsx(build), sheet="第三季度")


@pytest.mark.parametrize("name, data, message", [
    ("管道.xlsx", b"\x89PNG\r\n\x1a\n not excel", "不是有效的 .xlsx"),
    ("管道.xls", b"\xd0\xcf\x11\xe0", "旧版 Excel"),
    ("管道.docx", b"PK\x03\x04", "不是 Excel"),
    ("管道.csv", b"", "是空的"),
    ("管道.csv", "客户,金额\n".encode(), "只有表头"),
    ("管道.csv", b"\xff\xfe\x00\x00\xc3\x28\xa0\xa1\x81", "编码"),
])
def test_a_wrong_file_gets_a_chinese_message_naming_it(name, data, message):
    with pytest.raises(InputError, match=message):
        reading.read(name, data)


def test_reading_leaves_the_uploaded_bytes_alone():
    data = xlsx(lambda book: [book.active.append(r) for r in [HEADER, *ROWS]])
    before = bytes(data)
    reading.read("管道.xlsx", data)
    assert data == before
