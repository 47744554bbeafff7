"""What a learner's kernel holds in an exercise does not contain the key of a judgement answer.

For each exercise the learner's own notebook (exercises/<a>/<a>.ipynb) is run without its answer
and check cells; everything it leaves in the kernel, what the exercise helper's functions return
and what the case objects' own methods compute is collected as records (the fields of one object,
one entry of a table), and so is what the case files the exercise reads hold (a learner's kernel
can load them with the kit's loaders, or open the YAML). A judgement answer "is in the data" when
one container holds more than half of its entries as records: the answer's label (a person, a
deal, 事实3 …) or its position, together with the key's value for it. A label also stands for what
the exercise shows with it (信息1 → the card's text), so a case file holding that text with its
quadrant under another id holds the answer. A scalar text answer is in the data when it is the
value of a field; a set answer when a list holds exactly those objects. Answers the kit still lets
a learner read are listed in ``exercise_points.LEFT`` with the reason (they then do not count as
judgement points).
"""
import contextlib
import dataclasses
import functools
import importlib
import inspect
import io
import pkgutil
import re
import typing

import nbformat
import pandas as pd
import pytest
from pydantic import BaseModel

import keyaccount
from conftest import ROOT, answer_key, key_references
from exercise_points import LEFT
from keyaccount.cases import Case, _read, case_path, list_cases, with_reference
from keyaccount.course.keys import load_key_module

ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
ATOMS = (str, int, float, bool)



def learner_kernel(assignment: str) -> dict:
    """The names the learner's notebook defines before any answer is written (answer and check cells skipped)."""
    nb = nbformat.read(ROOT / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    names: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type != "code" or meta.get("solution") or meta.get("grade") or "check(" in cell.source:
                continue
            exec(compile("\n".join(l for l in cell.source.splitlines() if not l.startswith("%")), assignment, "exec"),
                 names)
    return {k: v for k, v in names.items() if not k.startswith("_")}


def helper_returns(assignment: str) -> list:
    """What the functions of lib/keyaccount/exercises/<a>.py return (those called without arguments)."""
    path = ROOT / "lib" / "keyaccount" / "exercises" / f"{assignment}.py"
    if not path.is_file():
        return []
    module = importlib.import_module(f"keyaccount.exercises.{assignment}")
    return [fn() for fn in vars(module).values() if inspect.isfunction(fn) and fn.__module__ == module.__name__
            and not any(p.default is p.empty for p in inspect.signature(fn).parameters.values())]


def method_results(obj) -> list:
    """What the kit's own methods of ``obj`` compute when called without arguments (failures are no data)."""
    out = []
    for klass in type(obj).__mro__:
        if not klass.__module__.startswith("keyaccount"):
            continue
        for name, fn in vars(klass).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            params = list(inspect.signature(fn).parameters.values())[1:]
            if any(p.default is p.empty for p in params):
                continue
            with contextlib.suppress(Exception), contextlib.redirect_stdout(io.StringIO()):
                out.append(getattr(obj, name)())
    return out


def _fields(obj):
    """(name, value) of a kit object's fields, or None when ``obj`` is not one."""
    if isinstance(obj, BaseModel):
        return [(k, getattr(obj, k)) for k in type(obj).model_fields]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)]
    return None


def _atoms(value) -> set:
    """The atomic values a record shows directly: a value, or the members of a flat collection."""
    if isinstance(value, ATOMS):
        return {value}
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(x, ATOMS) for x in value):
        return set(value)
    return set()


def record(obj) -> set:
    """What one object shows: its atomic fields (or itself)."""
    fields = _fields(obj)
    if fields is None:
        return _atoms(obj)
    return set().union(*(_atoms(v) for _, v in fields))


def containers(roots, methods: bool = True):
    """Every container reachable from ``roots`` as (keyed records, positional records, field values);
    ``methods``: with what the kit's objects compute (see ``method_results``)."""
    seen, todo = set(), list(roots)
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, ATOMS) or obj is None or inspect.ismodule(obj) or callable(obj):
            continue
        seen.add(id(obj))
        if isinstance(obj, pd.DataFrame):
            rows = [set(row) for row in obj.reset_index().itertuples(index=False)]
            yield rows, rows, set()
        elif isinstance(obj, dict):
            yield [{k} | record(v) for k, v in obj.items()], [record(v) for v in obj.values()], set()
            todo += list(obj.values())
        elif isinstance(obj, (list, tuple, set, frozenset)):
            rows = [record(v) for v in obj]
            yield rows, rows, set()
            todo += list(obj)
        elif (fields := _fields(obj)) is not None:
            yield [], [], {v for _, v in fields if isinstance(v, str)}
            todo += [v for _, v in fields] + (method_results(obj) if methods else [])


