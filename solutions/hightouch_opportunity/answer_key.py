"""Answer key of the hightouch_opportunity exercise (case hightouch_opportunity_hospital)."""
from keyaccount.opportunity.case import load_opportunity_case
from keyaccount.opportunity.model import QUESTIONS, best_partner

CASE = "hightouch_opportunity_hospital"


# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "question_scores": {"each": {"range": (1, 5), "hint": "问题得分是五个因素的平均分，因素按 1–5 分打，所以应在 1 到 5 之间。"}},
    "overall": {"range": (1, 5), "hint": "总分是四个问题得分的平均，应在 1 到 5 之间。"},
    "z": {"options": [1, 0, -1]},
    "weakest": {"options": [1, 2, 3, 4]},
}


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
