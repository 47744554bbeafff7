"""The grading engine's steps on their own (no kernel): preflight restores what a learner broke,
score reads from the instructor source what each test cell scores, sanitise keeps only harmless outputs."""
import copy
import re

import nbformat
import pytest

from conftest import ROOT
from keyaccount.grader import preflight, sanitise, score

A = "funnel_forecast"


@pytest.fixture
def release():
    return nbformat.read(ROOT / "exercises" / A / f"{A}.ipynb", as_version=4)


def _ids(nb):
    return [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]


def _gid(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def test_deleted_locked_and_test_cells_come_back_in_place(release):
    nb = copy.deepcopy(release)
    nb.cells = [c for c in nb.cells if _gid(c) not in ("setup", "small_test", "reflection")]
    notes = preflight.restore(nb, release, "x.ipynb")
    graded = [g for g in _ids(nb) if g]
    assert graded == [g for g in _ids(release) if g]
    assert "删除" in notes[0] and "准备代码单元格" in notes[0] and "“第 2 题\u3000小项目漏斗（4 分）”的检查单元格" in notes[0]
    assert "“第 6 题\u3000思考（3 分，由培训师批改）”的答题单元格" in notes[0]
    assert not re.search(r"[a-z]+_[a-z]+", notes[0]), f"a learner reads no cell id: {notes[0]}"


def test_a_deleted_answer_cell_is_not_put_back(release):
    nb = copy.deepcopy(release)
    nb.cells = [c for c in nb.cells if _gid(c) != "performance_answer"]
    preflight.restore(nb, release, "x.ipynb")
    assert "performance_answer" not in _ids(nb)


def test_edited_test_cells_and_metadata_come_back_from_the_release(release):
    nb = copy.deepcopy(release)
    test = next(c for c in nb.cells if _gid(c) == "small_test")
    test.source = "pass"
    test.metadata["nbgrader"]["points"] = 400
    answer = next(c for c in nb.cells if _gid(c) == "small_answer")
    answer.source = "小项目漏斗 = 1"
    answer.metadata["tags"] = ['x" onmouseover="alert(1)']
    fake = nbformat.v4.new_code_cell("1", metadata={"nbgrader": {"grade": True, "grade_id": "mine", "points": 99}})
    nb.cells.append(fake)
    notes = preflight.restore(nb, release, "x.ipynb")
    original = next(c for c in release.cells if _gid(c) == "small_test")
    restored = next(c for c in nb.cells if _gid(c) == "small_test")
    assert (restored.source, restored.metadata) == (original.source, original.metadata)
    assert answer.source == "小项目漏斗 = 1" and "tags" not in answer.metadata
    assert "mine" not in _ids(nb)
    assert any("“第 2 题\u3000小项目漏斗（4 分）”的检查单元格" in n and "恢复原样" in n for n in notes), notes


def test_a_graded_cell_turned_into_another_type_gets_its_type_back(release):
    nb = copy.deepcopy(release)
    index = next(i for i, c in enumerate(nb.cells) if _gid(c) == "reflection")
    nb.cells[index] = nbformat.v4.new_code_cell("我的回答", metadata=copy.deepcopy(nb.cells[index].metadata))
    preflight.restore(nb, release, "x.ipynb")
    assert (nb.cells[index].cell_type, nb.cells[index].source) == ("markdown", "我的回答")


def test_each_test_cell_scores_the_answer_the_instructor_source_names():
    source = nbformat.read(ROOT / "solutions" / A / f"{A}.ipynb", as_version=4)
    cells = score.test_cells(source)
    assert [(c.grade_id, c.answer, c.points) for c in cells] == [
        ("performance_test", "业绩预测", 3), ("small_test", "小项目漏斗", 4),
        ("large_test", "大项目漏斗", 3), ("diagnosis_test", "漏斗诊断", 5),
        ("review_test", "复盘步骤", 6)]


def test_a_test_cell_whose_points_disagree_with_nbgrader_is_refused():
    source = nbformat.read(ROOT / "solutions" / A / f"{A}.ipynb", as_version=4)
    next(c for c in source.cells if _gid(c) == "small_test").metadata["nbgrader"]["points"] = 9
    with pytest.raises(ValueError, match="small_test"):
        score.test_cells(source)


def test_partial_credit_missing_answers_and_failed_form_checks():
    cells = [score.TestCell("t1", "a", 4), score.TestCell("t2", "b", 2), score.TestCell("t3", "c", 1)]
    key = {"a": {"x": 1, "y": 2}, "b": 5, "c": 1}
    got = score.score(cells, {"a": {"x": 1, "y": 0}, "c": 1}, key, {"t3": "格式不对"}, ["b 不是普通数据（F），记 0 分"])
    assert [got[c].points for c in ("t1", "t2", "t3")] == [2.0, 0.0, 0.0]
    assert got["t2"].lines == ["b 不是普通数据（F），记 0 分"]
    assert "格式检查没有通过" in got["t3"].lines[0]


def test_outputs_keep_only_text_and_pictures(release):
    executed = copy.deepcopy(release)
    setup = next(i for i, c in enumerate(executed.cells) if _gid(c) == "setup")
    executed.cells[setup].outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": "<script>x</script>", "text/plain": "<HTML>"},
                               metadata={"width": '1" onload="x'}),
        nbformat.v4.new_output("display_data", data={"application/javascript": "alert(1)"}),
        nbformat.v4.new_output("display_data", data={"text/markdown": "<img onerror=x>", "image/png": "not base64!"}),
        nbformat.v4.new_output("stream", name="stdout", text="大" * 10_000),
    ]
    nb, notes = sanitise.autograded(release, executed)
    outputs = nb.cells[setup].outputs
    assert [dict(o.get("data", {})) for o in outputs[:2]] == [{"text/plain": "<HTML>"}, {"text/plain": "<img onerror=x>"}]
    assert all(not o.get("metadata") for o in outputs)
    assert len(outputs[2].text) < 6000 and notes


def test_learner_markdown_is_shown_as_text(release):
    nb = copy.deepcopy(release)
    written = next(c for c in nb.cells if _gid(c) == "reflection")
    written.source = "<img src=x onerror=alert(1)> [点](javascript:alert(2))"
    kept, _ = sanitise.autograded(nb, None)
    text = next(c for c in kept.cells if _gid(c) == "reflection").source
    assert "<" not in text.replace("\\<", "") and "\\[" in text
    question = next(c for c in kept.cells if _gid(c) == "q_small")
    assert question.source == next(c for c in release.cells if _gid(c) == "q_small").source
