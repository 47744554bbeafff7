"""Answer key of the hightouch_opportunity exercise (case hightouch_opportunity_hospital)."""
from keyaccount.opportunity.case import load_opportunity_case
from keyaccount.opportunity.model import QUESTIONS, best_partner

CASE = "hightouch_opportunity_hospital"


def answer_key() -> dict:
    case = load_opportunity_case(CASE)
    card = case.scorecard()
    return {
        "question_scores": dict(card.question_scores),
        "overall": card.overall,
        "z": card.z,
        "weakest": [q.name for q in QUESTIONS].index(card.weakest_question) + 1,   # 第几个问题
        "partner": best_partner(case.partners),
    }
