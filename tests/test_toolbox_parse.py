"""The toolbox's parsers on the forms a CRM export really holds: amounts, dates, stages, shares,
contacts, and the guessed column mapping."""
from datetime import date, datetime

import pytest

from keyaccount import InputError
from keyaccount.toolbox import columns, parse

TODAY = date(2026, 4, 10)


@pytest.mark.parametrize("cell, unit, wan", [
    (120, "万元", 120), ("120万", "万元", 120), ("120 万元", "元", 120), ("1,200,000元", "万元", 120),
    ("1,200,000", "元", 120), ("¥1.2亿", "万元", 12000), ("500千元", "万元", 50), (1200000, "元", 120),
    ("80", "万元", 80), ("￥35,000", "元", 3.5),
])
def test_amounts_end_in_wan_yuan(cell, unit, wan):
    assert parse.amount(cell, unit).estimate == pytest.approx(wan)


def test_an_amount_range_keeps_both_ends_and_its_unit():
    a = parse.amount("80~150万")
    assert (a.low, a.high, a.estimate) == (80, 150, 115)
    assert (parse.amount("80-150").low, parse.amount("80-150").high) == (80, 150)


@pytest.mark.parametrize("cell", ["abc", "", None, "大约一百万", "1~2~3"])
def test_an_unreadable_amount_is_named(cell):
    with pytest.raises(InputError, match="预签金额"):
        parse.amount(cell)


def test_the_unit_of_bare_numbers_comes_from_the_header_or_their_size():
    assert parse.guess_amount_unit("预计金额（元）", [12]) == "元"
    assert parse.guess_amount_unit("金额(万元)", [1_200_000]) == "万元"
    assert parse.guess_amount_unit("Amount", [1_200_000, "850,000", 3_000_000]) == "元"
    assert parse.guess_amount_unit("金额", [120, 80, 300]) == "万元"


@pytest.mark.parametrize("cell, first, last", [
    ("2024/5/30", date(2024, 5, 30), date(2024, 5, 30)),
    ("2024-05-30", date(2024, 5, 30), date(2024, 5, 30)),
    ("2024年5月30日", date(2024, 5, 30), date(2024, 5, 30)),
    ("2024/5/30 00:00:00", date(2024, 5, 30), date(2024, 5, 30)),
    ("5月底", date(2026, 5, 31), date(2026, 5, 31)),
    ("5月中", date(2026, 5, 15), date(2026, 5, 15)),
    ("6月初", date(2026, 6, 5), date(2026, 6, 5)),
    ("2月底", date(2026, 2, 28), date(2026, 2, 28)),   # two months ago: still this year
    ("12月下旬", date(2026, 12, 31), date(2026, 12, 31)),
    ("2025年11月", date(2025, 11, 1), date(2025, 11, 30)),
    ("26.Q3", date(2026, 7, 1), date(2026, 9, 30)),
    (45443, date(2024, 5, 31), date(2024, 5, 31)),    # an Excel serial day
    (datetime(2024, 5, 30, 9, 0), date(2024, 5, 30), date(2024, 5, 30)),
])
def test_dates_in_the_usual_chinese_forms(cell, first, last):
    d = parse.sign_date(cell, TODAY)
    assert (d.first, d.last) == (first, last)


def test_a_month_without_a_year_long_past_means_next_year():
    assert parse.sign_date("1月中", date(2026, 11, 23)).first == date(2027, 1, 15)
    assert parse.sign_date("10月底", date(2026, 11, 23)).first == date(2026, 10, 31)


@pytest.mark.parametrize("cell, word", [("明年", "看不懂"), ("2月30日", "没有 30 日"), ("13月底", "月份 13"),
                                        (3.5, "不是日期"), (None, "空")])
def test_an_unreadable_date_is_named(cell, word):
    with pytest.raises(InputError, match=word):
        parse.sign_date(cell, TODAY)


@pytest.mark.parametrize("cell, code", [("P3", "P3"), ("p3", "P3"), (" P 5 ", "P5"), ("P3 设计交流", "P3"),
                                        ("设计交流", "P3"), ("设计交流/中层把握", "P3"), ("中层把握", "P3"),
                                        ("签约成交", "P6"), ("P7-实施结案", "P7")])
def test_stages_as_codes_or_the_kits_names(cell, code):
    assert parse.stage(cell) == code


def test_a_stage_range_or_unknown_name_is_refused_with_the_reason():
    with pytest.raises(InputError, match="范围"):
        parse.stage("P2-P3")
    with pytest.raises(InputError, match="Qualification"):
        parse.stage("Qualification")
    assert parse.stage("Qualification", {"Qualification": "P1"}) == "P1"


def test_shares_contacts_and_outcomes():
    assert parse.share("30%") == pytest.approx(0.3)
    assert parse.share(0.3) == parse.share("30") == pytest.approx(0.3)
    with pytest.raises(InputError, match="客户份额"):
        parse.share("一半")
    assert parse.contacts("张总(CR4)、刘工 CR3，王五") == [("张总", "CR4"), ("刘工", "CR3"), ("王五", "CR1")]
    assert parse.contacts("张总、刘工", "CR4 CR2") == [("张总", "CR4"), ("刘工", "CR2")]
    assert [parse.outcome(x) for x in ("赢单", "Closed Won", "丢单", "", "谈判中")] == \
        ["赢单", "赢单", "丢单", "进行中", "进行中"]


def test_common_chinese_and_english_crm_headers_are_recognised():
    chinese = columns.guess(columns.PIPELINE, ["客户名称", "商机名称", "预计金额（万元）", "销售阶段", "预计签约日期",
                                               "客户经理", "备注"])
    assert [chinese[k] for k in ("customer", "name", "amount", "stage", "sign_date", "owner")] == \
        ["客户名称", "商机名称", "预计金额（万元）", "销售阶段", "预计签约日期", "客户经理"]
    english = columns.guess(columns.PIPELINE, ["Account Name", "Opportunity Name", "Amount", "Stage",
                                               "Close Date", "Description"])
    assert [english[k] for k in ("customer", "name", "amount", "stage", "sign_date")] == \
        ["Account Name", "Opportunity Name", "Amount", "Stage", "Close Date"]
    assert english["cr"] is None  # "Description" contains "cr" but is not the CR column
    assert columns.missing_required(columns.PIPELINE, english) == []
    assert columns.missing_required(columns.PIPELINE, {"name": "x"}) == ["预签金额", "状态（P0–P7）", "预签时间"]
