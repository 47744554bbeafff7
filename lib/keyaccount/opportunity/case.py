"""Opportunity case files (kind: opportunity): one deal scored on the 20 factors, with
the evidence behind each score, optionally the team's answers to a factor's diagnostic
questions, and the candidate partners scored the same way. A factor with diagnostic answers
may be left unscored: an exercise where the learner scores it (its key passes the score as
``reference``)."""
from typing import Literal

from pydantic import field_validator

from keyaccount.cases import Case, load_case
from keyaccount import validation as v
from keyaccount.opportunity.model import Scorecard, checked_scores, factor


class OpportunityCase(Case):
    kind: Literal["opportunity"] = "opportunity"
    diagnostics: dict[str, tuple[str, ...]] = {}  # 因素 → 团队对它每个诊断问题的回答（按问题顺序）
    scores: dict[str, int]                 # 因素 → 1–5（有诊断回答的因素可以不打分，由学员打）
    evidence: dict[str, str] = {}          # 因素 → 打分依据（案例事实）
    partners: dict[str, dict[str, int]] = {}  # 伙伴 → {因素 → 1–5}

    @field_validator("scores")
    @classmethod
    def _all_factors(cls, scores, info):
        return checked_scores(scores, unscored=info.data.get("diagnostics", {}))

    @field_validator("diagnostics")
    @classmethod
    def _one_answer_per_question(cls, diagnostics):
        for name, answers in diagnostics.items():
            asked = factor(name).diagnostics
            if len(answers) != len(asked):
                raise v.InputError(f"“{name}”有 {len(asked)} 个诊断问题，却写了 {len(answers)} 条回答。")
        return diagnostics

    def diagnosis(self, name: str) -> list[tuple[str, str]]:
        """(诊断问题, 团队的回答) of one factor, in the question order."""
        return list(zip(factor(name).diagnostics, self.diagnostics.get(name, ())))

    @field_validator("partners")
    @classmethod
    def _partner_factors(cls, partners):
        return {name: checked_scores(s, f"伙伴“{name}”的评分") for name, s in partners.items()}

    def scorecard(self) -> Scorecard:
        return Scorecard(self.scores)

    def partner_scorecards(self) -> dict:
        return {name: Scorecard(s) for name, s in self.partners.items()}


def load_opportunity_case(name: str, reference: dict | None = None) -> OpportunityCase:
    """Read and validate an opportunity case file from cases/ (``reference``: see ``cases.load_case``)."""
    return load_case(name, OpportunityCase, reference)