def case_loaders() -> dict:
    """{case kind: the kit's loader of it} (each ``keyaccount.<module>.case``'s ``load_…`` functions)."""
    loaders = {}
    for info in pkgutil.iter_modules(keyaccount.__path__):
        if not info.ispkg or importlib.util.find_spec(f"keyaccount.{info.name}.case") is None:
            continue
        module = importlib.import_module(f"keyaccount.{info.name}.case")
        for name, fn in vars(module).items():
            if not (name.startswith("load_") and inspect.isfunction(fn) and fn.__module__ == module.__name__):
                continue
            model = typing.get_type_hints(fn).get("return")
            if isinstance(model, type) and issubclass(model, Case):
                loaders[model.model_fields["kind"].default] = fn
    return loaders


@functools.cache
def case_file_data(name: str) -> tuple:
    """The containers of what a shipped case file holds, read by the kit's loader of its kind."""
    return tuple(containers([case_loaders()[_read(case_path(name))["kind"]](name)], methods=False))


def exercise_cases(assignment: str) -> list:
    """The shipped cases the exercise reads: named in the learner's notebook or in its helper module."""
    text = (ROOT / "exercises" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8")
    helper = ROOT / "lib" / "keyaccount" / "exercises" / f"{assignment}.py"
    text += helper.read_text(encoding="utf-8") if helper.is_file() else ""
    return [name for name in list_cases() if re.search(rf"\b{name}\b", text)]


def exercise_data(assignment: str) -> list:
    """The containers of what the exercise itself gives the learner (its kernel, its helper's returns)."""
    return list(containers([*learner_kernel(assignment).values(), *helper_returns(assignment)]))


def shown_with(labels, data) -> dict:
    """{label: the texts shown in the same record as it (信息1 → the card's text)} over ``data``."""
    shown = {label: set() for label in labels}
    for keyed, positional, _ in data:
        for rec in (*keyed, *positional):
            for label in shown.keys() & rec:
                shown[label] |= {x for x in rec if isinstance(x, str) and len(x) > 1 and x != label}
    return shown


def _entries(answer: dict) -> list[tuple]:
    """(label, value atoms) of a dict answer; a dict of sets (quadrant → labels) also read the other way."""
    pairs = [(label, _atoms(value)) for label, value in answer.items()]
    if all(isinstance(v, (set, frozenset)) for v in answer.values()):
        pairs += [(member, {label}) for label, value in answer.items() for member in value]
    return [(label, atoms) for label, atoms in pairs if atoms]


def found_in(answer, data, shown: dict | None = None) -> bool:
    """Whether ``data`` holds ``answer`` (see the module docstring); ``shown``: {label: texts it stands for}."""
    if isinstance(answer, str):
        return len(answer) > 1 and any(answer in strings for _, _, strings in data)
    if isinstance(answer, (set, frozenset)):   # a list of exactly these objects (e.g. the failed criteria)
        return any(len(positional) == len(answer) and all(any(x in rec for rec in positional) for x in answer)
                   for _, positional, _ in data)
    if isinstance(answer, (list, tuple)):
        answer = {i: v for i, v in enumerate(answer)}
    if not isinstance(answer, dict):
        return False
    entries = _entries(answer)
    if not entries:
        return False
    need = len(entries) // 2 + 1
    shown = shown or {}
    for keyed, positional, _ in data:
        by_label = sum(any((label in rec or rec & shown.get(label, set())) and atoms <= rec for rec in keyed)
                       for label, atoms in entries)
        by_position = sum(i < len(positional) and atoms <= positional[i] for i, (_, atoms) in enumerate(entries))
        if max(by_label, by_position) >= need:
            return True
    return False


def judgement_answers():
    for assignment in ASSIGNMENTS:
        for name in sorted(load_key_module(ROOT / "solutions", assignment).JUDGEMENT):
            yield assignment, name


@pytest.mark.parametrize("assignment, name", list(judgement_answers()))
def test_the_learners_kernel_does_not_hold_a_judgement_answer(assignment, name):
    answer, given = answer_key(assignment)[name], exercise_data(assignment)
    cases = [data for case in exercise_cases(assignment) for data in case_file_data(case)]
    labels = {label for label, _ in _entries(answer)} if isinstance(answer, dict) else set()
    held = found_in(answer, [*given, *cases], shown_with(labels, given))
    if (assignment, name) in LEFT:
        assert held, f"{assignment}.{name} is no longer in the learner's data: remove it from LEFT"
    else:
        assert not held, f"{assignment}: the learner's kernel holds the answer {name}"


def test_the_detector_finds_an_answer_put_back_into_a_case():
    """The same check on the instructor's view of a case (shipped facts + the key's REFERENCE) finds the answers."""
    from keyaccount.opportunity.case import load_opportunity_case
    from keyaccount.projects.case import load_projects_case
    from keyaccount.six_steps.case import load_six_steps_case
    from keyaccount.swot.case import load_swot_case
    from keyaccount.uss.case import load_deals_case

    refs = key_references()
    full = {
        ("hightouch_opportunity", "因素打分"): load_opportunity_case("hightouch_opportunity_hospital",
                                                                 refs["hightouch_opportunity_hospital"]),
        ("hightouch_modes_segments", "销售模式"): load_deals_case("hightouch_deals_exercise",
                                                              refs["hightouch_deals_exercise"]),
        ("six_steps_win_the_account", "沟通风格"): load_six_steps_case("six_steps_bank_uniform",
                                                                   refs["six_steps_bank_uniform"]),
        ("six_steps_close_and_collect", "成交方法"): load_six_steps_case("six_steps_bank_uniform",
                                                                     refs["six_steps_bank_uniform"]),
        ("projects_abc_tree", "关系程度"): load_projects_case("projects_abc_h", refs["projects_abc_h"]),
        ("projects_abc_tree", "审批链"): load_projects_case("projects_abc_h", refs["projects_abc_h"]),
        ("projects_statistics", "项目状态"): load_projects_case("projects_xiaoli_customers",
                                                              refs["projects_xiaoli_customers"]),
        **{("strategy_swot_tows", name): load_swot_case("strategy_antelope", refs["strategy_antelope"])
           for name in ("SWOT分类", "按定义归类", "策略类型")},
        ("six_steps_close_and_collect", "鸭鸭象限"): load_swot_case("six_steps_yaya_swot", refs["six_steps_yaya_swot"]),
    }
    for (assignment, name), case in full.items():
        assert found_in(answer_key(assignment)[name], list(containers([case]))), (assignment, name)


def test_shipped_exercise_cases_hold_none_of_the_fields_their_keys_add():
    """Specific: answers whose label is a field name (F/A/B) or a form heading (向导) cannot be matched by value."""
    from keyaccount.projects.case import load_projects_case
    from keyaccount.six_steps.case import load_six_steps_case

    bank = load_six_steps_case("six_steps_bank_uniform")
    assert bank.benefits == () and bank.prospect == {}
    assert {p.style for p in bank.people} == {""} and {q.type for q in bank.spin_questions} == {None}
    deal = load_projects_case("projects_121_exercise")
    assert deal.one_two_one == () and {p.role for p in deal.people} == {"（未定）"}


def test_a_readable_judgement_answer_does_not_count_towards_the_judgement_share(monkeypatch):
    """An answer in LEFT (or SHOWN_IN_LESSON) stays an automatic point but is no longer a judgement point."""
    import exercise_points

    before = exercise_points.points_by_kind(["strategy_swot_tows"])
    assert before == (16, 16)
    monkeypatch.setitem(exercise_points.LEFT, ("strategy_swot_tows", "策略类型"), "e.g. a helper returns the kinds")
    assert exercise_points.points_by_kind(["strategy_swot_tows"]) == (11, 16)
    monkeypatch.setitem(exercise_points.SHOWN_IN_LESSON, ("strategy_swot_tows", "SWOT分类"), "e.g. lesson 30 prints it")
    assert exercise_points.points_by_kind(["strategy_swot_tows"]) == (3, 16)


def added_fields(data, reference, where="") -> list:
    """Where the shipped ``data`` already holds a field its key's ``reference`` adds (merged as ``with_reference``)."""
    if isinstance(reference, dict) and isinstance(data, dict):
        return [p for k, r in reference.items() for p in added_fields(data.get(k), r, f"{where}.{k}")]
    if isinstance(reference, dict) and isinstance(data, list):
        by_label = {next((item[k] for k in ("name", "label", "id") if k in item), None): item
                    for item in data if isinstance(item, dict)}
        return [p for label, r in reference.items() for p in added_fields(by_label.get(label), r, f"{where}[{label}]")]
    if isinstance(reference, list) and isinstance(data, list):
        return [p for i, (d, r) in enumerate(zip(data, reference)) for p in added_fields(d, r, f"{where}[{i}]")]
    return [] if data in (None, "", [], {}, ()) else [where]


def test_shipped_exercise_cases_leave_out_every_field_their_keys_add():
    """Generic: every field an answer key's REFERENCE adds is absent from the shipped case file (e.g. the
    鸭鸭 facts' category, graded as 鸭鸭标签, and the debatable 羚羊 cards' also_accepted, graded as 按定义归类)."""
    refs = key_references()
    held = {name: added_fields(_read(case_path(name)), reference) for name, reference in refs.items()}
    assert {name: fields for name, fields in held.items() if fields} == {}
    put_back = added_fields(with_reference(_read(case_path("six_steps_yaya_swot")), refs["six_steps_yaya_swot"]),
                            refs["six_steps_yaya_swot"])
    assert ".statements[事实1].category" in put_back and len(put_back) == 16   # quadrant and category of 8 facts
