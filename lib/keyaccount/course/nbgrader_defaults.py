"""The kit's nbgrader settings, shared by the course config and throw-away courses."""

CODE_STUB = "# ↑ 请把上面模板里的 None 换成你的答案，然后运行本单元格"
TEXT_STUB = "请在这里写下你的回答。"
FEEDBACK_PREPROCESSORS = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",  # feedback never shows hidden tests …
    "keyaccount.course.feedback.ShortenTestErrors",  # … not even quoted in a traceback
    "keyaccount.course.feedback.LimitOutputSize",  # a huge output does not make a huge page
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
CELL_TIMEOUT = 60  # seconds; a cell that loops forever is stopped and scored 0
# Never copied from source to release or autograded: the answer key stays on the instructor's side.
IGNORED = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "answer_key.py"]


def apply(c) -> None:
    """Set the kit's defaults on an nbgrader config object ``c``."""
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
    c.GenerateFeedback.preprocessors = FEEDBACK_PREPROCESSORS
    c.Execute.timeout = CELL_TIMEOUT
    c.CourseDirectory.ignore = IGNORED


CONFIG_FILE = """\
from keyaccount.course.nbgrader_defaults import apply
apply(get_config())
"""
