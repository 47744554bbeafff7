"""The kit's nbgrader settings, shared by the course config and throw-away courses."""
from importlib.util import find_spec
from pathlib import Path

from keyaccount.jupyter_settings import kernel_config

CODE_STUB = "# ↑ 请把上面模板里的 None 换成你的答案，然后运行本单元格"
TEXT_STUB = "请在这里写下你的回答。"
FEEDBACK_PREPROCESSORS = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",  # feedback never shows hidden tests …
    "keyaccount.course.feedback.ShortenTestErrors",  # … not even quoted in a traceback
    "keyaccount.course.feedback.LimitOutputSize",  # a huge output does not make a huge page
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "keyaccount.course.feedback.EmbedWebFont",  # Chinese shows without a CJK system font
]
# nbgrader's own feedback page, without MathJax from a CDN (feedback_template/ holds only that macro)
FEEDBACK_TEMPLATE = Path(__file__).with_name("feedback_template")
NBGRADER_TEMPLATES = Path(find_spec("nbgrader").origin).parent / "server_extensions" / "formgrader" / "templates"
CELL_TIMEOUT = 60  # seconds; a cell that loops forever is stopped and scored 0
# Never copied from source to release or autograded: the answer key stays on the instructor's side.
IGNORED = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "answer_key.py"]


def apply(c) -> None:
    """Set the kit's defaults on an nbgrader config object ``c``."""
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
    c.GenerateFeedback.preprocessors = FEEDBACK_PREPROCESSORS
    c.HTMLExporter.template_name = FEEDBACK_TEMPLATE.name
    c.HTMLExporter.extra_template_basedirs = [str(FEEDBACK_TEMPLATE.parent), str(NBGRADER_TEMPLATES)]
    c.Execute.timeout = CELL_TIMEOUT
    c.CourseDirectory.ignore = IGNORED
    c.merge(kernel_config())  # kernels talk encrypted: no "running over TCP without encryption"


CONFIG_FILE = """\
from keyaccount.course.nbgrader_defaults import apply
apply(get_config())
"""
