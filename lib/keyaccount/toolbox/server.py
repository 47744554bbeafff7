"""Voila as the toolbox serves it: loopback only, no code shown, a page that fetches nothing from the
internet (``voila_page/``), and the kit's CJK font served at ``/voila/static/`` so Chinese renders on
a machine without a Chinese system font."""
import sys
from importlib import resources
from pathlib import Path

from voila.app import Voila

from keyaccount.fonts import FONT_FILE

FONT_URL = f"/voila/static/{FONT_FILE}"
PAGE_TEMPLATE = Path(__file__).with_name("voila_page")


class ToolboxVoila(Voila):
    def setup_template_dirs(self):
        super().setup_template_dirs()
        self.template_paths.insert(0, str(PAGE_TEMPLATE))
        self.static_paths.append(str(resources.files("mplfonts") / "fonts"))


if __name__ == "__main__":
    sys.exit(ToolboxVoila.launch_instance())
