"""The high-touch exercises: answer keys follow the case files; partial credit and hints work."""
import pytest

from conftest import answer_key
from keyaccount.grading import check, score


def test_opportunity_key_is_computed_from_the_hospital_case():
    key = answer_key("hightouch_opportunity")
    assert key["question_scores"]["我们能否胜出？"] == pytest.approx(2.8)
    assert key["overall"] == pytest.approx(3.45)
    assert (key["z"], key["weakest"], key["partner"]) == (0, 3, "本地网络运维公司")


def test_modes_segments_key_follows_the_cases():
    key = answer_key("hightouch_modes_segments")
    assert key["modes"]["物流公司车队管理平台"] == "顾问模式"
    assert key["segments"]["三甲医院"] == "保留"       # share exactly at the threshold counts as high
    assert key["bsc"][1] == "收入" and len(key["bsc"]) == 6
    assert key["brain_counts"] == {"A": 2, "B": 1, "C": 10, "D": 11} and key["brain_pair"] == "CD"


def test_segments_get_partial_credit_per_customer(capsys):
    segments = {"市税务局": "获取", "商业银行分行": "保留", "律师事务所": "侵扰", "设计院": "维持",  # noqa: F841
                "三甲医院": "获取", "连锁酒店": "侵扰", "社区诊所": "维持", "会计师事务所": "维持"}
    assert score("hightouch_modes_segments", "segments", points=8) == 6.0
    out = capsys.readouterr().out
    assert "三甲医院" in out and "保留" not in out.split("三甲医院")[1].splitlines()[0]


def test_self_check_names_the_wrong_partner_without_the_answer(capsys):
    check("hightouch_opportunity", "partner", "医疗咨询公司")
    out = capsys.readouterr().out
    assert "还不完全对" in out and "本地网络运维公司" not in out
