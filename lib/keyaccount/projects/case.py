"""Case files of the projects module (kind: projects), and loading a project table from CSV.

A case may hold: the four elements of one project with the customer's people (physical
tree), a statistics table of projects with the date it is read on, and 1+2+1 rows.
"""
import csv
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from keyaccount import p_stages, validation as v
from keyaccount.cases import Case, CaseFileError, case_path, load_case
from keyaccount.org_tree import fishnet
from keyaccount.org_tree.model import Influence, OrgTree, Person
from keyaccount.projects import elements
from keyaccount.projects.one_two_one import OneTwoOne


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ElementsData(_Part):
    """The four elements as written in the file; checked by the model's own rules. An exercise case
    may leave the state out (the learner judges it; the answer key adds it as its reference)."""
    name: str
    status: str | None = None
    amount: float | str | tuple[float, float]
    sign_date: str

    @field_validator("status")
    @classmethod
    def _status(cls, value):
        return None if value is None else p_stages.stage(value.strip().upper()).code

    @field_validator("amount")
    @classmethod
    def _amount(cls, value):
        elements.amount(value)
        return value

    @field_validator("sign_date")
    @classmethod
    def _sign_date(cls, value):
        elements.sign_date(value)
        return value


class ContactData(_Part):
    name: str
    cr: int | str


class ProjectRow(ElementsData):
    owner: str = ""
    contacts: tuple[ContactData, ...] = ()
    abc: str = ""
    situation: str = ""   # what the story says about it (小李's customers)

    def project(self) -> elements.Project:
        _require_status(self)
        return elements.Project.of(self.name, self.status, self.amount, self.sign_date, self.owner,
                                   [(c.name, c.cr) for c in self.contacts], self.abc)


class PersonData(_Part):
    name: str
    title: str = ""
    level: str
    chain: str = "无"      # an exercise case leaves chain and CR out: the learner judges them
    cr: int | str = 1
    role: str = "（未定）"
    reports_to: str = ""


class InfluenceData(_Part):
    source: str
    target: str
    note: str = ""


class TieData(_Part):
    member: str
    person: str
    cr: int | str


class AllyData(_Part):
    name: str
    role: str
    cr: int | str


class OneTwoOneData(_Part):
    project: str
    guide: str
    allies: tuple[AllyData, AllyData]
    salesperson: str
    next_step: str = ""


class ProjectsCase(Case):
    kind: Literal["projects"] = "projects"
    unit: str = "万元"
    project: ElementsData | None = None
    people: tuple[PersonData, ...] = ()
    influences: tuple[InfluenceData, ...] = ()
    as_of: date | None = None           # the day a statistics table is read on
    projects: tuple[ProjectRow, ...] = ()
    one_two_one: tuple[OneTwoOneData, ...] = ()
    team: tuple[str, ...] = ()               # our people, for the fishnet
    fishnet: tuple[TieData, ...] = ()
    reference: dict[str, str | float] = {}   # the source's own answer, shown beside the kit's
    notes: str = ""

    def four_elements(self) -> elements.Project:
        if self.project is None:
            raise v.InputError(f"案例 {self.title} 没有 project（项目四要素）。")
        p = self.project
        _require_status(p)
        return elements.Project.of(p.name, p.status, p.amount, p.sign_date)

    def tree(self) -> OrgTree:
        return OrgTree(tuple(Person.of(**p.model_dump()) for p in self.people),
                       tuple(Influence(**i.model_dump()) for i in self.influences))

    def ties(self):
        return fishnet.ties(self.tree(), self.team, [(t.member, t.person, t.cr) for t in self.fishnet])

    def project_list(self) -> list[elements.Project]:
        return [row.project() for row in self.projects]

    def statistics_table(self):
        return elements.statistics_table(self.project_list())

    def tracking_rows(self) -> list[OneTwoOne]:
        return [OneTwoOne.of(r.project, r.guide, [(a.name, a.role, a.cr) for a in r.allies],
                             r.salesperson, r.next_step) for r in self.one_two_one]


