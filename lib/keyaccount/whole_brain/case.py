"""Whole-brain case files (kind: whole_brain): a customer's observed behaviour and the
three rounds of elements that best describe them, as the salesperson judged it."""
from typing import Literal

from pydantic import field_validator

from keyaccount.cases import Case, load_case
from keyaccount.whole_brain.model import Profile


class WholeBrainCase(Case):
    kind: Literal["whole_brain"] = "whole_brain"
    person: str
    role: str
    observations: tuple[str, ...] = ()
    rounds: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

    @field_validator("rounds")
    @classmethod
    def _valid_rounds(cls, rounds):
        return Profile(rounds).rounds

    def profile(self) -> Profile:
        return Profile(self.rounds)


def load_whole_brain_case(name: str) -> WholeBrainCase:
    """Read and validate a whole-brain case file from cases/."""
    return load_case(name, WholeBrainCase)
