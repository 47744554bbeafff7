"""The hub's own pages in Chinese: the kit's templates (templates/) and what they are given at hub start."""
from pathlib import Path

from keyaccount import webfont

TEMPLATES = Path(__file__).parent / "templates"
HUB_CODE = Path(__file__).parent
SERVICE_NAMES: dict[str, str] = {"dashboard": "培训师看板", "submit": "提交作业"}  # service → label in the navigation bar


def template_vars() -> dict:
    """Variables of every hub page: the web font for the Chinese of the kit's templates and of the
    hub's Chinese messages (log-in, password, start-up errors), and the services' Chinese labels."""
    text = "".join(p.read_text("utf-8") for p in sorted(TEMPLATES.glob("*.html")))
    text += "".join(p.read_text("utf-8") for p in sorted(HUB_CODE.glob("*.py")))
    text += "".join(SERVICE_NAMES.values())
    return {"keyaccount_font_css": webfont.standalone_css(text), "keyaccount_service_names": SERVICE_NAMES}
