"""What every case widget shares: one layout, PNG rendering of a figure, display in a notebook.

The layout is one grid for all widgets, two columns wide. Controls come first, as a *form*:
rows of a label (the first column, ``LABEL_WIDTH``, wrapping, never cut off) and a control
(the second column, at most ``CONTROL_WIDTH``; a row of several controls gives each at most
``COLUMN_WIDTH``); or as *picks*: small controls (a checkbox, drop-downs) in the first column and a
text that wraps in the second. The results follow below the controls: the result text (HTML),
then the figure, scaled down to the width of the output when it is wider.
"""
import html
import io

import ipywidgets as w
import matplotlib.pyplot as plt

from keyaccount.validation import InputError

LABEL_WIDTH = "12em"
CONTROL_WIDTH = "38em"
COLUMN_WIDTH = "16em"
GAP = "8px"  # between the label column and the controls
FORM_WIDTH = f"calc({LABEL_WIDTH} + {GAP} + {CONTROL_WIDTH})"
BAD = "#d62728"


def figure_png(fig) -> bytes:
    """Render a figure to PNG bytes and close it (widgets show PNG in an ``ipywidgets.Image``)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()


def _text(text: str, width: str | None, align: str = "left", bold: bool = False) -> w.HTML:
    """A wrapping text cell (``ipywidgets.Label`` would cut a long text off with "…")."""
    style = f"line-height:1.35;padding:7px 0 4px;text-align:{align};overflow-wrap:anywhere"
    weight = ";font-weight:bold" if bold else ""
    if width:
        layout = w.Layout(width=width, flex="0 0 auto", margin=f"0 {GAP} 0 0")
    else:
        layout = w.Layout(flex="1 1 0%", min_width="0")
    return w.HTML(f"<div style='{style}{weight}'>{html.escape(text)}</div>", layout=layout)


def _fit(control: w.Widget, width: str | None = None) -> w.Widget:
    """Make ``control`` fill its share of a row (or take ``width``) instead of ipywidgets' fixed 300px."""
    control.layout.width = width or "auto"
    control.layout.flex = "0 0 auto" if width else "1 1 0%"
    control.layout.min_width = "0"
    return control


def row(label: str, *controls: w.Widget, header: bool = False) -> w.HBox:
    """One form row: the label, then the controls side by side in the rest of the column.

    A control's own ``description`` is cleared: the row's label says what it is.
    """
    for control in controls:
        if hasattr(control, "description") and not isinstance(control, w.Button):
            control.description = ""
    cells = [_text(label, LABEL_WIDTH, "right", bold=header),
             *(_text(c, None, bold=True) if isinstance(c, str) else _fit(c) for c in controls)]
    widest = CONTROL_WIDTH if len(controls) == 1 else f"{len(controls)} * {COLUMN_WIDTH}"
    return w.HBox(cells, layout=w.Layout(width="auto", align_items="flex-start",
                                         max_width=f"calc({LABEL_WIDTH} + {GAP} + {widest})"))


def form(*rows: w.Widget | tuple) -> w.VBox:
    """Rows under each other, every label the same width; a row is a ``row(...)``, a ``(label,
    control, ...)`` tuple, or any other widget (a section title, a button bar) shown full width."""
    return w.VBox([row(*r) if isinstance(r, tuple) else r for r in rows], layout=w.Layout(width="auto"))


def described(*controls: w.Widget) -> w.VBox:
    """A form whose labels are the controls' own descriptions."""
    return form(*((c.description, c) for c in controls))


def pick(control: w.Widget | tuple, text: str) -> w.HBox:
    """A small control in the label column, then a text that wraps (a checkbox, a sort-into drop-down);
    several controls (a tuple) stand under each other in the label column."""
    if isinstance(control, tuple):
        control = w.VBox([_fit(c) for c in control], layout=w.Layout(margin="0 0 8px 0"))
    if isinstance(control, w.Checkbox):
        control.indent, control.description = False, ""
        _fit(control, "auto")
    else:
        _fit(control)
    cell = w.HBox([control], layout=w.Layout(width=LABEL_WIDTH, flex="0 0 auto", margin=f"0 {GAP} 0 0",
                                             justify_content="flex-end"))
    return w.HBox([cell, _text(text, None)], layout=w.Layout(width="auto", align_items="flex-start",
                                                              max_width=FORM_WIDTH))


def picks(rows) -> w.VBox:
    """``pick`` rows under each other."""
    return w.VBox([pick(c, t) for c, t in rows], layout=w.Layout(width="auto"))


def heading(text: str) -> w.HTML:
    """A section title inside a form."""
    return w.HTML(f"<div style='font-weight:bold;padding:6px 0 2px'>{html.escape(text)}</div>",
                  layout=w.Layout(width="auto"))


def note(text: str) -> w.HTML:
    """A line of explanation above the controls (what to do, what a scale means)."""
    return w.HTML(f"<div style='line-height:1.35;padding:2px 0'>{html.escape(text)}</div>",
                  layout=w.Layout(width="auto"))


def buttons(*items: w.Button) -> w.HBox:
    """A row of buttons, lined up with the controls (after the label column)."""
    return w.HBox(list(items), layout=w.Layout(width="auto", padding=f"0 0 0 calc({LABEL_WIDTH} + {GAP})"))


def result_area() -> w.HTML:
    """The result text, as wide as the output."""
    return w.HTML(layout=w.Layout(width="auto"))


def figure_area() -> w.Image:
    """The figure, scaled down when wider than the output."""
    return w.Image(format="png", layout=w.Layout(max_width="100%", height="auto", margin="2px 0",
                                                 align_self="flex-start"))


def error_html(message: str) -> str:
    """A learner's wrong input, said in red."""
    return f"<p style='color:{BAD}'>输入有误：{html.escape(message)}</p>"


def panel(*parts: w.Widget) -> w.VBox:
    """Controls, then the results, under each other at the width of the output."""
    return w.VBox([p for p in parts if p is not None], layout=w.Layout(width="auto"))


class BoxDisplay:
    """A widget object shows its ``box`` when it is the last expression of a notebook cell."""

    box = None

    def _ipython_display_(self):
        from IPython.display import display

        display(self.box)


class CaseWidget(BoxDisplay):
    """Controls over a ``result`` (HTML) and, with ``figure=True``, a ``figure`` (PNG).

    The subclass's ``render()`` returns the result HTML (and sets ``figure.value``); it runs on
    every change of a watched control. An ``InputError`` is shown in Chinese instead.
    """

    figure = None

    def _show(self, controls: w.Widget, watch, figure: bool = False) -> None:
        self.result = result_area()
        if figure:
            self.figure = figure_area()
        self.box = panel(controls, self.result, self.figure)
        for control in watch:
            control.observe(self.update, names="value")
        self.update()

    def update(self, _change=None) -> None:
        try:
            self.result.value = self.render()
        except InputError as err:
            self.result.value = error_html(str(err))
        if self.figure is not None:
            self.figure.layout.display = None if self.figure.value else "none"  # no broken-image icon

    def render(self) -> str:
        raise NotImplementedError


class ControlsWidget(CaseWidget):
    """The plain case: ``controls`` (a dict) as a form labelled by their descriptions, and a figure."""

    def _wire(self, controls: dict) -> None:
        self.controls = controls
        self._show(described(*controls.values()), controls.values(), figure=True)
