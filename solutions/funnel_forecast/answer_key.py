"""Answer key of the funnel_forecast exercise (case funnel_exercise_hardware)."""
from keyaccount.funnel.case import load_funnel_case
from keyaccount.funnel.model import FUNNEL_REVIEW

CASE = "funnel_exercise_hardware"

# 漏斗诊断题：每种情况最主要的问题出在哪一项指标（题目文字在练习本里）。
DIAGNOSIS = {"甲": "方向", "乙": "流速", "丙": "单产", "丁": "成功率", "戊": "数量"}

# 三步曲题：王经理的六个动作各属于哪一步（题目文字和判断规则在练习本里；步骤名取自 FUNNEL_REVIEW）。
ANALYSE, QUESTION, COACH = (step[0] for step in FUNNEL_REVIEW)
REVIEW = {"动作1": ANALYSE, "动作2": QUESTION, "动作3": COACH, "动作4": ANALYSE, "动作5": QUESTION, "动作6": COACH}

# 需要判断（销售经理的决定）而不是计算或照抄的题目。
JUDGEMENT = {"漏斗诊断", "复盘步骤"}
# 算出来的数（金额、得分、次数）：答错时告诉学员偏大还是偏小（其余的题只说“不正确”，免得试几次就试出答案）。
AMOUNTS = {"业绩预测", "小项目漏斗", "大项目漏斗"}

# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "业绩预测": {
        "预测完成率": {"ratio": True, "range": (0.3, 2),
                       "hint": "预测完成率 = 预测的实现 ÷ 定额，通常在 0.3 到 2 之间；请检查分子是否包含本期已实现。"},
    },
    "小项目漏斗": {
        "预计成交单数": {"range": (0, 178), "hint": "预计成交单数不会超过漏斗里的项目总数（意向 + 方案 + 谈判）。"},
    },
    "大项目漏斗": {
        "期望收入合计": {"range": (0, 720), "hint": "期望收入合计 = 各阶段金额 × 成交概率之和，不会超过各阶段金额的总和。"},
    },
    "漏斗诊断": {"each": {"options": ["数量", "方向", "流速", "单产", "成功率"]}},
    "复盘步骤": {"each": {"options": [ANALYSE, QUESTION, COACH]}},
}


def answer_key() -> dict:
    case = load_funnel_case(CASE)
    f, s, big = case.performance_forecast(), case.small_funnel(), case.large_funnel()
    return {
        "业绩预测": {"预测合计": f.forecast_total, "预测外实现": f.unforecast,
                    "预测完成率": f.completion_rate},
        "小项目漏斗": {"预计成交单数": s.expected_deals, "预计成交金额": s.expected_revenue,
                     "金额缺口": s.gap, "项目缺口": s.project_gap},
        "大项目漏斗": {"期望收入合计": big.expected_revenue, "本期预计回款": big.collection_forecast,
                     "大项目缺口": big.gap},
        "漏斗诊断": dict(DIAGNOSIS),
        "复盘步骤": dict(REVIEW),
    }
