"""Answer keys: ``<course source>/<assignment>/answer_key.py`` on the instructor's side only.

The installed package never holds a key. A key is found from a folder inside a course (a
kernel's working folder during grading): the nearest folder with nbgrader_config.py is the
course, and its source folder (solutions/ in the repository, source/ in a trainer's course)
holds the keys.
"""
import importlib.util
from pathlib import Path

from keyaccount.compare import Amount, is_number
from keyaccount.course.layout import Course
from keyaccount.validation import InputError

KEY_FILE = "answer_key.py"


class NoAnswerKey(InputError):
    """No answer key here (a learner's own machine, or a course without the assignment's key)."""

    def _render_traceback_(self) -> list[str]:  # IPython shows this line instead of a traceback
        return [str(self)]


def load_key_module(source_dir: Path, assignment: str):
    """The module ``<source_dir>/<assignment>/answer_key.py`` (its ``answer_key()`` and the author's ``HINTS``)."""
    path = Path(source_dir) / assignment / KEY_FILE
    if not path.is_file():
        raise NoAnswerKey(f"找不到练习 {assignment} 的答案表：{path} 不存在。")
    spec = importlib.util.spec_from_file_location(f"keyaccount_answer_key_{assignment}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        raise InputError(f"答案表 {path} 无法加载：{type(error).__name__}: {error}") from None
    return module


def load_answer_key(source_dir: Path, assignment: str) -> dict:
    """The expected answers of ``assignment``: answer variable name → value.

    The numbers of the answers the key's ``AMOUNTS`` names (computed amounts, not judgements) become
    ``compare.Amount``: only they are told which way a wrong answer is off."""
    module = load_key_module(source_dir, assignment)
    try:
        key = module.answer_key()
    except Exception as error:
        raise InputError(f"答案表 {module.__file__} 无法计算答案：{type(error).__name__}: {error}") from None
    return {name: _amounts(value) if name in getattr(module, "AMOUNTS", ()) else value for name, value in key.items()}


def _amounts(value):
    if isinstance(value, dict):
        return {k: _amounts(v) for k, v in value.items()}
    return Amount(value) if is_number(value) else value


def course_source(start: Path | None = None) -> Path | None:
    """The source folder of the course that ``start`` (default: the working folder) is in, or None."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file():
            return Course.at(folder).source
    return None


def find_answer_key(assignment: str, start: Path | None = None) -> dict:
    """The key of ``assignment`` for the course around ``start``; NoAnswerKey when there is none."""
    source = course_source(start)
    if source is None or not (source / assignment / KEY_FILE).is_file():
        raise NoAnswerKey(f"这里没有练习 {assignment} 的答案表（答案只在培训师的课程文件夹里），"
                          "所以不能在这台电脑上评分。请用自查单元格检查格式，提交后由培训师批改。")
    return load_answer_key(source, assignment)
