"""SWOT case files (kind: swot): the case's statements with reference quadrants, and TOWS strategies."""
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from keyaccount.cases import Case, load_case
from keyaccount.swot import model

QuadrantCode = Literal["S", "W", "O", "T"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatementEntry(_Part):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    quadrant: QuadrantCode
    category: str = ""
    also_accepted: tuple[QuadrantCode, ...] = ()
    note: str = ""


class StrategyEntry(_Part):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    kind: Literal["SO", "WO", "ST", "WT"]
    uses: tuple[str, ...] = ()
    why: str = ""   # what the strategy builds on and what it answers, in the case's words


class SwotCase(Case):
    kind: Literal["swot"] = "swot"
    company: str = ""
    statements: tuple[StatementEntry, ...]
    strategies: tuple[StrategyEntry, ...] = ()

    def swot(self) -> model.Swot:
        return model.Swot(tuple(model.Statement(**s.model_dump()) for s in self.statements))

    def strategy_list(self) -> tuple:
        return tuple(model.Strategy(**s.model_dump()) for s in self.strategies)


def load_swot_case(name: str) -> SwotCase:
    """Read and validate a SWOT case file from cases/."""
    return load_case(name, SwotCase)
