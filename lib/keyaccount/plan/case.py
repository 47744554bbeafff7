"""Sales-project case files (kind: sales_project): the facts, the fishbone and the plans."""
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from keyaccount.cases import Case, load_case
from keyaccount.fishbone.case import FishbonePart
from keyaccount.plan import model


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


class ProjectCase(Case):
    kind: Literal["sales_project"] = "sales_project"
    project: str
    customer: str
    us: str
    salesperson: str
    tender_close: dt.date
    competitors: tuple[Party, ...] = ()
    people: tuple[Person, ...] = ()
    fishbone: FishbonePart
    plan: tuple[TaskEntry, ...] = ()
    draft_plan: tuple[TaskEntry, ...] = ()   # a plan with mistakes, for the exercise

    def tasks(self, draft: bool = False) -> tuple:
        return tuple(model.Task(**t.model_dump()) for t in (self.draft_plan if draft else self.plan))


def load_project_case(name: str) -> ProjectCase:
    """Read and validate a sales-project case file from cases/."""
    return load_case(name, ProjectCase)
