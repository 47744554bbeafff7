"""Projects case files and the CSV project table: load, and name the broken field, row and column."""
import pytest

from conftest import key_references

from keyaccount.cases import CaseFileError, list_cases
from keyaccount.projects.case import CSV_COLUMNS, load_projects_case, read_projects_csv
from keyaccount.validation import InputError


@pytest.mark.parametrize("name", list_cases("projects"))
def test_every_projects_case_loads(name):
    assert load_projects_case(name).title


def test_abc_case_keeps_the_source_reference_beside_the_story_range():
    """The shipped case leaves the state, chains and CRs to the learner; the key's reference adds them."""
    shipped = load_projects_case("projects_abc_h")
    assert shipped.project.status is None and {(p.chain, p.cr) for p in shipped.people} == {("无", 1)}
    with pytest.raises(InputError, match="状态不在案例文件里"):
        shipped.four_elements()
    case = load_projects_case("projects_abc_h", key_references()["projects_abc_h"])
    p = case.four_elements()
    assert (p.status, p.amount.low, p.amount.high, p.sign_date.text) == ("P2", 80, 150, "2013.5")
    assert case.reference == {"状态": "P2", "预签金额": 120, "预签时间": "2013.5.30"}
    assert p.amount.low <= case.reference["预签金额"] <= p.amount.high
    assert [x.name for x in case.tree().chain("技术")] == ["黄总", "王副总", "徐经理", "冯工"]


def _write_case(tmp_path, monkeypatch, text):
    (tmp_path / "projects_broken.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KEYACCOUNT_CASES", str(tmp_path))


def test_a_range_status_in_a_case_file_names_the_field(tmp_path, monkeypatch):
    _write_case(tmp_path, monkeypatch, "kind: projects\ntitle: 坏\nproject: {name: X, status: P2-P3, amount: 1, sign_date: '13.5'}\n")
    with pytest.raises(CaseFileError, match=r"projects_broken\.yaml[\s\S]*project\.status[\s\S]*P2-P3"):
        load_projects_case("projects_broken")


def test_a_person_whose_boss_is_missing_names_the_file_and_person(tmp_path, monkeypatch):
    _write_case(tmp_path, monkeypatch, "kind: projects\ntitle: 坏\npeople:\n"
                "  - {name: 甲, level: 高层, chain: 无, reports_to: 乙}\n")
    with pytest.raises(CaseFileError, match="projects_broken.yaml.*甲.*乙"):
        load_projects_case("projects_broken")


def _csv(tmp_path, rows):
    path = tmp_path / "my.csv"
    path.write_text("\n".join([",".join(CSV_COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path


def test_a_project_table_loads_from_csv(tmp_path):
    projects = read_projects_csv(_csv(tmp_path, ["H项目,小李,P2,80~150,13.5,徐经理 冯工,CR3 CR3,AB"]))
    assert projects[0].amount.estimate == 115 and [c.cr.code for c in projects[0].contacts] == ["CR3", "CR3"]


@pytest.mark.parametrize("row, column", [
    ("H项目,小李,P2-P3,80,13.5,,,", "状态"),
    ("H项目,小李,P2,很多,13.5,,,", "预签金额"),
    ("H项目,小李,P2,80,明年,,,", "预签时间"),
    ("H项目,小李,P2,80,13.5,徐经理 冯工,CR3,", "客户关系程度"),
    (",小李,P2,80,13.5,,,", "项目名称"),
])
def test_a_bad_csv_names_row_and_column(tmp_path, row, column):
    path = _csv(tmp_path, ["A项目,小李,P1,10,13.1,,,", row])
    with pytest.raises(InputError, match=f"第 3 行，列 {column}"):
        read_projects_csv(path)


def test_a_csv_missing_a_column_lists_the_columns(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("项目名称,状态\nH,P2\n", encoding="utf-8")
    with pytest.raises(InputError, match="缺少列 预签金额、预签时间"):
        read_projects_csv(path)
