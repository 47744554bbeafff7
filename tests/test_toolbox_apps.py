"""The scorecard, account-map and segmentation apps driven headless, and the apps' installation."""
import hashlib
import io
import json

import openpyxl
import pandas as pd
import pytest

from keyaccount.opportunity.model import FACTOR_NAMES, QUESTIONS
from keyaccount import workspace
from keyaccount.segmentation.model import segment
from keyaccount.toolbox import appkit, launch, storage
from keyaccount.toolbox.org_app import OrgApp
from keyaccount.toolbox.scorecard_app import ScorecardApp
from keyaccount.toolbox.segmentation_app import SegmentationApp, starting_thresholds


def excel(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- scorecard
def test_a_deal_is_scored_saved_reopened_and_compared(tmp_path):
    app = ScorecardApp(tmp_path)
    first_question = [f.name for f in QUESTIONS[0].factors]
    for name in first_question:
        app.card.controls[name].value = 1
    assert "Z = -1" in app.card.result.value and QUESTIONS[0].name in app.verdict()
    assert app.card.controls[first_question[0]].tooltip.startswith("客户的需求是什么")
    app.files.name.value = "调度系统/二期"        # a slash cannot make a folder
    app.note.value = "高层还没见过"
    path = app.files.save()
    assert path.parent == tmp_path / "我的数据" / "机会评分卡" and path.name == "调度系统_二期.json"
    for name in FACTOR_NAMES:
        app.card.controls[name].value = 5
    app.files.name.value = "影像云"
    app.files.save()

    again = ScorecardApp(tmp_path)
    again.files.saved.value = "调度系统_二期"
    again.files.open()
    assert again.card.scorecard.scores[first_question[0]] == 1 and again.note.value == "高层还没见过"
    again.compare_pick.value = ("调度系统_二期", "影像云")
    again.compare()
    assert list(again.ranking["名称"]) == ["影像云", "调度系统_二期"]
    assert list(again.ranking["Z"]) == [1, -1]
    assert again.compare_figure.value[:4] == b"\x89PNG"


def test_comparing_needs_two_deals_and_a_damaged_file_is_named(tmp_path):
    app = ScorecardApp(tmp_path)
    app.compare()
    assert "至少选择两个" in app.compare_result.value
    (tmp_path / "我的数据" / "机会评分卡" / "坏.json").write_text("{", encoding="utf-8")
    app.files.refresh()
    app.files.saved.value = "坏"
    app.files.open()
    assert "已损坏" in app.files.message.value


# ---------------------------------------------------------------- account map
PEOPLE = [["姓名", "职务", "层级", "审批链", "客户关系程度", "采购角色", "上级", "非正式影响（影响谁）"],
          ["张总", "总经理", "高层", "技术+商务", "CR2", "决策人", "", ""],
          ["刘工", "信息中心主任", "中层", "技术", "CR4", "", "张总", ""],
          ["陈主任", "采购部主任", "中层", "商务", 3, "采购人员", "张总", "刘工"],
          ["王秘书", "", "", "", "", "", "不认识的人", "张总"],
          ["", "无名", "低层", "", "", "", "", ""],
          ["坏层级", "", "董事", "", "", "", "", ""]]


def test_an_account_map_from_an_uploaded_list(tmp_path):
    app = OrgApp(tmp_path)
    app.upload.load("人员.xlsx", excel(PEOPLE))
    assert app.form.mapping()["influences"] == "非正式影响（影响谁）"
    app.form.submit()
    tree = app.tree
    assert [p.name for p in tree.chain("技术")] == ["张总", "刘工"]
    assert [p.name for p in tree.chain("商务")] == ["张总", "陈主任"]
    assert {(i.source, i.target) for i in tree.influences} == {("陈主任", "刘工"), ("王秘书", "张总")}
    assert tree.person("王秘书").reports_to == "" and tree.person("王秘书").cr.code == "CR1"
    problems = app.problems.value
    assert "第 6 行：姓名是空的" in problems and "第 7 行（坏层级）" in problems and "不认识的人" in problems
    assert "张总（CR2）" in app.result.value  # a relationship gap on both chains
    assert app.figure.value[:4] == b"\x89PNG"


def test_people_added_by_hand_saved_reopened_and_exported(tmp_path):
    app = OrgApp(tmp_path)
    for name, level, chain, cr, boss in (("张总", "高层", "技术+商务", "CR3", ""), ("刘工", "中层", "技术", "CR2", "张总")):
        for key, value in dict(name=name, level=level, chain=chain, cr=cr, reports_to=boss).items():
            app.person[key].value = value
        app.add_person()
    app.person["name"].value = "刘工"
    app.person["cr"].value = "CR5"          # same name: a change, not a second person
    app.person["reports_to"].value = "张总"
    app.add_person()
    assert [p.name for p in app.tree.order()] == ["张总", "刘工"] and app.tree.person("刘工").cr.code == "CR5"
    app.files.name.value = "华东电力"
    app.files.save()
    png = app.export()
    assert png.parent == tmp_path / "我的数据" / "导出" and png.read_bytes()[:4] == b"\x89PNG"
    app.remove_pick.value = "刘工"
    app.remove_person()
    assert [p.name for p in app.tree.people] == ["张总"]
    again = OrgApp(tmp_path)
    again.files.saved.value = "华东电力"
    again.files.open()
    assert again.tree.person("刘工").reports_to == "张总" and again.tree.person("刘工").chain == "技术"


# ---------------------------------------------------------------- segmentation
ACCOUNTS = [["客户名称", "年采购额", "我方份额"], ["华东电力", "800万", "60%"], ["星河医院", "3,000,000元", "10%"],
            ["蓝海银行", "50万", "0.5"], ["远山制造", "1200万", "5%"], ["坏行", "很多", "一半"]]


def test_segments_and_resources_of_my_accounts(tmp_path):
    app = SegmentationApp(tmp_path)
    app.upload.load("客户.xlsx", excel(ACCOUNTS))
    assert app.form.mapping() == {"customer": "客户名称", "potential": "年采购额", "share": "我方份额"}
    app.form.submit()
    assert "1 行有问题" in app.problems.value and "很多" in app.problems.value
    customers = app.customers.set_index("客户")
    assert customers.loc["星河医院", "采购潜力"] == 300 and customers.loc["蓝海银行", "客户份额"] == 0.5
    t = app.thresholds()
    assert (t.high, t.low) == (starting_thresholds(app.customers).high, starting_thresholds(app.customers).low)
    table, split = app.tables()
    for row in table.itertuples():
        assert row.细分 == segment(row.采购潜力, row.客户份额, t)
    assert split["投入占比"].sum() == pytest.approx(1)
    app.explorer.controls["high"].value = 1000
    table, _ = app.tables()
    assert table.set_index("客户").loc["华东电力", "细分"] == "维持"
    assert "资源分配" in app.resources.value
    xlsx, png = app.export()
    assert set(pd.read_excel(xlsx, sheet_name=None)) == {"客户分群", "资源分配"} and png.read_bytes()[:4] == b"\x89PNG"


# ---------------------------------------------------------------- templates and installation
@pytest.mark.parametrize("kind, app_class", [("pipeline", None), ("accounts", SegmentationApp), ("people", OrgApp)])
def test_each_template_has_chinese_headers_three_examples_and_is_read_back(tmp_path, kind, app_class):
    frame = pd.read_excel(io.BytesIO(appkit.template_bytes(kind)))
    assert len(frame) == 3 and all(any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in frame.columns)
    if app_class:
        app = app_class(tmp_path)
        app.upload.load("模板.xlsx", appkit.template_bytes(kind))
        app.form.submit()
        assert "有问题" not in getattr(app, "problems").value


def cells(notebook: bytes) -> list:
    """An app's cells (what the toolbox installs; Voila's launch adds this machine's language_info)."""
    return json.loads(notebook)["cells"]


def test_apps_are_installed_into_a_new_workspace_and_a_learners_change_is_kept(tmp_path):
    root = tmp_path / "还不存在" / "工作区"
    folder, kept = launch.install_apps(root)
    shipped = launch.app_files()
    assert folder == root / "工具箱" and kept == [] and (root / "我的数据").is_dir()
    assert set(shipped) == {"工具箱首页.ipynb", "我的项目管道.ipynb", "机会评分卡.ipynb", "客户关系图.ipynb", "客户分群.ipynb"}
    changed = folder / "机会评分卡.ipynb"
    changed.write_text(changed.read_text(encoding="utf-8").replace("ScorecardApp()", "ScorecardApp()  # 我的"),
                       encoding="utf-8")
    (folder / "客户分群.ipynb").unlink()
    mine = changed.read_bytes()
    _, kept = launch.install_apps(root)
    assert kept == ["机会评分卡.ipynb"] and changed.read_bytes() == mine
    assert cells((folder / "客户分群.ipynb").read_bytes()) == cells(shipped["客户分群.ipynb"])


def test_an_app_installed_by_an_older_kit_and_untouched_is_updated(tmp_path):
    folder, _ = launch.install_apps(tmp_path)
    old = b'{"old": "version"}'
    (folder / "客户分群.ipynb").write_bytes(old)
    manifest = json.loads((tmp_path / workspace.MANIFEST).read_text())
    manifest["工具箱/客户分群.ipynb"] = hashlib.sha256(old).hexdigest()  # as an older kit recorded it
    (tmp_path / workspace.MANIFEST).write_text(json.dumps(manifest))
    _, kept = launch.install_apps(tmp_path)
    assert kept == [] and cells((folder / "客户分群.ipynb").read_bytes()) == cells(launch.app_files()["客户分群.ipynb"])


def test_every_app_notebook_calls_an_app_of_the_package():
    for name, data in launch.app_files().items():
        code = "".join("".join(c["source"]) for c in json.loads(data)["cells"] if c["cell_type"] == "code")
        assert "keyaccount.toolbox" in code, name


def test_the_workspace_is_found_from_the_environment_or_the_toolbox_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(storage.ENV, str(tmp_path / "ws"))
    assert storage.workspace() == tmp_path / "ws"
    monkeypatch.delenv(storage.ENV)
    (tmp_path / "ws" / "工具箱").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "ws" / "工具箱")
    assert storage.workspace() == tmp_path / "ws"


