"""Questions of six_steps_close_and_collect (steps 4–6, case six_steps_bank_uniform), shown shuffled."""
from keyaccount.six_steps import value
from keyaccount.six_steps.case import load_six_steps_case
from keyaccount.swot.case import load_swot_case

CASE = "six_steps_bank_uniform"
PROPOSAL_SHUFFLE = (4, 0, 6, 2, 5, 1, 3)            # 第 2 题打乱后的显示顺序

# 第 1 题：案例第一条卖点的三个短语（哪个是 F、A、B 由学员判断；案例文件里没有这条卖点）。
FAB_PHRASES = {"甲": "柜员在大堂里既暖和又精神", "乙": "羽绒服采用修身剪裁，领口和袖口可绣行徽", "丙": "保暖而不臃肿，全行样式统一"}


def fab_phrases() -> dict:
    """题号 → 卖点的三个短语。"""
    return dict(FAB_PHRASES)


def shuffled_proposal_parts() -> list:
    return [value.PROPOSAL_PARTS[i][0] for i in PROPOSAL_SHUFFLE]


# 第 3 题：鸭鸭团体定制 SWOT 里归类不含争议的 8 条事实（两条一个象限）。编号按文字排序，不透露象限；案例文件里
# 它们只有文字，象限和标签在答案表的 REFERENCE 里。第 14 课只用其余 12 条讲 QQCDMS/PEST（见 lesson_ids）。
YAYA_CASE = "six_steps_yaya_swot"
YAYA_ASKED = tuple(f"事实{n}" for n in range(1, 9))


def lesson_ids(case_name: str, statements) -> tuple:
    """The ids of ``statements`` a lesson shows: all, or of this exercise's 鸭鸭 case the ones it does not ask."""
    return tuple(s.id for s in statements if case_name != YAYA_CASE or s.id not in YAYA_ASKED)


def labelled_yaya(case) -> dict:
    """{"事实1": Statement, …}: the asked statements of the 鸭鸭 SWOT ``case`` (one that holds their quadrants)."""
    return {s.id: s for s in case.swot(YAYA_ASKED).statements}


def yaya_statements() -> dict:
    """{"事实1": text, …}: what question 3 shows (its quadrants and tags are the learner's judgement)."""
    return {s.id: s.text for s in load_swot_case(YAYA_CASE).statements if s.id in YAYA_ASKED}


def factor_names() -> list:
    """The names a learner tags a fact with: QQCDMS (internal) then PEST (external), each name once."""
    return [*value.QQCDMS.values(), *value.PEST.values()]
