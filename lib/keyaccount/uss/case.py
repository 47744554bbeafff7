"""Deal-list case files (kind: uss_deals): deals described in words, with the facts the
mode chooser needs, so a lesson or an exercise can ask which USS mode fits each deal.
An exercise case ships only the words; its answer key passes the facts as ``reference``."""
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from keyaccount import validation as v
from keyaccount.cases import Case, load_case
from keyaccount.uss.model import DEAL_QUESTIONS, choose_mode


class Deal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    description: str
    value_space: str | None = None
    solution: str | None = None
    buyers: str | None = None

    @field_validator("value_space", "solution", "buyers")
    @classmethod
    def _known_answer(cls, answer, info):
        label, options = DEAL_QUESTIONS[info.field_name]
        return None if answer is None else v.one_of(label, answer, tuple(options))

    def mode(self) -> str:
        if None in (self.value_space, self.solution, self.buyers):
            raise v.InputError(f"“{self.name}”只有文字描述，没有价值空间、方案和购买者这三项判断：请先自己判断。")
        return choose_mode(self.value_space, self.solution, self.buyers)


class DealsCase(Case):
    kind: Literal["uss_deals"] = "uss_deals"
    deals: tuple[Deal, ...]

    def modes(self) -> dict:
        """{deal name: suggested mode}."""
        return {d.name: d.mode() for d in self.deals}


def load_deals_case(name: str, reference: dict | None = None) -> DealsCase:
    """Read and validate a deal-list case file from cases/ (``reference``: see ``cases.load_case``)."""
    return load_case(name, DealsCase, reference)
