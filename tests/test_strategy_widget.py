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
