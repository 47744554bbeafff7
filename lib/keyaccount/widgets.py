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
