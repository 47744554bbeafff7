"""What every case widget shares: PNG rendering of a figure and display in a notebook."""
import io

import matplotlib.pyplot as plt


def figure_png(fig) -> bytes:
    """Render a figure to PNG bytes and close it (widgets show PNG in an ``ipywidgets.Image``)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()


class BoxDisplay:
    """A widget object shows its ``box`` when it is the last expression of a notebook cell."""

    box = None

    def _ipython_display_(self):
        from IPython.display import display

        display(self.box)


class ControlsWidget(BoxDisplay):
    """Controls stacked over a result (HTML) and a figure (PNG); the subclass's ``_update`` runs on every change."""

    def _wire(self, controls: dict) -> None:
        import ipywidgets as widgets

        self.controls = controls
        self.result = widgets.HTML()
        self.figure = widgets.Image(format="png")
        self.box = widgets.VBox([*controls.values(), self.result, self.figure])
        for control in controls.values():
            control.observe(self._update, names="value")
        self._update()
