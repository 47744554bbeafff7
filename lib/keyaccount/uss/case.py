"""Deal-list case files (kind: uss_deals): deals described in words, with the facts the
mode chooser needs, so a lesson or an exercise can ask which USS mode fits each deal."""
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from keyaccount import validation as v
from keyaccount.cases import Case, load_case
from keyaccount.uss.model import DEAL_QUESTIONS, choose_mode


class Deal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    description: str
    value_space: str
    solution: str
    buyers: str

    @field_validator("value_space", "solution", "buyers")
    @classmethod
    def _known_answer(cls, answer, info):
        label, options = DEAL_QUESTIONS[info.field_name]
        return v.one_of(label, answer, tuple(options))

    def mode(self) -> str:
        return choose_mode(self.value_space, self.solution, self.buyers)


class DealsCase(Case):
    kind: Literal["uss_deals"] = "uss_deals"
    deals: tuple[Deal, ...]

    def modes(self) -> dict:
        """{deal name: suggested mode}."""
        return {d.name: d.mode() for d in self.deals}


def load_deals_case(name: str) -> DealsCase:
    """Read and validate a deal-list case file from cases/."""
    return load_case(name, DealsCase)
