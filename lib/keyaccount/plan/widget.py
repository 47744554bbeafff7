"""Plan checker: move the tender close or a task's dates and owner, see the broken rules and the Gantt chart."""
import datetime as dt
import html
from dataclasses import replace

import ipywidgets as w

from keyaccount.widgets import CaseWidget, figure_png, form, heading
from keyaccount.plan import chart, model


class PlanChecker(CaseWidget):
    """``deadline`` (DatePicker), ``task`` (which task to edit), ``start``/``end`` (DatePickers),
    ``owner`` and ``checkpoint`` (Text) edit the plan; ``tasks`` is the current plan."""

    def __init__(self, tasks, deadline, title: str = "项目实施计划"):
        self.tasks, self.title = list(tasks), title
        self.deadline = w.DatePicker(value=model.as_date("截标日", deadline))
        self.task = w.Dropdown(options=[(f"{t.id} {t.part}", t.id) for t in self.tasks])
        self.start, self.end = w.DatePicker(), w.DatePicker()
        self.owner, self.checkpoint = w.Text(), w.Text()
        self.controls = {"deadline": self.deadline, "task": self.task, "start": self.start, "end": self.end,
                         "owner": self.owner, "checkpoint": self.checkpoint}
        self._loading = False
        controls = form(("截标日", self.deadline), heading("修改一项任务"), ("任务", self.task),
                        ("开始 / 结束", self.start, self.end), ("责任人", self.owner), ("监控点", self.checkpoint))
        self._show(controls, [self.deadline, self.start, self.end, self.owner, self.checkpoint], figure=True)
        self._load_task()
        self.task.observe(self._load_task, names="value")

    def _current(self) -> int:
        return next(i for i, t in enumerate(self.tasks) if t.id == self.task.value)

    def _load_task(self, _change=None) -> None:
        t = self.tasks[self._current()]
        self._loading = True
        self.start.value, self.end.value, self.owner.value, self.checkpoint.value = t.start, t.end, t.owner, t.checkpoint
        self._loading = False
        self.update()

    def update(self, _change=None) -> None:
        if not self._loading:
            super().update()

    def render(self) -> str:
        i = self._current()
        if isinstance(self.start.value, dt.date) and isinstance(self.end.value, dt.date):
            self.tasks[i] = replace(self.tasks[i], start=self.start.value, end=self.end.value,
                                    owner=self.owner.value, checkpoint=self.checkpoint.value)
        if not isinstance(self.deadline.value, dt.date):
            return "<p style='color:#d62728'>请先选择截标日。</p>"
        problems = model.plan_problems(self.tasks, self.deadline.value)
        self.figure.value = figure_png(chart.gantt_chart(self.tasks, self.deadline.value, self.title))
        return ("<p style='color:#2ca02c'><b>计划通过全部检查。</b></p>" if not problems else
                f"<p style='color:#d62728'><b>{len(problems)} 处需要修改：</b></p><ul>"
                + "".join(f"<li>{html.escape(p.message)}</li>" for p in problems) + "</ul>")
