"""我的项目管道 driven headless: upload, confirm the mapping, read every result, export."""
import io
import json
from datetime import date

import openpyxl
import pandas as pd
import pytest

from keyaccount import p_stages
from keyaccount.funnel.model import PerformanceForecast
from keyaccount.toolbox import appkit, pipeline
from keyaccount.toolbox.pipeline_app import PipelineApp, quarter

TODAY = date(2026, 5, 10)
HEADER = ["客户名称", "商机名称", "预计金额", "销售阶段", "预计签约日期", "客户经理", "联系人"]
ROWS = [
    ["华东电力", "调度升级", "120万", "P5", "2026/6/20", "王强", "张总(CR4)、刘工(CR3)"],
    ["星河医院", "影像云", "1,800,000元", "设计交流", "2026年6月15日", "王强", "陈主任(CR2)"],
    ["蓝海银行", "终端更新", "60~80万", "p2", "6月底", "李娜", ""],
    ["坏数据", "x", "abc", "P2-P3", "明年", "李娜", ""],
    ["老客户", "扩容", 300, "P7", "2026/4/30", "李娜", "赵总(CR5)、钱处(CR3)"],
    ["新客户", "试点", 45, "Qualification", 46100, "王强", ""],
]


def excel() -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    for row in [HEADER, ROWS[0], ROWS[1], [None] * 7, *ROWS[2:]]:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def app(tmp_path):
    app = PipelineApp(tmp_path, today=TODAY)
    app.upload.load("我的商机.xlsx", excel())
    return app


def test_the_mapping_is_guessed_confirmed_and_remembered(app, tmp_path):
    mapping = app.form.mapping()
    assert mapping["amount"] == "预计金额" and mapping["stage"] == "销售阶段" and mapping["owner"] == "客户经理"
    assert "空行已跳过：第 4 行" in app.upload.message.value
    app.form.controls["customer"].value = None          # the learner changes one choice
    app.form.submit()
    saved = json.loads((tmp_path / "我的数据" / "列对应.json").read_text(encoding="utf-8"))
    assert saved["pipeline"]["customer"] is None and saved["pipeline"]["stage"] == "销售阶段"
    again = PipelineApp(tmp_path, today=TODAY)
    again.upload.load("我的商机.xlsx", excel())
    assert again.form.mapping()["customer"] is None      # remembered, not guessed again


def test_a_missing_required_column_is_named(app):
    app.form.controls["sign_date"].value = None
    app.form.submit()
    assert "预签时间" in app.form.message.value and app.checked is None


def test_every_row_is_kept_and_bad_rows_say_why(app):
    app.form.submit()
    table = app.checked.table
    assert list(table["行号"]) == [2, 3, 5, 6, 7, 8]
    bad = dict(zip(table["行号"], table["检查结果"]))
    assert "范围" in bad[6] and "“abc”" in bad[6] and "“明年”" in bad[6]
    assert "Qualification" in bad[8]
    assert [p.name for p in app.checked.projects] == ["调度升级", "影像云", "终端更新", "扩容"]
    assert list(table["预签金额（万元）"])[:3] == [120.0, 180.0, 70.0]
    assert "2 行有问题" in app.checks.value


def test_an_unknown_crm_stage_is_mapped_once_and_rechecked(app):
    app.form.submit()
    assert set(app.stage_controls) == {"Qualification"}  # the range P2-P3 is an error, not a name to map
    app.stage_controls["Qualification"].value = "P1"
    app.apply_stage_aliases()
    assert "试点" in [p.name for p in app.checked.projects]


def test_weighted_pipeline_uses_the_kits_stage_weights(app):
    app.form.submit()
    w = app.weighted
    assert w.loc["P5", "加权金额"] == pytest.approx(120 * p_stages.completion("P5"))
    assert w.loc["P3", "加权金额"] == pytest.approx(180 * p_stages.completion("P3"))
    assert w["项目数"].sum() == 4
    assert app.pipeline_figure.value[:4] == b"\x89PNG"


def test_forecast_follows_the_usm_formula_and_turns_the_gap_into_projects(app):
    app.form.submit()
    assert "请填写本期定额" in app.forecast_result.value
    c = app.forecast_controls
    assert (c["start"].value, c["end"].value) == quarter(TODAY) == (date(2026, 4, 1), date(2026, 6, 30))
    c["quota"].value = 800
    f = app.forecast
    weeks = (date(2026, 6, 30) - TODAY).days / 7
    expected = PerformanceForecast(quota=800, achieved=300, assured=120, possible=180, weeks_left=weeks)
    assert (f.achieved, f.assured, f.possible) == (300, 120, 180)   # P7 in the period; P5; P3 (P2 not counted)
    assert f.completion_rate == pytest.approx(expected.completion_rate)
    assert c["unit_value"].value == 300                             # 单产 = the signed project's amount
    assert app.new_projects == pytest.approx(expected.gap / 300 / 0.20)
    assert f"{app.new_projects:.1f} 个意向项目" in app.forecast_result.value
    c["assured_from"].value = "P3"
    assert (app.forecast.assured, app.forecast.possible) == (300, 0)
    c["possible_from"].value = "P5"
    assert "应不晚于" in app.forecast_result.value


