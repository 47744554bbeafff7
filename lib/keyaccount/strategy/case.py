"""SMART-goal case files (kind: smart_goals): goals on structured fields, checked on a given day."""
import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from keyaccount.cases import Case, load_case
from keyaccount.strategy import smart


class GoalEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str = Field(min_length=1)
    what: str
    measure: str = ""
    target: float | str | None = None
    owner: str = ""
    start: dt.date | None = None
    due: dt.date | None = None
    overall_goal: str = ""
    resources: str = ""


class SmartGoalsCase(Case):
    kind: Literal["smart_goals"] = "smart_goals"
    today: dt.date
    goals: tuple[GoalEntry, ...]

    def goal_list(self) -> dict:
        """{label: smart.Goal}."""
        return {g.label: smart.Goal(**g.model_dump(exclude={"label"})) for g in self.goals}


def load_smart_case(name: str) -> SmartGoalsCase:
    return load_case(name, SmartGoalsCase)