def test_the_toolbox_command_line(tmp_path, monkeypatch):
    from keyaccount.course import cli

    calls = []
    monkeypatch.setattr(launch, "run", lambda root, port, browser: calls.append((root, port, browser)) or 0)
    assert cli.main(["toolbox", str(tmp_path / "ws"), "--no-browser", "--port", "9123"]) == 0
    assert cli.main(["toolbox"]) == 0
    from keyaccount.workspace import default_folder
    assert calls == [(tmp_path / "ws", 9123, False), (default_folder(), None, True)]
    command = launch.voila_command(tmp_path, 9123, "t")
    assert "--Voila.ip=127.0.0.1" in command and "--port=9123" in command and "--no-browser" in command


@pytest.mark.parametrize("lesson, app", [("01_funnel_forecast", "我的项目管道"), ("22_projects_statistics", "我的项目管道"),
                                         ("21_projects_decision_chain", "客户关系图"),
                                         ("40_opportunity_analysis", "机会评分卡"),
                                         ("44_customer_segmentation", "客户分群")])
def test_the_lesson_that_teaches_a_method_ends_with_a_pointer_to_its_app(root, lesson, app):
    last = json.loads((root / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))["cells"][-1]
    text = "".join(last["source"])
    assert last["cell_type"] == "markdown" and "keyaccount toolbox" in text
    assert f"工具箱/{app}.ipynb" in text and f"{app}.ipynb" in launch.app_files()


def test_names_from_the_learners_files_are_escaped_in_the_account_map_and_segments(tmp_path):
    org = OrgApp(tmp_path)
    org.person["name"].value = "<b>张总</b>"
    org.person["chain"].value = "技术"
    org.add_person()
    assert "<b>张总</b>" not in org.result.value and "&lt;b&gt;张总&lt;/b&gt;" in org.result.value
    seg = SegmentationApp(tmp_path)
    seg.upload.load("客户.xlsx", excel([ACCOUNTS[0], ["<i>华东</i>", "800万", "60%"], *ACCOUNTS[2:4]]))
    seg.form.submit()
    assert "<i>华东</i>" not in seg.explorer.result.value and "&lt;i&gt;华东&lt;/i&gt;" in seg.explorer.result.value