def test_attention_list_names_the_rule_and_the_row(app):
    app.form.submit()
    flags = app.flags
    rows = {(r.行号, r.规则) for r in flags.itertuples()}
    assert (3, "临近签约、进度落后") in rows          # 影像云: P3, 36 days to sign
    assert (3, "后期状态、关系薄弱") in rows          # only CR2
    assert (5, "单线联系") in rows                    # 终端更新 at P2 with nobody known
    assert all(r != 7 for r, _ in rows)               # 扩容 is signed
    assert "临近签约" in app.attention_table.value and app.attention_figure.value[:4] == b"\x89PNG"


def test_without_a_contacts_column_the_contact_rules_are_not_applied(app):
    app.form.controls["contacts"].value = None
    app.form.submit()
    assert not set(app.flags["规则"]) & {"单线联系", "后期状态、关系薄弱"}
    assert "没有检查" in app.attention_table.value


def test_sales_state_per_owner_and_funnel_metrics_where_possible(app):
    app.form.submit()
    d = app.diagnosis.set_index("负责人")
    assert d.loc["王强", "销售状态"] == "项目少" and d.loc["王强", "项目数"] == 2
    m = pipeline.metrics(app.checked, TODAY).set_index("指标")
    assert m.loc["单产", "数值"] == "300.00 万元"
    assert m.loc["方向", "数值"] == "—" and "目标客户" in m.loc["方向", "说明"]
    assert "P5 1 个" in m.loc["数量", "数值"]


def test_export_writes_excel_and_pictures_into_the_workspace(app, tmp_path):
    app.form.submit()
    app.forecast_controls["quota"].value = 800
    written = app.export()
    assert all(p.parent == tmp_path / "我的数据" / "导出" for p in written)
    book = pd.read_excel(written[0], sheet_name=None)
    assert {"检查后的项目表", "加权管道", "需要关注", "销售状态", "漏斗指标", "业绩预测"} <= set(book)
    assert len(book["检查后的项目表"]) == 6
    assert {p.suffix for p in written[1:]} == {".png"} and len(written) == 5
    assert "download=" in app.export_links.value
    assert app.export()[0] != written[0]  # a second export never overwrites the first


def test_a_gbk_csv_with_english_headers_goes_through(tmp_path):
    text = "Account Name,Opportunity Name,Amount,Stage,Close Date\n华东电力,调度升级,1200000,P4,2026-07-01\n"
    app = PipelineApp(tmp_path, today=TODAY)
    app.upload.load("export.csv", text.encode("gbk"))
    assert app.unit.value == "元"
    app.form.submit()
    assert app.checked.projects[0].amount.estimate == 120


def test_learner_text_is_escaped_in_the_page(tmp_path):
    text = "项目名称,预签金额,状态,预签时间\n<script>alert(1)</script>,100,P3,2026/6/1\n"
    app = PipelineApp(tmp_path, today=TODAY)
    app.upload.load("x.csv", text.encode())
    app.form.submit()
    assert "<script>" not in app.checks.value and "&lt;script&gt;" in app.checks.value


def test_the_template_goes_through_its_own_app(tmp_path):
    app = PipelineApp(tmp_path, today=TODAY)
    app.upload.load("模板.xlsx", appkit.template_bytes("pipeline"))
    app.form.submit()
    assert len(app.checked.projects) == 3 and app.checked.problems.empty


def test_when_no_row_passes_the_learner_is_told_and_the_table_can_still_be_exported(tmp_path):
    text = "项目名称,预签金额,状态,预签时间\n甲,很多,P9,明年\n乙,,P2-P3,\n"
    app = PipelineApp(tmp_path, today=TODAY)
    app.upload.load("全错.csv", text.encode())
    app.form.submit()
    assert app.checked.projects == [] and len(app.checked.problems) == 2
    assert "没有一行通过" in app.pipeline_table.value and app.pipeline_figure.value == b""
    written = app.export()
    assert list(pd.read_excel(written[0], sheet_name=None)) == ["检查后的项目表"]
