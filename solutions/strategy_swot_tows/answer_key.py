"""Answer key of the strategy_swot_tows exercise (case strategy_antelope).

Lesson 30 works through part of the case; the exercise asks about the rest. The SWOT question
sorts the asked statements whose quadrant is not debatable; the debatable ones are asked
separately ("by definition, which quadrant?"). The TOWS question gives each asked source strategy
with what it builds on and answers, in the case's words (never card labels), and asks for its
kind by the source's rule (优势+机会 SO …).
"""
from keyaccount.exercises.strategy_swot_tows import BY_DEFINITION, CASE, labelled_statements, labelled_strategies
from keyaccount.swot.case import load_swot_case

# 练习案例里拿掉的参考答案：源文件对信息1–8 的归类（有争议的两张另有按定义的归类和说明），
# 策略1–11 的类型和课程标出的它们用到的信息（uses 加上已知的象限就是类型）。
STATEMENTS = {
    "信息1": {"quadrant": "O"},
    "信息2": {"quadrant": "S"},
    "信息3": {"quadrant": "W"},
    "信息4": {"quadrant": "O", "also_accepted": ["S"],
            "note": "营销能力是羚羊自身的能力（内部因素），按定义应属优势；源文件放在机会里。"},
    "信息5": {"quadrant": "T", "also_accepted": ["W"],
            "note": "样板点少是羚羊自身的短板（内部因素），按定义应属劣势；源文件放在威胁里"
                    "（幻灯片上它和劣势栏挤在一起，文字跨在两栏之间）。"},
    "信息6": {"quadrant": "W"},
    "信息7": {"quadrant": "S"},
    "信息8": {"quadrant": "T"},
}
STRATEGIES = {
    "策略1": {"kind": "SO", "uses": ["信息11", "信息1"]},
    "策略2": {"kind": "WT", "uses": ["信息9", "信息3", "信息8"]},
    "策略3": {"kind": "SO", "uses": ["信息7", "信息1"]},
    "策略4": {"kind": "SO", "uses": ["信息13", "信息12"]},
    "策略5": {"kind": "SO", "uses": ["信息11", "信息10", "信息4", "信息1"]},
    "策略6": {"kind": "ST", "uses": ["信息7", "信息15"]},
    "策略7": {"kind": "WO", "uses": ["信息14", "信息12"]},
    "策略8": {"kind": "ST", "uses": ["信息13", "信息8"]},
    "策略9": {"kind": "ST", "uses": ["信息13", "信息8", "信息15"]},
    "策略10": {"kind": "WO", "uses": ["信息6", "信息12"]},
    "策略11": {"kind": "WT", "uses": ["信息3", "信息15", "信息5"]},
}
REFERENCE = {CASE: {"statements": STATEMENTS, "strategies": STRATEGIES}}   # 案例名 → 字段


# 自查里显示的格式要求（学员能看到；不是答案）。
HINTS = {
    "按定义归类": {"each": {"options": ["S", "W", "O", "T"]}},
    "策略类型": {"each": {"options": ["SO", "WO", "ST", "WT"]}},
}
# 需要判断的题（按定义对案例事实作出决定）：三道题都是。
JUDGEMENT = {"SWOT分类", "按定义归类", "策略类型"}


def answer_key() -> dict:
    case = load_swot_case(CASE, REFERENCE[CASE])
    statements = labelled_statements(case)
    return {
        "SWOT分类": {code: {label for label, s in statements.items() if label not in BY_DEFINITION and s.quadrant == code}
                 for code in "SWOT"},
        "按定义归类": {label: statements[label].also_accepted[0] for label in BY_DEFINITION},
        "策略类型": {label: s.kind for label, s in labelled_strategies(case).items()},
    }
