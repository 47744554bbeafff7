"""Answer keys stay on the instructor's side: beside solutions/, never in lib/, the release or the wheel."""
import ast

import pytest

from conftest import ROOT, answer_key
from keyaccount.course.generate import generate_release
from keyaccount.course.keys import NoAnswerKey, find_answer_key, load_answer_key
from keyaccount.validation import InputError

ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
LIB = sorted((ROOT / "lib").rglob("*.py"))


def _literals(tree):
    """Every container literal in a module (a dict, set, list or tuple written out)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Dict, ast.Set, ast.List, ast.Tuple)):
            try:
                yield ast.literal_eval(node)
            except (ValueError, SyntaxError, TypeError):
                continue


def _answers():
    """Every answer and answer part with several items (a table of choices is what could be retyped)."""
    for assignment in ASSIGNMENTS:
        for name, value in answer_key(assignment).items():
            for part in (value, *(value.values() if isinstance(value, dict) else ())):
                if isinstance(part, (dict, set, frozenset, list, tuple)) and len(part) >= 2:
                    yield f"{assignment}.{name}", part


def test_every_assignment_has_a_key_beside_its_source():
    for assignment in ASSIGNMENTS:
        assert answer_key(assignment), assignment


def test_no_file_under_lib_defines_an_answer_key_or_holds_an_answer():
    answers = list(_answers())
    assert len(answers) > 20
    for path in LIB:
        tree = ast.parse(path.read_text("utf-8"))
        names = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        assert "answer_key" not in names, f"{path} defines answer_key"
        for literal in _literals(tree):
            for where, value in answers:
                assert literal != value, f"{path.relative_to(ROOT)} holds the answer {where}"


def test_missing_or_broken_key_is_a_chinese_error_naming_the_file(tmp_path):
    with pytest.raises(NoAnswerKey, match="answer_key.py 不存在"):
        load_answer_key(tmp_path, "funnel_forecast")
    (tmp_path / "funnel_forecast").mkdir()
    (tmp_path / "funnel_forecast" / "answer_key.py").write_text("def answer_key(:\n", encoding="utf-8")
    with pytest.raises(InputError, match="无法加载") as error:
        load_answer_key(tmp_path, "funnel_forecast")
    assert str(tmp_path / "funnel_forecast" / "answer_key.py") in str(error.value)


def test_key_is_found_from_a_folder_inside_a_trainer_course(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("", encoding="utf-8")
    (tmp_path / "source" / "funnel_forecast").mkdir(parents=True)
    (tmp_path / "source" / "funnel_forecast" / "answer_key.py").write_bytes(
        (ROOT / "solutions" / "funnel_forecast" / "answer_key.py").read_bytes())
    inside = tmp_path / "autograded" / "张三" / "funnel_forecast"
    inside.mkdir(parents=True)
    assert find_answer_key("funnel_forecast", inside) == answer_key("funnel_forecast")


def test_a_learner_machine_without_the_key_is_told_so_in_chinese(tmp_path):
    with pytest.raises(NoAnswerKey, match="答案只在培训师的课程文件夹里"):
        find_answer_key("funnel_forecast", tmp_path)


def test_released_exercises_hold_no_key():
    assert list((ROOT / "exercises").rglob("answer_key.py")) == []


@pytest.mark.nbgrader
def test_generate_never_copies_the_key_into_the_release(tmp_path):
    target = generate_release(ROOT / "solutions", "funnel_forecast", tmp_path)
    assert (target / "funnel_forecast.ipynb").is_file()
    assert not (target / "answer_key.py").exists()


def _number_parts(value, path=()):
    """(path, number) of every number in an answer (a dict's values, recursively)."""
    if isinstance(value, dict):
        for key, part in value.items():
            yield from _number_parts(part, (*path, key))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path, value


def _replaced(value, path, new):
    return new if not path else {**value, path[0]: _replaced(value[path[0]], path[1:], new)}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_only_computed_amounts_say_which_way_a_wrong_number_is_off(assignment):
    """With three submissions, "偏大了/偏小了" on a CR level or a score would lead a learner to the key."""
    from keyaccount.compare import compare
    from keyaccount.course.keys import load_key_module
    from keyaccount.form import load_form

    module = load_key_module(ROOT / "solutions", assignment)
    amounts = getattr(module, "AMOUNTS", set())
    assert not amounts & module.JUDGEMENT and amounts <= set(module.answer_key()), assignment
    key, form = answer_key(assignment), load_form(assignment, ROOT / "solutions" / assignment).answers
    for name, expected in key.items():
        for path, number in _number_parts(expected):
            step = max(1, abs(number) / 5)
            for wrong in {number + step, number - step, number * 100} - {number}:
                said = " ".join(compare(_replaced(expected, path, wrong), expected, form[name])[1])
                directed = any(w in said for w in ("偏大", "偏小", "数量级", "小数", "百分数"))
                assert directed == (name in amounts), f"{assignment}.{name}{list(path)} = {wrong}: {said}"


def test_a_wrong_judgement_hears_the_authors_hint_and_nothing_about_the_key():
    from keyaccount.compare import compare
    from keyaccount.form import load_form

    key = answer_key("projects_abc_tree")
    form = load_form("projects_abc_tree", ROOT / "solutions" / "projects_abc_tree").answers
    level = next(iter(key["关系程度"]))
    cr = {**key["关系程度"], level: key["关系程度"][level] + 1}
    assert f"✗ {level}：不正确" in compare(cr, key["关系程度"], form["关系程度"])[1]
    date = {**key["预签金额和时间"], "月份": 13}
    assert "✗ 月份：不正确。提示：月份是 1 到 12 之间的数字。" in compare(date, key["预签金额和时间"], form["预签金额和时间"])[1]
