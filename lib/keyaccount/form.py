"""The form of each answer, for the learner's self-check: never whether an answer is right.

An exercise's ``form.json`` (beside its notebook, made by ``keyaccount.course.generate`` from the
instructor's key) says per answer its type, the keys of a dict, the length of a list, the options
the question text offers, and hints the exercise's author wrote (a plausible range and what to
check). Nothing in it is an expected value. ``problems`` says what is wrong with an answer's form;
``hints`` which author hints apply; ``question_lines`` and ``summary`` are what the in-notebook
check and ``keyaccount check`` print.
"""
import json
from dataclasses import dataclass
from pathlib import Path

from keyaccount.compare import MISSING, is_number
from keyaccount.course.layout import Course
from keyaccount.validation import shown

FORM_FILE = "form.json"
TYPE_NAMES = {"number": "一个数字", "text": "文字（加引号）", "bool": "True 或 False", "dict": "对照表 {名称: 答案}",
              "list": "列表 [ … ]", "set": "一组（集合 { … } 或列表 [ … ]）"}


class FormError(AssertionError):
    """An answer does not have the form the question asks for; shown without a Python traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython shows these lines instead of a traceback
        return [str(self)]


class NoForm(FormError):
    """No form.json for the exercise where the notebook is."""


@dataclass(frozen=True)
class Question:
    title: str
    answers: tuple[str, ...]   # automatically graded answer names
    manual: bool               # (also) graded by the trainer


@dataclass(frozen=True)
class Form:
    assignment: str
    answers: dict              # answer name -> spec node
    questions: tuple[Question, ...]

    @classmethod
    def from_json(cls, data: dict) -> "Form":
        questions = tuple(Question(q["title"], tuple(q["answers"]), q["manual"]) for q in data["questions"])
        return cls(data["assignment"], data["answers"], questions)


def asdict(form: Form) -> dict:
    """``form`` as in form.json."""
    return {"assignment": form.assignment, "answers": form.answers,
            "questions": [{"title": q.title, "answers": list(q.answers), "manual": q.manual} for q in form.questions]}


def load_form(assignment: str, start: Path | None = None) -> Form:
    """The form of ``assignment``: form.json in ``start`` (the notebook's folder) or its course's folders."""
    here = Path(start or Path.cwd()).resolve()
    candidates = [here / FORM_FILE]
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file():
            course = Course.at(folder)
            candidates += [course.release / assignment / FORM_FILE, course.source / assignment / FORM_FILE]
            break
    for path in candidates:
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("assignment") == assignment:
                return Form.from_json(data)
    raise NoForm(f"找不到练习 {assignment} 的格式说明（{FORM_FILE}）：请把笔记本放回练习文件夹"
                 f"（和 {FORM_FILE} 在一起）后再运行。")


# ---------------------------------------------------------------- one answer
def _kind(value) -> str | None:
    if isinstance(value, bool):
        return "bool"
    if is_number(value):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "dict"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, (set, frozenset)):
        return "set"
    return None


def _keys(spec: dict) -> list:
    return [key for key, _ in spec["keys"]]


def problems(value, spec: dict) -> list[str]:
    """What is wrong with the form of ``value`` (empty when its form is right)."""
    if value is None:
        return ["还没有填写：请把模板里的 None 换成你的答案。"]
    want, got = spec["type"], _kind(value)
    if want == "set" and got == "list":
        got = "set"
    if got != want:
        if want == "number" and got == "text":
            return ["应该是数字，不要加引号。"]
        return [f"应该是{TYPE_NAMES[want]}，现在是{TYPE_NAMES[got] if got else shown(value)}。"]
    if want == "dict":
        keys = _keys(spec)
        missing = [k for k in keys if k not in value]
        extra = [k for k in value if k not in keys]
        if missing:
            return [f"缺少这些键：{'、'.join(map(str, missing))}。"]
        if extra:
            return [f"多出了这些键：{'、'.join(map(str, extra))}（请不要改动模板里的键）。"]
        if value and all(v is None for v in value.values()):
            return ["还没有填写：请把模板里的 None 换成你的答案。"]
        return [f"{key} —— {p}" for key, sub in spec["keys"] for p in problems(value[key], sub)]
    if want == "list" and "length" in spec and len(value) != spec["length"]:
        return [f"应该有 {spec['length']} 项，现在有 {len(value)} 项。"]
    if want in ("list", "set") and "item" in spec:
        found = []
        for item in value:
            found += [p for p in problems(item, spec["item"]) if p not in found]
        return [f"其中的一项 —— {p}" for p in found]
    if "options" in spec and not any(_same_option(value, o) for o in spec["options"]):
        return [f"应该从 {'、'.join(map(_shown, spec['options']))} 中选一个，现在是 {_shown(value)}。"]
    if spec.get("ratio") and abs(value) > 10:
        return ["比例请写成小数（例如 85% 写成 0.85）。"]
    return []


def _same_option(value, option) -> bool:
    if isinstance(value, str) and isinstance(option, str):
        return value.strip().upper() == option.strip().upper()
    return value == option


def _shown(value) -> str:
    return f"“{value}”" if isinstance(value, str) else repr(value)


def hints(value, spec: dict, where: str = "") -> list[str]:
    """The author's hints whose plausible range ``value`` (of the right form) is outside."""
    found = []
    if spec["type"] == "dict" and isinstance(value, dict):
        for key, sub in spec["keys"]:
            found += hints(value.get(key), sub, f"{where}{key}：")
    elif spec["type"] in ("list", "set") and "item" in spec and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            found += [h for h in hints(item, spec["item"], where) if h not in found]
    elif "range" in spec and is_number(value):
        low, high = spec["range"]
        if not low <= value <= high:
            found.append(f"{where}{spec['hint']}")
    return found


def answer_lines(name: str, value, spec: dict) -> tuple[bool, list[str]]:
    """Whether the form of answer ``name`` is right, and what to tell the learner about it."""
    if value is MISSING:
        return False, [f"{name}：还没有找到这个答案 —— 请先运行填写答案的单元格。"]
    wrong = problems(value, spec)
    if wrong:
        return False, [f"{name}：格式还不对 —— {wrong[0]}"] + [f"  {p}" for p in wrong[1:]]
    return True, [f"{name}：格式正确。"] + [f"  提示：{h}" for h in hints(value, spec)]


# ---------------------------------------------------------------- the whole exercise
def short_title(title: str) -> str:
    """"第 5 题　思考（3 分，由培训师批改）" → "第 5 题　思考"."""
    return title.split("（")[0].strip()


def summary(form: Form, values: dict) -> tuple[bool, str]:
    """The whole self-check: each automatically graded question's form, and who grades the others."""
    lines, auto, good, manual = [], 0, 0, []
    for q in form.questions:
        if q.manual and not q.answers:
            manual.append(short_title(q.title))
            continue
        auto += 1
        ok_all, body = True, []
        for name in q.answers:
            ok, said = answer_lines(name, values.get(name, MISSING), form.answers[name])
            ok_all &= ok
            body += said
        good += ok_all
        lines.append(short_title(q.title))
        lines += [f"  {line}" for line in body]
        if q.manual:
            manual.append(f"{short_title(q.title)}的文字部分")
    lines.append(f"自动批改的 {auto} 题中，{good} 题格式正确。格式正确不代表答案正确：对错在提交后批改。")
    if manual:
        lines.append(f"由培训师批改：{'、'.join(manual)}。")
    return good == auto, "\n".join(lines)
