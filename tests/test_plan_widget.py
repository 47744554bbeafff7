"""Plan checker driven headless: editing a task or the tender close re-checks the plan."""
import datetime as dt

from keyaccount.plan.case import load_project_case
from keyaccount.plan.widget import PlanChecker


def test_fixing_the_draft_clears_its_problems():
    case = load_project_case("strategy_kmobile")
    checker = PlanChecker(case.tasks(draft=True), case.tender_close)
    assert "7 处需要修改" in checker.result.value
    checker.task.value = "D3"
    checker.start.value = dt.date(2026, 12, 1)
    assert "6 处需要修改" in checker.result.value and "D3" not in checker.result.value
    checker.task.value = "D2"
    checker.owner.value = "小王"
    assert "5 处需要修改" in checker.result.value
    assert checker.figure.value.tobytes().startswith(b"\x89PNG")


def test_moving_the_tender_close_earlier_flags_late_tasks():
    case = load_project_case("strategy_kmobile")
    checker = PlanChecker(case.tasks(), case.tender_close)
    assert "通过全部检查" in checker.result.value
    checker.deadline.value = dt.date(2026, 12, 15)
    assert "T6" in checker.result.value and "T7" in checker.result.value


def test_cleared_dates_give_a_message_not_a_crash():
    case = load_project_case("strategy_kmobile")
    checker = PlanChecker(case.tasks(), case.tender_close)
    checker.end.value = None
    assert "通过全部检查" in checker.result.value
    checker.deadline.value = None
    assert "请先选择截标日" in checker.result.value


def test_drafting_a_plan_edits_every_column_and_adds_and_deletes_tasks():
    case = load_project_case("strategy_kmobile")
    editor = PlanChecker(case.tasks()[:1], case.tender_close)
    editor.add.click()
    assert editor.task.value == "T2" and "没有责任人" in editor.result.value and "没有监控点" in editor.result.value
    editor.part.value = "高层突破"
    editor.content.value = "拜访李副总"
    editor.goal.value = "李副总成为支持者"
    editor.resources.value = "区域总经理陪同"
    editor.owner.value = "小王"
    editor.checkpoint.value = "李副总表态"
    assert "通过全部检查" in editor.result.value
    assert ("T2 高层突破", "T2") in editor.task.options
    for text in ("拜访李副总", "李副总成为支持者", "区域总经理陪同"):
        assert text in editor.table.value
    editor.delete.click()
    assert [t.id for t in editor.tasks] == ["T1"] and editor.task.value == "T1"
    editor.delete.click()
    assert "至少要留一项任务" in editor.result.value and len(editor.tasks) == 1


def test_the_plan_table_escapes_what_the_learner_typed():
    case = load_project_case("strategy_kmobile")
    editor = PlanChecker(case.tasks()[:1], case.tender_close)
    editor.content.value = "<b>x</b>"
    assert "<b>x</b>" not in editor.table.value and "&lt;b&gt;x&lt;/b&gt;" in editor.table.value
