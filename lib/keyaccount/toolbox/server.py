"""Voila as the toolbox serves it: loopback only, no code shown, and the kit's CJK font served at
``/voila/static/`` so Chinese renders on a machine without a Chinese system font."""
import sys
from importlib import resources

from voila.app import Voila

from keyaccount.fonts import FONT_FILE

FONT_URL = f"/voila/static/{FONT_FILE}"


class ToolboxVoila(Voila):
    def setup_template_dirs(self):
        super().setup_template_dirs()
        self.static_paths.append(str(resources.files("mplfonts") / "fonts"))


if __name__ == "__main__":
    sys.exit(ToolboxVoila.launch_instance())
