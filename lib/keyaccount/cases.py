"""Case studies as data files: find, read and validate ``cases/<name>.yaml``.

A case file is YAML. Each module describes its case with a pydantic model; ``load_case``
checks the file against it and turns every problem into one Chinese message that names the
file and the field, so a trainer who edits a case for a client sees what to fix.
"""
import os
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from keyaccount.content import content_dir
from keyaccount.validation import InputError



_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_WRAPPED_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n?[ \t]*(?=[{_CJK}])")


class CaseFileError(InputError):
    """A case file is missing, not valid YAML, or has a wrong or missing field."""


class Case(BaseModel):
    """Fields every case file has; modules extend it with their own."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: str
    title: str
    source: str = ""
    story: str = ""

    @field_validator("story")
    @classmethod
    def _join_wrapped_chinese(cls, text: str) -> str:
        """YAML line wrapping leaves a space or newline between Chinese characters; drop it."""
        return _WRAPPED_CJK.sub("", text).strip()


def case_dirs() -> list[Path]:
    """Where case files are looked up: $KEYACCOUNT_CASES first (a workspace's or a trainer's own), then the kit's."""
    dirs = [Path(p) for p in os.environ.get("KEYACCOUNT_CASES", "").split(os.pathsep) if p]
    return dirs + [content_dir("cases")]


def case_path(name: str) -> Path:
    """The file of a case given by name (``usm_software``) or by path."""
    given = Path(name)
    if given.suffix in (".yaml", ".yml") and given.is_file():
        return given
    for folder in case_dirs():
        for suffix in (".yaml", ".yml"):
            path = folder / f"{name}{suffix}"
            if path.is_file():
                return path
    known = "、".join(sorted(list_cases())) or "（无）"
    raise CaseFileError(f"找不到案例 '{name}'。可用的案例：{known}。")


def list_cases(kind: str | None = None) -> list[str]:
    """Names of the available cases, optionally only those of one kind."""
    names = set()
    for folder in case_dirs():
        for path in folder.glob("*.y*ml"):
            if kind is None or _read(path).get("kind") == kind:
                names.add(path.stem)
    return sorted(names)


def load_case(name: str, model: type[BaseModel], reference: dict | None = None):
    """Read a case file and validate it against ``model``; errors name file and field.

    ``reference`` adds fields a shipped exercise case leaves out because they are the answers
    (the instructor's answer key passes them); see ``with_reference``.
    """
    path = case_path(name)
    data = with_reference(_read(path), reference or {})
    kind = model.model_fields["kind"].default if "kind" in model.model_fields else None
    if isinstance(kind, str) and data.get("kind") != kind:
        raise CaseFileError(f"案例文件 {path.name}：kind 应为 '{kind}'，收到 '{data.get('kind')}'。")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        lines = [f"- 字段 {_where(e['loc'])}：{_explain(e)}" for e in err.errors()]
        raise CaseFileError(f"案例文件 {path.name} 有 {len(lines)} 处错误：\n" + "\n".join(lines)) from None


def with_reference(data, reference):
    """``data`` with ``reference`` merged in: mappings field by field, a list of records by the
    record's ``name`` (or ``label``, ``id``) given as the key of ``reference``, or by position when
    ``reference`` is a list as long as ``data``."""
    if isinstance(data, dict) and isinstance(reference, dict):
        return {**data, **{k: with_reference(data.get(k), r) for k, r in reference.items()}}
    if isinstance(data, list) and isinstance(reference, list) and len(data) == len(reference):
        return [with_reference(item, r) for item, r in zip(data, reference)]
    if isinstance(data, list) and isinstance(reference, dict):
        return [with_reference(item, reference.get(next((item[k] for k in ("name", "label", "id") if k in item), None), {}))
                if isinstance(item, dict) else item for item in data]
    return reference if data is None or not isinstance(reference, dict) else data


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CaseFileError(f"案例文件 {path.name} 不是 UTF-8 编码，请用 UTF-8 另存。") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise CaseFileError(f"案例文件 {path.name} {where}不是有效的 YAML：{getattr(err, 'problem', err)}") from None
    if not isinstance(data, dict):
        raise CaseFileError(f"案例文件 {path.name} 的顶层应该是 字段: 值 的映射。")
    return data


def _where(loc: tuple) -> str:
    return ".".join(str(part + 1) if isinstance(part, int) else str(part) for part in loc) or "（整个文件）"


_MESSAGES = {
    "missing": "缺少这个必填字段",
    "extra_forbidden": "不认识这个字段（拼写错误？）",
    "float_parsing": "应该是数字",
    "float_type": "应该是数字",
    "int_parsing": "应该是整数",
    "int_type": "应该是整数",
    "int_from_float": "应该是整数",
    "string_type": "应该是文本",
    "list_type": "应该是列表",
    "tuple_type": "应该是列表",
    "dict_type": "应该是 字段: 值 的映射",
    "bool_type": "应该是 true 或 false",
    "bool_parsing": "应该是 true 或 false",
}


def _explain(error: dict) -> str:
    kind, ctx, got = error["type"], error.get("ctx", {}), error.get("input")
    shown = f"（收到 {got!r}）" if kind != "missing" and not isinstance(got, (dict, list)) else ""
    if kind in _MESSAGES:
        return _MESSAGES[kind] + shown
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤", "less_than": "<"}[kind]
        bound = next(iter(ctx.values()))
        return f"应 {sign} {bound}{shown}"
    if kind == "literal_error":
        return f"只能是 {ctx.get('expected', '')}{shown}"
    if kind in ("too_short", "too_long"):
        return f"长度不对：{error['msg']}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{error['msg']}{shown}"
