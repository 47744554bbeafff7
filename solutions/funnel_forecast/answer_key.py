"""Answer key of the funnel_forecast exercise (case funnel_exercise_hardware)."""
from keyaccount.funnel.case import load_funnel_case

CASE = "funnel_exercise_hardware"

# 漏斗诊断题：每种情况最主要的问题出在哪一项指标（题目文字在练习本里）。
DIAGNOSIS = {"甲": "方向", "乙": "流速", "丙": "单产", "丁": "成功率", "戊": "数量"}


def answer_key() -> dict:
    case = load_funnel_case(CASE)
    f, s, big = case.performance_forecast(), case.small_funnel(), case.large_funnel()
    return {
        "performance": {"预测合计": f.forecast_total, "预测外实现": f.unforecast,
                        "预测完成率": f.completion_rate},
        "small": {"预计成交单数": s.expected_deals, "预计成交金额": s.expected_revenue,
                  "金额缺口": s.gap, "项目缺口": s.project_gap},
        "large": {"期望收入合计": big.expected_revenue, "本期预计回款": big.collection_forecast,
                  "大项目缺口": big.gap},
        "diagnosis": dict(DIAGNOSIS),
    }
