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
