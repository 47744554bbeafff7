"""Fishbone editor: add causes to bones and move them between bones; the drawing follows."""
import html

import ipywidgets as w

from keyaccount.fishbone import chart, model
from keyaccount.validation import InputError
from keyaccount.widgets import CaseWidget, buttons, figure_png, form, heading


class FishboneEditor(CaseWidget):
    """``new_cause`` + ``new_bone`` + ``add``; ``cause`` + ``to_bone`` + ``move`` (and ``remove``).

    ``fishbone`` is the current (immutable) fishbone; ``result`` lists the causes per bone.
    """

    def __init__(self, fishbone: model.Fishbone, title: str = "鱼骨图"):
        self.fishbone, self.title, self.message = fishbone, title, ""
        bones = list(fishbone.bones)
        self.new_cause = w.Text(placeholder="例如：徐经理担心优化影响网络稳定")
        self.new_bone = w.Dropdown(options=bones)
        self.add = w.Button(description="添加", button_style="primary")
        self.cause = w.Dropdown()
        self.to_bone = w.Dropdown(options=bones)
        self.move = w.Button(description="移动")
        self.remove = w.Button(description="删除", button_style="warning")
        self.controls = {"new_cause": self.new_cause, "new_bone": self.new_bone,
                         "cause": self.cause, "to_bone": self.to_bone}
        self.add.on_click(lambda _b: self._apply(lambda fb: fb.add(self.new_cause.value, self.new_bone.value)))
        self.move.on_click(lambda _b: self._apply(lambda fb: fb.move(self.cause.value, self.to_bone.value)))
        self.remove.on_click(lambda _b: self._apply(lambda fb: fb.remove(self.cause.value)))
        controls = form(heading("添加原因"), ("新原因", self.new_cause), ("放到", self.new_bone), buttons(self.add),
                        heading("移动或删除原因"), ("原因", self.cause), ("移到", self.to_bone),
                        buttons(self.move, self.remove))
        self._show(controls, (), figure=True)

    def _apply(self, change) -> None:
        try:
            self.fishbone = change(self.fishbone)
        except InputError as err:
            self.message = str(err)
        else:
            self.message = ""
            self.new_cause.value = ""
        self.update()

    def render(self) -> str:
        fb = self.fishbone
        chosen, ids = self.cause.value, [c.id for c in fb.causes]
        self.cause.options = [(f"{c.id} {c.text}（{c.bone}）", c.id) for c in fb.causes]
        self.cause.value = chosen if chosen in ids else (ids[0] if ids else None)
        rows = "".join(f"<tr><td>{html.escape(b)}</td><td>{len(fb.on(b))}</td></tr>" for b in fb.bones)
        warn = f"<p style='color:#d62728'>{html.escape(self.message)}</p>" if self.message else ""
        empty = [b for b in fb.bones if not fb.on(b)]
        hint = f"<p>还没有原因的鱼骨：{'、'.join(empty)}。想一想这些方面会不会影响项目？</p>" if empty else ""
        self.figure.value = figure_png(chart.fishbone_chart(fb, self.title))
        return f"{warn}<table><tr><th>鱼骨</th><th>原因数</th></tr>{rows}</table>{hint}"
