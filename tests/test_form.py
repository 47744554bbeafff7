"""The learner's self-check tells the form of an answer and the author's hints, never right or wrong;
its form.json is public and holds no value of the answer key."""
import json

import nbformat
import pytest

from conftest import ROOT, answer_key
from keyaccount.course.formspec import build_form
from keyaccount.course.keys import load_key_module
from keyaccount.form import Form, FormError, answer_lines, hints, problems
from keyaccount.grading import check

ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
A = "funnel_forecast"


def form(assignment: str) -> Form:
    return Form.from_json(json.loads((ROOT / "exercises" / assignment / "form.json").read_text("utf-8")))


def _leaves(value):
    """The values inside an answer (dict keys are not answers: the template shows them)."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _leaves(v)
    else:
        yield value


def _derived(spec: dict):
    """Every scalar the form says about an answer apart from the author's fields, dict keys and lengths."""
    for field, value in spec.items():
        if field == "keys":
            for _, sub in value:
                yield from _derived(sub)
        elif field == "item":
            yield from _derived(value)
        elif field not in ("options", "range", "hint", "ratio", "length"):
            yield value


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_form_files_are_up_to_date_in_source_and_release(assignment):
    built = build_form(ROOT / "solutions", assignment)
    for folder in ("solutions", "exercises"):
        on_disk = json.loads((ROOT / folder / assignment / "form.json").read_text("utf-8"))
        assert on_disk == json.loads(json.dumps(built)), (
            f"{folder}/{assignment}/form.json is out of date: run python -m keyaccount.course.generate {assignment}")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_form_holds_no_value_of_the_key(assignment):
    key, spec = answer_key(assignment), form(assignment)
    text = (ROOT / "exercises" / assignment / "form.json").read_text("utf-8")
    release = "".join(c.source for p in (ROOT / "exercises" / assignment).glob("*.ipynb")
                      for c in nbformat.read(p, as_version=4).cells)
    author = load_key_module(ROOT / "solutions", assignment).__dict__.get("HINTS", {})
    public = {json.dumps(o, ensure_ascii=False) for o in [*_options(author), *_dict_keys(key)]}  # shown anyway
    for name, expected in key.items():
        assert set(_derived(spec.answers[name])) <= {"number", "text", "bool", "dict", "list", "set", None}, name
        for leaf in _leaves(expected):
            shown = json.dumps(leaf, ensure_ascii=False) if isinstance(leaf, str) else None
            if shown and shown not in public:
                assert shown not in text, f"{assignment}.{name}: the answer {shown} is in form.json"
    for option in _options(author):
        assert str(option) in release, f"{assignment}: option {option!r} is not shown in the question"


def _dict_keys(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _dict_keys(v)


def _options(node):
    if isinstance(node, dict):
        yield from node.get("options", [])
        for key, sub in node.items():
            if key != "options":
                yield from _options(sub)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_right_answers_have_the_right_form_and_need_no_hint(assignment):
    spec = form(assignment)
    for name, expected in answer_key(assignment).items():
        if callable(getattr(expected, "grade", None)):  # graded by rules (a learner's own plan): no one right answer
            continue
        assert problems(expected, spec.answers[name]) == [], name
        assert hints(expected, spec.answers[name]) == [], name


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_author_ranges_do_not_pin_the_answer(assignment):
    key, spec = answer_key(assignment), form(assignment)

    def ranges(node, value):
        if "range" in node:
            yield node["range"], value
        for k, sub in node.get("keys", []):
            yield from ranges(sub, value[k])
    for name, expected in key.items():
        for (low, high), value in ranges(spec.answers[name], expected):
            assert low != value and high != value and high - low >= abs(value) / 2, (assignment, name)


def test_a_wrong_answer_of_the_right_form_is_told_exactly_what_a_right_one_is(monkeypatch, capsys):
    """No oracle: nothing in the self-check depends on whether the answer is right."""
    monkeypatch.chdir(ROOT / "exercises" / A)
    right = answer_key(A)["漏斗诊断"]
    wrong = dict(zip(right, list(right.values())[1:] + list(right.values())[:1]))
    check(A, "漏斗诊断", right)
    said_right = capsys.readouterr().out
    check(A, "漏斗诊断", wrong)
    assert capsys.readouterr().out == said_right
    assert "格式正确" in said_right and "正确！" not in said_right


@pytest.mark.parametrize("value, phrase", [
    ({"预测合计": 94.1, "预测外实现": "48", "预测完成率": 0.85}, "不要加引号"),
    ({"预测合计": 94.1, "预测外实现": 48, "预测完成率": 84.8}, "比例请写成小数"),
    ({"预测合计": 94.1, "预测外实现": 48}, "缺少这些键：预测完成率"),
    ({"预测合计": None, "预测外实现": None, "预测完成率": None}, "还没有填写"),
    ([94.1, 48, 0.85], "应该是对照表"),
])
def test_wrong_forms_fail_with_a_chinese_message_and_no_traceback(monkeypatch, value, phrase):
    monkeypatch.chdir(ROOT / "exercises" / A)
    with pytest.raises(FormError) as error:
        check(A, "业绩预测", value)
    assert phrase in str(error.value)
    assert error.value._render_traceback_() == [str(error.value)]


def test_an_option_the_question_does_not_offer_is_a_form_problem():
    ok, lines = answer_lines("漏斗诊断", {"甲": "渠道", "乙": "流速", "丙": "单产", "丁": "成功率", "戊": "数量"},
                             form(A).answers["漏斗诊断"])
    assert not ok and "甲" in lines[0] and "“数量”、“方向”" in lines[0] and "“渠道”" in lines[0]


def test_author_hints_appear_outside_the_plausible_range_only(monkeypatch, capsys):
    monkeypatch.chdir(ROOT / "exercises" / A)
    check(A, "小项目漏斗", {"预计成交单数": 520, "预计成交金额": 78, "金额缺口": 61.8, "项目缺口": 206})
    out = capsys.readouterr().out
    assert "提示：预计成交单数：预计成交单数不会超过漏斗里的项目总数" in out and "格式正确" in out


def test_without_form_json_the_learner_is_told_where_to_put_the_notebook(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FormError, match="form.json"):
        check(A, "业绩预测", {})
