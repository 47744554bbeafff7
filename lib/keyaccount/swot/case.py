"""SWOT case files (kind: swot): the case's statements with reference quadrants, and TOWS strategies.

An exercise case may leave a statement's quadrant or a strategy's kind (and what it uses) out: the
learner judges them; the exercise's answer key passes them as ``reference``."""
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field

from keyaccount import validation as v
from keyaccount.cases import Case, load_case
from keyaccount.swot import model

QuadrantCode = Literal["S", "W", "O", "T"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatementEntry(_Part):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    quadrant: QuadrantCode | None = None   # 没有：练习要学员归类
    category: str = ""
    also_accepted: tuple[QuadrantCode, ...] = ()
    note: str = ""


class StrategyEntry(_Part):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    kind: Literal["SO", "WO", "ST", "WT"] | None = None   # 没有：练习要学员判断类型
    uses: tuple[str, ...] = ()
    why: str = ""   # what the strategy builds on and what it answers, in the case's words


class SwotCase(Case):
    kind: Literal["swot"] = "swot"
    company: str = ""
    statements: tuple[StatementEntry, ...]
    strategies: tuple[StrategyEntry, ...] = ()

    def swot(self, ids: Iterable[str] | None = None) -> model.Swot:
        """The statements (all, or those with ``ids``) in their quadrants."""
        chosen = _chosen(self.statements, ids, "quadrant", "象限")
        return model.Swot(tuple(model.Statement(**s.model_dump()) for s in chosen))

    def strategy_list(self, ids: Iterable[str] | None = None) -> tuple:
        """The strategies (all, or those with ``ids``) with their kinds."""
        return tuple(model.Strategy(**s.model_dump()) for s in _chosen(self.strategies, ids, "kind", "类型"))


def _chosen(entries, ids, field: str, label: str) -> tuple:
    """``entries`` (those with ``ids``), refused when one has no ``field`` (an exercise asks for it)."""
    wanted = None if ids is None else set(ids)
    chosen = tuple(e for e in entries if wanted is None or e.id in wanted)
    left_out = [e.id for e in chosen if getattr(e, field) is None]
    if left_out:
        raise v.InputError(f"{'、'.join(left_out)} 的{label}不在案例文件里（练习要学员自己判断），这里用不到它们。")
    return chosen


def load_swot_case(name: str, reference: dict | None = None) -> SwotCase:
    """Read and validate a SWOT case file from cases/ (``reference``: see ``cases.load_case``)."""
    return load_case(name, SwotCase, reference)
