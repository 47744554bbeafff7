"""`keyaccount check`, the notebook's own self-check and nbgrader's Validate say the same, in Chinese:
the form of each automatically graded answer, who grades the rest, never right or wrong."""
import re
import shutil

import nbformat
import pytest

from conftest import ROOT
from keyaccount.course.cli import main
from keyaccount.course.nbgrader_run import run_nbgrader
from keyaccount.course.selfcheck import run_check

A = "funnel_forecast"
NB = f"{A}.ipynb"
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)


def learner_copy(folder, answers: dict[str, str] | None = None, solved=False):
    """The released exercise (notebook + form.json) in ``folder``, with answer cells filled in."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "exercises" / A / "form.json", folder / "form.json")
    nb = nbformat.read(ROOT / "exercises" / A / NB, as_version=4)
    solution = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source
                for c in nbformat.read(ROOT / "solutions" / A / NB, as_version=4).cells}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if solved and cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = SOLUTION.search(solution[gid]).group(1)
        if answers and gid in answers:
            cell.source = answers[gid]
    nbformat.write(nb, folder / NB)
    return folder / NB


HALF = {"performance_answer": '业绩预测 = {"预测合计": 94.1, "预测外实现": 48, "预测完成率": 0.848 * 0.6}',
        "diagnosis_answer": '漏斗诊断 = {"甲": "方向", "乙": "流速", "丙": "数量", "丁": "成功率", "戊": "单产"}'}


@pytest.mark.notebook
def test_check_counts_the_graded_questions_and_names_the_trainers(tmp_path, capsys):
    path = learner_copy(tmp_path / "me")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "自动批改的 5 题中，0 题格式正确" in out and "由培训师批改：第 6 题　思考" in out
    assert out.count("格式还不对") == 5 and "还没有填写" in out
    assert "✓" not in out and "✗" not in out


@pytest.mark.notebook
def test_cli_and_notebook_say_the_same_and_never_right_or_wrong(tmp_path):
    run = run_check(learner_copy(tmp_path / "me", HALF, solved=True))
    in_notebook = "".join(o.get("text", "") for o in run.notebook.cells[-2].outputs)  # the notebook's check(EXERCISE)
    assert in_notebook.strip() == run.text.strip()
    assert run.ok and "自动批改的 5 题中，5 题格式正确" in run.text
    assert "%" not in run.text and "正确！" not in run.text and "还不完全对" not in run.text


@pytest.mark.notebook
def test_a_cell_that_never_ends_is_named_in_chinese_not_a_traceback(tmp_path, capsys):
    path = learner_copy(tmp_path / "me", {"performance_answer": "while True:\n    业绩预测 = {}"})
    assert main(["check", str(path), "--timeout", "5"]) == 1
    captured = capsys.readouterr()
    assert "运行了 5 秒还没有结束" in captured.out and "第一行是：while True:" in captured.out, captured.out
    assert "Traceback" not in captured.out + captured.err and "CellTimeoutError" not in captured.out + captured.err


@pytest.mark.notebook
def test_grade_scores_locally_with_the_repository_key(tmp_path, capsys):
    path = learner_copy(tmp_path / "me", HALF, solved=True)
    assert main(["--course", str(ROOT), "check", str(path), "--grade"]) == 0
    out = capsys.readouterr().out
    assert "自动批改部分合计 18 / 21" in out   # 业绩预测 2 of 3, 小项目漏斗 4, 大项目漏斗 3, 漏斗诊断 3 of 5, 复盘步骤 6
    assert "第 1 题　业绩预测 · 业绩预测：2 / 3" in out


@pytest.mark.notebook
def test_grade_without_a_key_says_where_the_key_is(tmp_path, capsys):
    path = learner_copy(tmp_path / "me", solved=True)
    assert main(["check", str(path), "--grade"]) == 2
    assert "答案只在培训师的课程文件夹里" in capsys.readouterr().out


def _validate(path):
    return run_nbgrader(["validate", str(path)], cwd=path.parent, check=False)


@pytest.mark.nbgrader
def test_validate_passes_on_a_correct_exercise(tmp_path):
    result = _validate(learner_copy(tmp_path / "me", solved=True))
    assert "Success! Your notebook passes all the tests." in result.stdout, result.stdout + result.stderr


@pytest.mark.nbgrader
def test_validate_shows_the_kits_chinese_message_without_a_traceback(tmp_path):
    wrong = {"performance_answer": '业绩预测 = {"预测合计": 94.1, "预测外实现": "48", "预测完成率": 84.8}'}
    result = _validate(learner_copy(tmp_path / "me", wrong, solved=True))
    out = result.stdout
    assert "业绩预测：格式还不对 —— 预测外实现 —— 应该是数字，不要加引号。" in out, out
    assert "Traceback" not in out and "File \"" not in out and "FormError" not in out and "keyaccount" not in out
