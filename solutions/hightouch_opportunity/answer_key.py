"""Answer key of the hightouch_opportunity exercise (case hightouch_opportunity_hospital): the learner
scores the five factors of “我们能否胜出？” from the team's diagnostic answers, then rolls up and decides."""
from keyaccount.opportunity.case import load_opportunity_case
from keyaccount.opportunity.model import QUESTIONS, best_partner

CASE = "hightouch_opportunity_hospital"
SCORED = QUESTIONS[2]   # 我们能否胜出？——练习里只给诊断答案，由学员打分

# 参考打分（1 明显不利 … 5 明显有利），依据案例的诊断回答；练习案例里没有这五个分数。
FACTOR_SCORES = {
    "客户内部支持": 4,          # 大多有利（主任支持、已有行动），只有一点限制（大事要副院长点头）
    "客户高层信任": 2,          # 大多不利（副院长偏向老供应商、院长未见），但已有挽回的迹象（院长汇报）
    "跟客户的文化兼容程度": 3,  # 关键的答案（驻点要求）还不知道
    "非正式决策标准": 2,        # 大多不利（本地企业、售后响应），但有挽回的办法（本地伙伴）
    "政治联盟": 3,              # 院长态度不知道，两边分量相当
}
REFERENCE = {CASE: {"scores": FACTOR_SCORES}}   # 练习案例里拿掉的参考事实（案例名 → 字段）

# 需要判断（销售经理的决定）而不是计算的题目。
JUDGEMENT = {"因素打分", "Z位置", "短板因素", "最佳伙伴"}
# 算出来的数（金额、得分、次数）：答错时告诉学员偏大还是偏小（其余的题只说“不正确”，免得试几次就试出答案）。
AMOUNTS = {"胜出得分", "总分"}

# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "因素打分": {"each": {"options": [1, 2, 3, 4, 5]}},
    "胜出得分": {"range": (1, 5), "hint": "问题得分是五个因素的平均分，因素按 1–5 分打，所以应在 1 到 5 之间。"},
    "总分": {"range": (1, 5), "hint": "总分是四个问题得分的平均，应在 1 到 5 之间。"},
    "Z位置": {"options": [1, 0, -1]},
    "最弱问题": {"options": [1, 2, 3, 4]},
}


def answer_key() -> dict:
    case = load_opportunity_case(CASE, REFERENCE[CASE])
    card = case.scorecard()
    return {
        "因素打分": {f.name: card.scores[f.name] for f in SCORED.factors},
        "胜出得分": card.question_scores[SCORED.name],
        "总分": card.overall,
        "Z位置": card.z,
        "最弱问题": [q.name for q in QUESTIONS].index(card.weakest_question) + 1,   # 第几个问题
        "短板因素": set(card.weak_factors()),
        "最佳伙伴": best_partner(case.partners),
    }
