"""Opportunity case files load, and a broken one names the file and the factor."""
import pytest

from conftest import key_references

from keyaccount.cases import CaseFileError, list_cases
from keyaccount.opportunity.case import load_opportunity_case


def test_every_opportunity_case_scores_or_diagnoses_each_of_the_twenty_factors():
    names = list_cases("opportunity")
    assert "hightouch_opportunity_erp" in names
    for name in names:
        case = load_opportunity_case(name, key_references().get(name))
        assert len(case.scores) == 20
        assert all(len(s) == 20 for s in case.partners.values())
        shipped = load_opportunity_case(name)
        assert set(shipped.scores) | set(shipped.diagnostics) == set(case.scores)


def test_an_exercise_case_without_the_learners_scores_has_no_scorecard():
    from keyaccount.validation import InputError
    with pytest.raises(InputError, match="缺少这些因素的分数"):
        load_opportunity_case("hightouch_opportunity_hospital").scorecard()


def test_lesson_case_picks_the_partner_that_fills_the_gap():
    from keyaccount.opportunity.model import best_partner
    case = load_opportunity_case("hightouch_opportunity_erp")
    assert case.scorecard().z == -1
    assert best_partner(case.partners) == "质控软件公司甲"


@pytest.mark.parametrize("edit, words", [
    (lambda t: t.replace("政治联盟: 2\n  短期收入", "政治联盟: 7\n  短期收入", 1), ["bad.yaml", "scores", "政治联盟", "7"]),
    (lambda t: t.replace("  利润率: 3\n", "", 1), ["bad.yaml", "scores", "利润率"]),
    (lambda t: t.replace("质控软件公司甲:\n    客户应用或项目情况: 4", "质控软件公司甲:\n    客户应用或项目情况: 0"),
     ["bad.yaml", "partners", "质控软件公司甲", "客户应用或项目情况"]),
])
def test_broken_case_file_names_file_and_field(tmp_path, edit, words):
    from keyaccount.cases import case_path
    text = case_path("hightouch_opportunity_erp").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(edit(text), encoding="utf-8")
    with pytest.raises(CaseFileError) as err:
        load_opportunity_case(str(bad))
    assert all(w in str(err.value) for w in words), str(err.value)
