"""Quadrants, elements, walk-around checklist, pairs, and the three-round self-assessment."""
from dataclasses import dataclass

from keyaccount import validation as v


@dataclass(frozen=True)
class Quadrant:
    letter: str
    name: str
    summary: str        # 偏好的思维方式（课程自己的描述）
    reach: str          # 和这类人沟通时的要点
    walk_around: tuple  # 沟通环走检查表：讲完之前自问


QUADRANTS = (
    Quadrant("A", "理性分析", "看重事实、数字和逻辑，喜欢把问题拆开分析，凭证据下结论。",
             "先给结论和数据，推理链条要清楚，少讲空话。",
             ("引用事实了吗？", "经过量化了吗？", "分析脉络清楚吗？", "切中要点了吗？", "合乎逻辑吗？")),
    Quadrant("B", "组织条理", "看重计划、流程和细节，喜欢有序、可控、按步骤推进。",
             "给出步骤、时间表和细节，格式整齐，避免临时变卦。",
             ("举出细节了吗？", "有先后顺序吗？", "简单利落吗？", "格式清楚明了吗？")),
    Quadrant("C", "人际感受", "看重人和关系，在意感受与氛围，喜欢合作与交流。",
             "先建立关系，多讲对人的好处和真实的例子，照顾情绪。",
             ("引用了能引起听众共鸣的经验吗？", "用例子说明要点了吗？", "对使用者有帮助、有好处吗？",
              "照顾到情绪方面了吗？")),
    Quadrant("D", "创意全局", "看重愿景和可能性，喜欢新点子、大图景，凭直觉跳跃思考。",
             "先讲愿景和大局，多用图形、比喻，留出想象空间。",
             ("展望到未来了吗？", "着眼于大局或概念了吗？", "以图形为主、有色彩吗？", "用到比喻了吗？")),
)
LETTERS = tuple(q.letter for q in QUADRANTS)

# 课程自拟的元素表（每个象限 6 个），用于三轮各选 8 项的自我评估。
ELEMENTS = {
    "A": ("数据分析", "逻辑推理", "技术问题", "财务核算", "客观判断", "解决难题"),
    "B": ("制定计划", "按流程办事", "细节准确", "组织安排", "按时完成", "稳定可靠"),
    "C": ("团队合作", "帮助他人", "倾听感受", "沟通交流", "人际关系", "培养下属"),
    "D": ("创新想法", "全局愿景", "尝试新事物", "直觉判断", "概念设计", "变革突破"),
}
ELEMENT_QUADRANT = {e: letter for letter, names in ELEMENTS.items() for e in names}
ROUNDS = ("你最喜欢做的 8 件事", "对你的事业影响最深远的 8 项", "理想工作必须具备的 8 个条件")
PICKS_PER_ROUND = 8

# 两个象限的组合（源文件 002 的要点，用课程自己的话概括）。
PAIRS = {
    "AB": "左脑型：务实、讲究清楚明白，管理风格偏强硬，重实践、讲实际。",
    "CD": "右脑型：会玩也善玩，富有理想色彩；思路开阔、靠直觉、灵活多变，参与度高，比较随性。",
    "AD": "上脑型：把分析和创意结合起来；A 强于 D 时偏稳健论证，D 强于 A 时偏大胆设想。",
    "BC": "下脑型：适合服务性的工作，合群、忠诚、喜欢维持现状；重视稳定，也关怀他人，不会为达成目标而牺牲别人。",
    "AC": "对角组合：理性与感性并存，像一个矛盾体，可能爆发巨大的能量；别人对他评价不一，他自己也常自相矛盾。",
    "BD": "对角组合：像一只脚踩油门、一只脚踩刹车；兴趣庞杂，别人难以捉摸。",
}


def quadrant(letter: str) -> Quadrant:
    v.one_of("象限", letter, LETTERS)
    return QUADRANTS[LETTERS.index(letter)]


def checked_round(number: int, picks) -> tuple:
    """One round's picks: exactly 8 different elements from ELEMENTS; errors name the round."""
    label = f"第 {number} 轮（{ROUNDS[number - 1]}）"
    if not isinstance(picks, (list, tuple, set, frozenset)):
        raise v.InputError(f"{label} 应该是元素的列表，收到的是 {type(picks).__name__}。")
    unknown = [p for p in picks if p not in ELEMENT_QUADRANT]
    if unknown:
        raise v.InputError(f"{label}：不认识的元素 {'、'.join(map(str, unknown))}。")
    if len(set(picks)) != len(picks):
        raise v.InputError(f"{label}：有重复的元素。")
    if len(picks) != PICKS_PER_ROUND:
        raise v.InputError(f"{label} 应选 {PICKS_PER_ROUND} 项，现在选了 {len(picks)} 项。")
    return tuple(picks)


@dataclass(frozen=True)
class Profile:
    """The three rounds of picks and the resulting count per quadrant (0–18 each, 24 in all)."""

    rounds: tuple

    def __post_init__(self):
        if not isinstance(self.rounds, (list, tuple)) or len(self.rounds) != len(ROUNDS):
            raise v.InputError(f"自我评估应有 {len(ROUNDS)} 轮选择。")
        object.__setattr__(self, "rounds",
                           tuple(checked_round(i, r) for i, r in enumerate(self.rounds, start=1)))

    @property
    def counts(self) -> dict:
        """{quadrant letter: number of picks in it over the three rounds}."""
        out = dict.fromkeys(LETTERS, 0)
        for picks in self.rounds:
            for element in picks:
                out[ELEMENT_QUADRANT[element]] += 1
        return out

    @property
    def dominant(self) -> str:
        """The quadrant(s) with the most picks, in letter order (e.g. "D" or "AD" on a tie)."""
        top = max(self.counts.values())
        return "".join(q for q, n in self.counts.items() if n == top)

    @property
    def pair(self) -> str:
        """The two strongest quadrants in letter order (ties go to the earlier letter)."""
        ranked = sorted(LETTERS, key=lambda q: -self.counts[q])
        return "".join(sorted(ranked[:2]))
