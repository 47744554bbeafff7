"""Step 2 建立信任: the four relationship stages and the five communication styles (003)."""
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from keyaccount import validation as v


@dataclass(frozen=True)
class RelationshipStage:
    name: str
    aim: str            # 本阶段的目标（003）
    next_action: str    # 推进到下一阶段的典型行动（课程补充）


RELATIONSHIP_STAGES = (
    RelationshipStage("认识", "认识并取得好感", "约一次单独面谈，了解对方的工作和个人情况，留下专业、可靠的印象"),
    RelationshipStage("约会", "激发客户兴趣，产生互动", "邀请参观工厂或样板客户、试穿样衣，让对方主动提出问题"),
    RelationshipStage("信赖", "建立信赖，获得客户支持和承诺", "请对方为方案提意见、引见其他关键人，兑现每一个小承诺"),
    RelationshipStage("同盟", "建立同盟，取得客户协助和配合", "与对方一起推进项目：共享采购进展，请其在内部为方案说话"),
)
STAGE_NAMES = tuple(s.name for s in RELATIONSHIP_STAGES)


def relationship_stage(name: str) -> RelationshipStage:
    v.one_of("关系阶段", name, STAGE_NAMES)
    return RELATIONSHIP_STAGES[STAGE_NAMES.index(name)]


def relationship_plan(people) -> pd.DataFrame:
    """One row per person: stage, its aim, and the next action (``people``: (姓名, 职务, 阶段) tuples)."""
    rows = []
    for name, title, stage_name in people:
        s = relationship_stage(stage_name)
        rows.append((name, title, s.name, s.aim, "保持同盟，请其协助推进" if s.name == STAGE_NAMES[-1]
                     else f"→ {STAGE_NAMES[STAGE_NAMES.index(s.name) + 1]}：{s.next_action}"))
    return pd.DataFrame(rows, columns=["姓名", "职务", "关系阶段", "本阶段目标", "下一步行动"])


@dataclass(frozen=True)
class Style:
    name: str
    traits: str         # 003 的描述
    behaviours: tuple   # 可以观察到的行为（课程补充，供识别用）
    how_to_talk: str    # 沟通要点（课程补充）


STYLES = (
    Style("孔雀", "表现型，张扬，有主见，善交际",
          ("说话热情、手势多，喜欢讲自己的经历", "很快和你称兄道弟", "关心别人怎么看、喜欢新鲜事物"),
          "多给表现和认可，谈愿景和影响力，少堆数据；把约定落在书面上"),
    Style("考拉熊", "愿意听取意见，不固执",
          ("说话温和、耐心听你讲完", "常说“我再问问大家的意见”", "不愿意冒险，看重关系和稳定"),
          "放慢节奏，真诚关心，给出保证和成功先例，帮他减少风险和压力"),
    Style("猫头鹰", "孤僻，不善交流，注意数据和逻辑",
          ("话少，提问很细", "要求看检测报告和数据", "对夸张的说法明显反感"),
          "准备充分的数据、对比和书面材料，讲逻辑、讲证据，给他时间思考"),
    Style("老虎", "以目标为导向，专断，有计划",
          ("开门见山，经常看时间", "直接问“能给我们带来什么结果”", "自己拍板，不喜欢被安排"),
          "直奔主题，讲结果和效率，给选择让他来决定，别绕弯子"),
    Style("变色龙", "各种性格都有所表现，注重利益",
          ("不同场合表现判若两人", "话题总回到对他本人或部门有什么好处", "态度随形势和利益而变"),
          "先弄清他真正在意的利益，把方案和他的利益挂钩，关键承诺要落实"),
)
STYLE_NAMES = tuple(s.name for s in STYLES)
BEHAVIOURS = {b: s.name for s in STYLES for b in s.behaviours}


@dataclass(frozen=True)
class StyleReading:
    counts: dict        # 风格 → 观察到的该风格行为数
    styles: tuple       # 得票最多的风格（并列时多个）

    @property
    def advice(self) -> str:
        if not self.styles:
            return "还没有观察到行为：多接触、多观察再判断。"
        return "；".join(f"{s}：{style(s).how_to_talk}" for s in self.styles)


def style(name: str) -> Style:
    v.one_of("沟通风格", name, STYLE_NAMES)
    return STYLES[STYLE_NAMES.index(name)]


def identify_style(observed) -> StyleReading:
    """The style(s) with the most observed behaviours; ties are all returned."""
    for b in observed:
        v.one_of("观察到的行为", b, tuple(BEHAVIOURS))
    counts = Counter(BEHAVIOURS[b] for b in set(observed))
    top = max(counts.values(), default=0)
    winners = tuple(s for s in STYLE_NAMES if top and counts[s] == top)
    return StyleReading({s: counts[s] for s in STYLE_NAMES}, winners)
