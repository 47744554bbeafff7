"""Answers as plain data: the only form in which a value leaves a learner's process.

``encode`` (in the learner's process) writes JSON; ``decode`` (in the grader's process) parses
it strictly and rebuilds fresh built-in objects, so nothing a learner defined (a subclass, a
custom ``__eq__``) survives the trip. Plain means EXACTLY: None, bool, int, float, str, and
list / tuple / set / frozenset / dict of plain values. Everything but lists and JSON's own
scalars is tagged, so tuples, sets and non-string dict keys round-trip. Size and depth are
bounded on both sides.
"""
import json
import math

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_ITEMS = 100_000
MAX_INT_DIGITS = 1000

_SCALARS = (type(None), bool, int, float, str)
_TAGS = {"$tuple": tuple, "$set": set, "$frozenset": frozenset}
_SPECIAL_FLOATS = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


class NotPlain(ValueError):
    """The value (or the text claiming to hold one) is not plain data; ``str(e)`` says why."""


def _numpy_scalar_types():
    """Exact numpy scalar types a learner gets from pandas sums, read once at import."""
    try:
        import numpy
    except ImportError:
        return {}
    ints = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
    kinds = [(int, ints), (float, ("float16", "float32", "float64")), (bool, ("bool_",))]
    return {getattr(numpy, name): conv for conv, names in kinds for name in names}


_NUMPY = _numpy_scalar_types()


def encode(value) -> str:
    """JSON text for a plain ``value``; raises NotPlain naming the first type that is not plain."""
    budget = [MAX_ITEMS]
    text = json.dumps(_to_json(value, 0, budget), ensure_ascii=False, allow_nan=False)
    if len(text.encode()) > MAX_BYTES:
        raise NotPlain(f"答案太大（超过 {MAX_BYTES // 1000} KB）")
    return text


def decode(text: str):
    """The plain value ``encode`` wrote, rebuilt from built-in types; NotPlain on anything else."""
    if not isinstance(text, str) or len(text.encode()) > MAX_BYTES:
        raise NotPlain("答案数据太大或不是文本")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as e:
        raise NotPlain("答案数据无法解析") from e
    return _from_json(data, 0, [MAX_ITEMS])


def type_name(value) -> str:
    """A short, markup-free name of ``value``'s type for a learner-facing reason."""
    cls = type(value)
    name = f"{getattr(cls, '__module__', '') or ''}.{getattr(cls, '__qualname__', '') or ''}"
    name = name.removeprefix("builtins.")
    return "".join(ch for ch in name if ch.isalnum() or ch in "._")[:60] or "未知类型"


def _count(budget, depth):
    budget[0] -= 1
    if budget[0] < 0:
        raise NotPlain(f"答案太大（超过 {MAX_ITEMS} 个元素）")
    if depth > MAX_DEPTH:
        raise NotPlain(f"答案嵌套太深（超过 {MAX_DEPTH} 层）")


def _to_json(value, depth, budget):
    _count(budget, depth)
    cls = type(value)
    if cls in _NUMPY:
        value, cls = _NUMPY[cls](value), _NUMPY[cls]
    if cls is float and not math.isfinite(value):
        return {"$float": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}
    if cls is int and abs(value).bit_length() > MAX_INT_DIGITS * 3.33:
        raise NotPlain(f"整数太大（超过 {MAX_INT_DIGITS} 位）")
    if cls in _SCALARS:
        return value
    if cls is list:
        return [_to_json(v, depth + 1, budget) for v in value]
    for tag, container in _TAGS.items():
        if cls is container:
            items = [_to_json(v, depth + 1, budget) for v in value]
            return {tag: sorted(items, key=_order) if container is not tuple else items}
    if cls is dict:
        return {"$dict": [[_to_json(k, depth + 1, budget), _to_json(v, depth + 1, budget)]
                          for k, v in value.items()]}
    raise NotPlain(type_name(value))


def _order(item):
    """A stable order for set members, so equal sets encode to equal text."""
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _from_json(data, depth, budget):
    _count(budget, depth)
    cls = type(data)
    if cls in _SCALARS:
        if cls is str and len(data) > MAX_BYTES:
            raise NotPlain("文本太长")
        return data
    if cls is list:
        return [_from_json(v, depth + 1, budget) for v in data]
    if cls is not dict or len(data) != 1:
        raise NotPlain("答案数据格式不对")
    (tag, inner), = data.items()
    try:
        if tag == "$float" and inner in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[inner]
        if tag in _TAGS and type(inner) is list:
            return _TAGS[tag](_from_json(v, depth + 1, budget) for v in inner)
        if tag == "$dict" and type(inner) is list:
            pairs = [_pair(p, depth + 1, budget) for p in inner]
            return dict(pairs)
    except TypeError as e:  # an unhashable set member or dict key
        raise NotPlain("答案数据格式不对") from e
    raise NotPlain("答案数据格式不对")


def _pair(item, depth, budget):
    if type(item) is not list or len(item) != 2:
        raise NotPlain("答案数据格式不对")
    return _from_json(item[0], depth, budget), _from_json(item[1], depth, budget)


def _reject_constant(name):
    raise ValueError(f"not JSON: {name}")