def load_projects_case(name: str, reference: dict | None = None) -> ProjectsCase:
    """Read and validate a projects case file from cases/; the tree and projects are checked too.
    ``reference``: the fields an exercise case leaves out, from its answer key (see ``cases.load_case``)."""
    case = load_case(name, ProjectsCase, reference)
    try:
        if case.people:
            case.tree()
            case.ties()
        if all(row.status for row in case.projects):
            case.project_list()
        case.tracking_rows()
    except v.InputError as err:
        raise CaseFileError(f"案例文件 {case_path(name).name}：{err}") from None
    return case


def _require_status(data: ElementsData) -> None:
    if data.status is None:
        raise v.InputError(f"项目 {data.name} 的状态不在案例文件里（练习要学员自己判断），这里用不到它。")


# ---------------------------------------------------------------- CSV
CSV_COLUMNS = {
    "项目名称": "必填，项目的名字",
    "负责人": "可空，跟进的销售",
    "状态": "必填，P0–P7 中唯一一个已完成状态（不能写 P2-P3）",
    "预签金额": "必填，万元；早期可写范围，如 80~150",
    "预签时间": "必填，如 2013.5.30、13.6（月）、12.Q4（季度）或范围 13.4~13.6",
    "客户名单": "可空，多人用顿号、逗号或空格隔开",
    "客户关系程度": "可空，与客户名单一一对应，如 CR1 CR3",
    "ABC": "可空，由 A、B、C 组成的分级",
}


def read_projects_csv(path) -> list[elements.Project]:
    """Projects from a CSV with the CSV_COLUMNS header (UTF-8); errors name the row and column."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except UnicodeDecodeError:
        raise v.InputError(f"{path.name} 不是 UTF-8 编码：请在表格软件里另存为“CSV UTF-8”。") from None
    header = list(rows[0].keys()) if rows else []
    missing = [c for c in ("项目名称", "状态", "预签金额", "预签时间") if c not in header]
    if missing:
        raise v.InputError(f"{path.name} 缺少列 {'、'.join(missing)}。需要的列：{'、'.join(CSV_COLUMNS)}。")
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise v.InputError(f"{path.name} 有不认识的列 {'、'.join(map(str, unknown))}。可用的列：{'、'.join(CSV_COLUMNS)}。")
    return [_csv_project(row, number, path.name) for number, row in enumerate(rows, start=2)]


def _csv_project(row: dict, number: int, filename: str) -> elements.Project:
    def cell(column):
        return (row.get(column) or "").strip()

    def fail(column, err):
        raise v.InputError(f"{filename} 第 {number} 行，列 {column}：{err}") from None

    if not cell("项目名称"):
        fail("项目名称", "不能为空。")
    checks = (("状态", lambda x: p_stages.stage(x.upper())), ("预签金额", elements.amount),
              ("预签时间", elements.sign_date))
    for column, check in checks:
        try:
            check(cell(column))
        except v.InputError as err:
            fail(column, err)
    names = [n for n in cell("客户名单").replace("，", " ").replace(",", " ").replace("、", " ").split() if n]
    levels = cell("客户关系程度").replace(",", " ").replace("，", " ").replace("、", " ").split()
    if len(names) != len(levels):
        fail("客户关系程度", f"客户名单有 {len(names)} 人，客户关系程度却有 {len(levels)} 个。")
    try:
        contacts = [elements.Contact.of(n, c) for n, c in zip(names, levels)]
    except v.InputError as err:
        fail("客户关系程度", err)
    try:
        return elements.Project.of(cell("项目名称"), cell("状态"), cell("预签金额"), cell("预签时间"),
                                   cell("负责人"), contacts, cell("ABC"))
    except v.InputError as err:
        fail("ABC", err)
