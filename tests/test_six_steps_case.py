"""Six-step case files load, their answers follow from the kit, and a broken file names the field."""
from pathlib import Path

import pytest
import yaml

from conftest import key_references
from keyaccount.cases import CaseFileError, list_cases
from keyaccount.six_steps import trust
from keyaccount.six_steps.case import load_six_steps_case

CASES = list_cases("six_steps")


def test_there_is_a_lesson_case_and_an_exercise_case():
    assert {"six_steps_yaya_oilfield", "six_steps_bank_uniform"} <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_case_loads_and_its_styles_follow_from_the_observed_behaviours(name):
    case = load_six_steps_case(name, key_references().get(name))   # an exercise case with its key's facts
    for person in case.people:
        assert trust.identify_style(person.observed).styles == (person.style,), person.name
    assert len(case.meeting_outcomes()) == len(case.meetings)


def _broken(tmp_path: Path, monkeypatch, change) -> str:
    data = yaml.safe_load(Path("cases/six_steps_yaya_oilfield.yaml").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "six_steps_broken.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("KEYACCOUNT_CASES", str(tmp_path))
    with pytest.raises(CaseFileError) as err:
        load_six_steps_case("six_steps_broken")
    return str(err.value)


def test_wrong_relationship_stage_names_file_and_field(tmp_path, monkeypatch):
    message = _broken(tmp_path, monkeypatch, lambda d: d["people"][0].update(stage="朋友"))
    assert "six_steps_broken.yaml" in message and "people.1.stage" in message and "朋友" in message


def test_unknown_meeting_action_is_named(tmp_path, monkeypatch):
    message = _broken(tmp_path, monkeypatch, lambda d: d["meetings"][0].update(actions=["请我吃饭"]))
    assert "meetings.1.actions" in message and "请我吃饭" in message


def test_missing_opportunity_criterion_is_named(tmp_path, monkeypatch):
    message = _broken(tmp_path, monkeypatch, lambda d: d["prospect"].pop("budget"))
    assert "prospect" in message and "budget" in message


def test_org_table_lists_people_top_level_first():
    table = load_six_steps_case("six_steps_yaya_oilfield").org_table()
    assert table["级别"].tolist() == sorted(table["级别"], key=["高层", "中层", "基层"].index)
    assert table.loc[0, "采购角色"] == "决策者"


def test_unknown_purchase_role_is_named(tmp_path, monkeypatch):
    message = _broken(tmp_path, monkeypatch, lambda d: d["people"][0].update(roles=["拍板人"]))
    assert "people.1.roles" in message and "拍板人" in message


def test_unknown_finding_method_in_the_ecosystem_is_named(tmp_path, monkeypatch):
    message = _broken(tmp_path, monkeypatch, lambda d: d["ecosystem"][0].update(method="扫街法"))
    assert "ecosystem.1.method" in message and "扫街法" in message


def test_a_needs_branch_without_purchase_specs_is_refused(tmp_path, monkeypatch):
    message = _broken(tmp_path, monkeypatch,
                      lambda d: d["needs_tree"]["problems"][0]["solutions"][0].update(specs=[]))
    assert "needs_tree.problems.1.solutions.1.specs" in message


def test_lesson_case_has_an_ecosystem_map_and_a_needs_tree():
    case = load_six_steps_case("six_steps_yaya_oilfield")
    assert {m for _, _, m in ((e.source, e.target, e.method) for e in case.ecosystem)} == \
        {"行业渗透法", "区域参照法", "客户介绍法", "交换合作法", "跟踪挖掘法"}
    assert case.needs_tree.nodes()[0].level == "目标愿望"
