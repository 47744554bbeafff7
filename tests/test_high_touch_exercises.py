"""The high-touch exercises: answer keys follow the case files; the opportunity is scored from its
diagnostic answers; partial credit works as designed; the self-check is no oracle; most points are judgements."""
import nbformat
import pytest

from conftest import ROOT, answer_key
from exercise_points import autograded, points_by_kind
from keyaccount.grading import check, score
from keyaccount.opportunity.case import load_opportunity_case
from keyaccount.opportunity.model import QUESTIONS

OPPORTUNITY, MODES = "hightouch_opportunity", "hightouch_modes_segments"


def test_opportunity_key_is_computed_from_the_hospital_case():
    key = answer_key(OPPORTUNITY)
    assert key["胜出得分"] == pytest.approx(2.8)
    assert key["总分"] == pytest.approx(3.45)
    assert (key["Z位置"], key["最弱问题"], key["最佳伙伴"]) == (0, 3, "本地网络运维公司")
    assert key["短板因素"] == {"销售资源需求", "客户高层信任", "非正式决策标准", "风险程度"}


def test_the_factors_a_learner_scores_come_with_one_answer_per_diagnostic_question():
    case = load_opportunity_case("hightouch_opportunity_hospital")
    scored = answer_key(OPPORTUNITY)["因素打分"]
    assert list(scored) == [f.name for f in QUESTIONS[2].factors]
    for f in QUESTIONS[2].factors:
        pairs = case.diagnosis(f.name)
        assert len(pairs) == len(f.diagnostics) and all(answer.strip() for _, answer in pairs)


def test_a_diagnosis_with_a_missing_answer_names_the_factor(tmp_path):
    from keyaccount.cases import CaseFileError, case_path
    text = case_path("hightouch_opportunity_hospital").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("    - 不清楚：院长过去怎样推动项目，我们还没有打听到。\n", ""), encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        load_opportunity_case(str(bad))
    assert "bad.yaml" in str(err.value) and "政治联盟" in str(err.value) and "4 个诊断问题" in str(err.value)


def test_the_opportunity_exercise_hides_the_scores_the_learner_gives():
    nb = nbformat.read(ROOT / "exercises" / OPPORTUNITY / f"{OPPORTUNITY}.ipynb", as_version=4)
    setup = next(c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "setup")
    assert "（由你打分）" in setup and "QUESTIONS[2]" in setup


def test_modes_segments_key_follows_the_cases():
    key = answer_key(MODES)
    assert key["销售模式"]["物流公司车队管理平台"] == "顾问模式"
    assert key["客户细分"]["三甲医院"] == "保留"       # share exactly at the threshold counts as high
    assert key["计分卡"][1] == "收入" and len(key["计分卡"]) == 6
    assert key["象限次数"] == {"A": 2, "B": 1, "C": 10, "D": 11} and key["最强象限"] == "CD"


def test_segments_get_partial_credit_per_customer(capsys):
    客户细分 = {"市税务局": "获取", "商业银行分行": "保留", "律师事务所": "侵扰", "设计院": "维持",  # noqa: F841
            "三甲医院": "获取", "连锁酒店": "侵扰", "社区诊所": "维持", "会计师事务所": "维持"}
    assert score(MODES, "客户细分", points=8) == 6.0
    out = capsys.readouterr().out
    assert "三甲医院" in out and "保留" not in out.split("三甲医院")[1].splitlines()[0]


def test_self_check_of_a_partner_says_the_same_whether_right_or_wrong(capsys):
    check(OPPORTUNITY, "最佳伙伴", "医疗咨询公司")
    wrong = capsys.readouterr().out
    check(OPPORTUNITY, "最佳伙伴", answer_key(OPPORTUNITY)["最佳伙伴"])
    assert capsys.readouterr().out == wrong
    assert "格式正确" in wrong and "本地网络运维公司" not in wrong


def test_at_least_half_the_automatic_points_of_the_module_are_judgements():
    assert points_by_kind([OPPORTUNITY]) == (10, 13)
    assert points_by_kind([MODES]) == (13, 22)
    judgement, total = points_by_kind([OPPORTUNITY, MODES])
    assert judgement >= total / 2


@pytest.mark.nbgrader
def test_half_right_opportunity_gets_the_designed_partial_credit(tmp_path):
    answers = {
        # 'unclear' read as 'leaning our way' on culture and alliance: 3 of 5
        "scoring_answer": '因素打分 = {"客户内部支持": 4, "客户高层信任": 2, "跟客户的文化兼容程度": 4,'
                          ' "非正式决策标准": 2, "政治联盟": 4}',
        "rollups_answer": "胜出得分 = 3.2\n总分 = (3.8 + 3.2 + 3.2 + 3.8) / 4",   # consistent with those scores, not the key
        "position_answer": 'Z位置 = 0\n最弱问题 = 2\n短板因素 = {"客户高层信任", "非正式决策标准"}',  # Z right, 2 of 4 gaps
    }
    assert autograded(tmp_path, OPPORTUNITY, answers) == {
        "scoring_test": 3, "win_score_test": 0, "overall_test": 0, "z_test": 1, "weakest_test": 0, "gaps_test": 1,
        "partner_test": 2}


@pytest.mark.nbgrader
def test_half_right_modes_segments_gets_the_designed_partial_credit(tmp_path):
    answers = {
        "modes_answer": '销售模式 = {"市第一医院智慧医院建设": "战略模式", "培训学校采购 50 台投影仪": "快刀模式",'
                        ' "中型制造厂的质量管理系统": "战略模式", "物流公司车队管理平台": "快刀模式",'
                        ' "商场续购收银软件许可": "快刀模式"}',   # 3 of 5
        "segments_answer": '客户细分 = {"市税务局": "获取", "商业银行分行": "保留", "律师事务所": "侵扰", "设计院": "维持",'
                           ' "三甲医院": "获取", "连锁酒店": "侵扰", "社区诊所": "维持", "会计师事务所": "维持"}',  # 6 of 8
        "bsc_answer": "计分卡 = {1: None, 2: None, 3: None, 4: None, 5: None, 6: None}",   # left blank: 0 of 6
    }
    assert autograded(tmp_path, MODES, answers) == {
        "modes_test": 3, "segments_test": 6, "bsc_test": 0, "brain_counts_test": 2, "brain_pair_test": 1}
