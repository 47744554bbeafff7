"""USS as data: positioning, the five core steps, the three modes, and the mode chooser.

Source 004 is Traditional Chinese with conversion errors; the terms here are the correct
Simplified ones (才干 → 能力, 处理方案 → 解决方案, 效力 → 服务, 规范软件 → 标准软件).
"""
from dataclasses import dataclass

from keyaccount import validation as v

# USS 定位：销售类型 → 价值特点（有形/无形）；交易型是产品式销售，战略型是方案式销售。
POSITIONING = (
    ("交易型", "产品式销售", "价值空间小（有形或无形）"),
    ("咨询型", "介于两者之间", "价值空间大（有形或无形）"),
    ("战略型", "方案式销售", "与客户共创价值（有形或无形）"),
)
PRINCIPLES = ("价值贯穿", "能力论证", "技艺整合", "博弈平衡")


@dataclass(frozen=True)
class CoreStep:
    name: str            # 核心步骤：以结果为导向的阶段关键任务
    stage: str           # 对应的客户阶段
    activities: tuple    # 关键活动：完成关键任务的具体活动
    decision: str = ""   # 本步骤结束时的决策点（客户的问题）；空 = 无


CORE_STEPS = (
    CoreStep("开发商机", "潜在阶段", ("发掘潜在商机", "商机初步评价")),
    CoreStep("引导需求", "意向阶段", ("预备访问", "访问验证", "评价探求", "引导需求", "建立购买憧憬"),
             "憧憬？"),
    CoreStep("建立规范", "方案阶段", ("确认需求范围", "建立选型规范"), "接受？"),
    CoreStep("呈现价值", "谈判阶段", ("提供解决方案", "方案呈现", "商务谈判"), "认可？"),
    CoreStep("实现销售", "成交阶段", ("签约", "收首期款", "转交服务", "归档", "协助实施启动")),
)
DECISION_MEANING = {
    "憧憬？": "客户是否已经建立了购买憧憬（看到了解决问题后的样子）？",
    "接受？": "客户是否接受了有利于我们的选型规范？",
    "认可？": "客户是否认可我们方案的价值？",
}
NO_BRANCH = "翻盘"  # 决策点答“否”：设法翻盘，回到前面的步骤重做


# ---------------------------------------------------------------- the three modes
ASPECTS = ("目的", "销售特点", "解决方案", "销售方式", "竞争特点", "客户关怀", "制胜关键")


@dataclass(frozen=True)
class Mode:
    name: str
    profile: dict        # ASPECTS → 描述


MODES = (
    Mode("战略模式", dict(zip(ASPECTS, ("大单做大", "价值空间不可估量", "需求复杂、个性化方案",
                                       "团队对团队", "能力证明", "知识和能力转移", "信任、共同发展")))),
    Mode("顾问模式", dict(zip(ASPECTS, ("小单做大", "价值空间较大", "一体化方案、业务软件包",
                                       "1.X 对多", "创造附加价值", "产品外延价值", "价值增值、团队效率")))),
    Mode("快刀模式", dict(zip(ASPECTS, ("小单做快", "价值空间小", "标准软件",
                                       "1 对 1", "利益同质", "产品内在价值", "速度、个人能力")))),
)
MODE_NAMES = tuple(m.name for m in MODES)

# The chooser asks three things about a deal; each answer points to one mode. The source:
# the modes differ mainly in how the customer values the offer, so value space breaks ties.
DEAL_QUESTIONS = {
    "value_space": ("客户眼中的价值空间", {"价值空间不可估量": "战略模式", "价值空间较大": "顾问模式",
                                      "价值空间小": "快刀模式"}),
    "solution": ("客户需要的解决方案", {"需求复杂，要个性化方案": "战略模式",
                                    "一体化方案或业务软件包": "顾问模式", "标准产品即可": "快刀模式"}),
    "buyers": ("客户方参与采购的人", {"一个团队（多部门、高层参与）": "战略模式",
                                   "几个人（用户和把关者）": "顾问模式", "一个人说了算": "快刀模式"}),
}


def mode(name: str) -> Mode:
    v.one_of("销售模式", name, MODE_NAMES)
    return MODES[MODE_NAMES.index(name)]


def mode_votes(value_space: str, solution: str, buyers: str) -> dict:
    """{mode: how many of the three answers point to it}; errors name the question."""
    votes = dict.fromkeys(MODE_NAMES, 0)
    for key, answer in (("value_space", value_space), ("solution", solution), ("buyers", buyers)):
        label, options = DEAL_QUESTIONS[key]
        votes[options[v.one_of(label, answer, tuple(options))]] += 1
    return votes


def choose_mode(value_space: str, solution: str, buyers: str) -> str:
    """The mode most answers point to; with no majority, the one the value space points to."""
    votes = mode_votes(value_space, solution, buyers)
    top = max(votes.values())
    if top >= 2:
        return next(m for m, n in votes.items() if n == top)
    return DEAL_QUESTIONS["value_space"][1][value_space]
