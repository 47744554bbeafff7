"""Sales-project case files (kind: sales_project): the facts, the fishbone and the plans.

A sales-project case either tells its own story and names its people inline, or builds on a
projects case (``project_case: projects_abc_h``): then the title, story, project name and
people come from that file, so they live in one place, and this file holds only the fishbone,
the plan, the tender close and the competitors.
"""
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from keyaccount.cases import Case, CaseFileError, case_path, load_case
from keyaccount.fishbone.case import FishbonePart
from keyaccount.plan import model
from keyaccount.projects import elements
from keyaccount.projects.case import load_projects_case


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Part):
    name: str = Field(min_length=1)
    note: str = ""


class Person(_Part):
    name: str = Field(min_length=1)
    org: str
    role: str = ""
    attitude: str = ""


class TaskEntry(_Part):
    id: str = Field(min_length=1)
    part: str = Field(min_length=1)
    content: str = ""
    goal: str = ""
    start: dt.date
    end: dt.date
    owner: str = ""
    resources: str = ""
    checkpoint: str = ""


# written here only when there is no project_case; taken from the project case otherwise
_FROM_PROJECT_CASE = ("title", "story", "project", "people")


class ProjectCase(Case):
    kind: Literal["sales_project"] = "sales_project"
    title: str = ""
    project_case: str = ""   # a projects case (kind: projects) holding the story and the people
    project: str = ""
    customer: str
    us: str
    salesperson: str
    tender_close: dt.date
    competitors: tuple[Party, ...] = ()
    people: tuple[Person, ...] = ()
    fishbone: FishbonePart
    plan: tuple[TaskEntry, ...] = ()
    draft_plan: tuple[TaskEntry, ...] = ()   # a plan with mistakes, for the exercise

    @model_validator(mode="after")
    def _people_inline_or_project_case(self):
        if self.project_case:
            written = [f for f in _FROM_PROJECT_CASE if getattr(self, f)]
            if written:
                raise ValueError(f"写了 project_case（{self.project_case}），{'、'.join(written)} 就从那个项目案例里取，"
                                 f"这里不要再写一遍（人物和故事只写在一个地方）。")
        else:
            missing = [f for f in _FROM_PROJECT_CASE if f != "story" and not getattr(self, f)]
            if missing:
                raise ValueError(f"缺少 {'、'.join(missing)}：要么在这里写出 title、project、people，"
                                 f"要么用 project_case 指向一个 kind: projects 的项目案例（二选一）。")
        return self

    def tasks(self, draft: bool = False) -> tuple:
        return tuple(model.Task(**t.model_dump()) for t in (self.draft_plan if draft else self.plan))


def load_project_case(name: str, reference: dict | None = None) -> ProjectCase:
    """Read and validate a sales-project case file from cases/; a project_case is read in too.
    ``reference``: the fields an exercise case leaves out, from its answer key (see ``cases.load_case``)."""
    case = load_case(name, ProjectCase, reference)
    return _with_project_case(case, case_path(name).name) if case.project_case else case


def _with_project_case(case: ProjectCase, filename: str) -> ProjectCase:
    def fail(message):
        raise CaseFileError(f"案例文件 {filename} 的 project_case（{case.project_case}）：{message}") from None

    try:
        base = load_projects_case(case.project_case)
    except CaseFileError as err:
        fail(err)
    if base.project is None or not base.people:
        fail("这个项目案例要有 project（项目四要素）和 people（物理树状图的人物）。")
    told = "".join((base.title + base.story).split())
    for field in ("customer", "us", "salesperson"):
        value = getattr(case, field)
        if "".join(value.split()) not in told:
            fail(f"{field} 写的是“{value}”，项目案例的标题和故事里却没有它。")
    signed = elements.sign_date(base.project.sign_date)
    if not signed.first <= case.tender_close <= signed.last:
        fail(f"tender_close 是 {case.tender_close}，不在项目案例的预签时间 {signed.text} 之内。")
    tree = base.tree()
    people = tuple(Person(name=p.name, org=case.customer, role=p.title, attitude=f"采购角色：{p.role}")
                   for p in tree.people)   # the CRs are the learner's judgement in projects_abc_tree
    return case.model_copy(update={"title": base.title, "source": case.source or base.source,
                                   "story": base.story.strip(), "project": base.project.name, "people": people})
