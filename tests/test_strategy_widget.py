"""Checklist form and SMART checker driven headless."""
import datetime as dt

from keyaccount.strategy.widget import ChecklistForm, SmartChecker


def test_ticking_questions_shrinks_the_gap_list():
    form = ChecklistForm("competition")
    assert "还有 4 个缺口" in form.result.value
    for box in form.boxes[:3]:
        box.value = True
    assert "还有 1 个缺口" in form.result.value and "认同竞争对手的决策人物" in form.result.value
    form.boxes[3].value = True
    assert "全部检查通过" in form.result.value


def test_switching_checklist_rebuilds_the_questions():
    form = ChecklistForm()
    form.checklist.value = "business"
    assert len(form.boxes) == 8 and "还有 8 个缺口" in form.result.value


def test_smart_checker_follows_the_fields():
    checker = SmartChecker(today=dt.date(2026, 11, 23))
    assert "还不是 SMART 目标" in checker.result.value
    values = {"what": "12 月 10 日前让李副总表态支持 ABC 方案", "measure": "李副总表态", "target": 1.0,
              "owner": "小王", "due": dt.date(2026, 12, 10), "overall_goal": "拿下 K 移动项目", "resources": "区域总经理"}
    for name, value in values.items():
        checker.controls[name].value = value
    assert "这是一个 SMART 目标" in checker.result.value
    checker.controls["what"].value = "尽量搞好关系"
    assert "尽量" in checker.result.value


def test_team_form_editor_checks_the_typed_stage_and_cr():
    from keyaccount.strategy.widget import TeamFormEditor

    editor = TeamFormEditor()
    values = {"reporter": "小王", "project": "K 移动网络优化", "amount": "300–500 万", "sign_date": "2026-12",
              "product": "网络优化", "stage": "P3", "leader": "小王", "monitor": "销售总监", "sponsor": "区域总经理",
              "members": "售前经理、商务经理", "cr_高": "CR2", "cr_中": "CR3", "cr_低": "CR4"}
    for name, value in values.items():
        editor.controls[name].value = value
    assert "填写完整" in editor.result.value
    assert editor.form().members == ("售前经理", "商务经理")
    editor.controls["stage"].value = "P2-P3"
    editor.controls["cr_中"].value = "很好"
    assert "还有 2 处要改" in editor.result.value and "P2-P3" in editor.result.value and "很好" in editor.result.value
