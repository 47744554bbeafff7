"""Plan editor: pick a task and edit any column of the implementation plan, add or delete tasks,
move the tender close; see the plan table, the broken rules and the Gantt chart."""
import datetime as dt
import html
from dataclasses import replace

import ipywidgets as w

from keyaccount.widgets import CaseWidget, buttons, figure_png, form, heading
from keyaccount.plan import chart, model

TEXT_FIELDS = ("part", "content", "goal", "owner", "resources", "checkpoint")   # editable text columns


class PlanChecker(CaseWidget):
    """``deadline`` (DatePicker), ``task`` (which task to edit), ``start``/``end`` (DatePickers) and a Text per
    column in TEXT_FIELDS (``part``, ``content``, ``goal``, ``owner``, ``resources``, ``checkpoint``) edit the
    plan; ``add`` and ``delete`` (Buttons) add a task or delete the one shown; ``tasks`` is the current plan."""

    def __init__(self, tasks, deadline, title: str = "项目实施计划"):
        self.tasks, self.title = list(tasks), title
        self.deadline = w.DatePicker(value=model.as_date("截标日", deadline))
        self.task = w.Dropdown()
        self.start, self.end = w.DatePicker(), w.DatePicker()
        for name in TEXT_FIELDS:
            setattr(self, name, w.Text())
        self.add = w.Button(description="添加一项任务", icon="plus")
        self.delete = w.Button(description="删除这项任务", icon="trash")
        self.controls = {"deadline": self.deadline, "task": self.task, "start": self.start, "end": self.end,
                         **{name: getattr(self, name) for name in TEXT_FIELDS}}
        self.table = w.HTML(layout=w.Layout(width="auto"))
        self._loading = False
        self._refresh_task_list(self.tasks[0].id if self.tasks else None)
        controls = form(("截标日", self.deadline), heading("修改一项任务"), ("任务", self.task),
                        buttons(self.add, self.delete), ("开始 / 结束", self.start, self.end),
                        *((model.COLUMNS[name], getattr(self, name)) for name in TEXT_FIELDS), self.table)
        self._show(controls, [self.deadline, self.start, self.end, *(getattr(self, n) for n in TEXT_FIELDS)],
                   figure=True)
        self.task.observe(self._load_task, names="value")
        self.add.on_click(self._add)
        self.delete.on_click(self._delete)
        self._load_task()

    def _refresh_task_list(self, selected) -> None:
        self._loading = True
        self.task.options = [(f"{t.id} {t.part}", t.id) for t in self.tasks]
        self.task.value = selected
        self._loading = False

    def _current(self) -> int | None:
        return next((i for i, t in enumerate(self.tasks) if t.id == self.task.value), None)

    def _load_task(self, _change=None) -> None:
        if self._loading:
            return
        i = self._current()
        if i is not None:
            t = self.tasks[i]
            self._loading = True
            self.start.value, self.end.value = t.start, t.end
            for name in TEXT_FIELDS:
                getattr(self, name).value = getattr(t, name)
            self._loading = False
        self.update()

    def _add(self, _button=None) -> None:
        """A new task after the last one: one week ending on the tender close, owner and checkpoint to fill."""
        taken = {t.id for t in self.tasks}
        number = next(n for n in range(len(self.tasks) + 1, len(self.tasks) + 100) if f"T{n}" not in taken)
        end = self.deadline.value if isinstance(self.deadline.value, dt.date) else self.tasks[-1].end
        self.tasks.append(model.Task(id=f"T{number}", part="新任务", start=end - dt.timedelta(days=7), end=end))
        self._refresh_task_list(f"T{number}")
        self._load_task()

    def _delete(self, _button=None) -> None:
        i = self._current()
        if i is None or len(self.tasks) == 1:
            self.result.value = "<p style='color:#d62728'>计划里至少要留一项任务。</p>"
            return
        del self.tasks[i]
        self._refresh_task_list(self.tasks[min(i, len(self.tasks) - 1)].id)
        self._load_task()

    def update(self, _change=None) -> None:
        if not self._loading:
            super().update()

    def render(self) -> str:
        i = self._current()
        if i is not None and isinstance(self.start.value, dt.date) and isinstance(self.end.value, dt.date):
            self.tasks[i] = replace(self.tasks[i], start=self.start.value, end=self.end.value,
                                    **{name: getattr(self, name).value for name in TEXT_FIELDS})
            if self.task.label != f"{self.tasks[i].id} {self.tasks[i].part}":
                self._refresh_task_list(self.tasks[i].id)
        self.table.value = model.plan_table(self.tasks).reset_index().to_html(index=False)
        if not isinstance(self.deadline.value, dt.date):
            return "<p style='color:#d62728'>请先选择截标日。</p>"
        problems = model.plan_problems(self.tasks, self.deadline.value)
        self.figure.value = figure_png(chart.gantt_chart(self.tasks, self.deadline.value, self.title))
        return ("<p style='color:#2ca02c'><b>计划通过全部检查。</b></p>" if not problems else
                f"<p style='color:#d62728'><b>{len(problems)} 处需要修改：</b></p><ul>"
                + "".join(f"<li>{html.escape(p.message)}</li>" for p in problems) + "</ul>")
