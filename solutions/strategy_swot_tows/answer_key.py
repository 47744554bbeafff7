"""Answer key of the strategy_swot_tows exercise (case strategy_antelope).

Lesson 30 works through part of the case; the exercise asks about the rest. The SWOT question
sorts the asked statements whose quadrant is not debatable; the debatable ones are asked
separately ("by definition, which quadrant?"). The TOWS question gives each asked source strategy
with what it builds on and answers, in the case's words (never card labels), and asks for its
kind by the source's rule (优势+机会 SO …).
"""
from keyaccount.exercises.strategy_swot_tows import CASE, labelled_statements, labelled_strategies
from keyaccount.swot.case import load_swot_case


# 自查里显示的格式要求（学员能看到；不是答案）。
HINTS = {
    "按定义归类": {"each": {"options": ["S", "W", "O", "T"]}},
    "策略类型": {"each": {"options": ["SO", "WO", "ST", "WT"]}},
}
# 需要判断的题（按定义对案例事实作出决定）：三道题都是。
JUDGEMENT = {"SWOT分类", "按定义归类", "策略类型"}


def answer_key() -> dict:
    case = load_swot_case(CASE)
    statements = labelled_statements(case)
    return {
        "SWOT分类": {code: {label for label, s in statements.items() if not s.debatable and s.quadrant == code}
                 for code in "SWOT"},
        "按定义归类": {label: s.also_accepted[0] for label, s in statements.items() if s.debatable},
        "策略类型": {label: s.kind for label, s in labelled_strategies(case).items()},
    }
