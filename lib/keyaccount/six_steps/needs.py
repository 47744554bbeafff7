"""Step 3 挖掘需求: product vs consultative selling, SPIN, the customer purchase process (003)."""
from dataclasses import dataclass

import pandas as pd

from keyaccount import validation as v

# 两种销售方法（003）：同一方面，产品销售 vs 顾问式销售。
SELLING_CONTRASTS = (
    ("谁发现需求", "客户自己发现需求", "销售人员帮助客户发现需求"),
    ("采购指标", "客户确认采购指标", "销售人员帮助客户建立采购指标"),
    ("导向", "销售以订单为导向", "销售以客户需求为导向"),
    ("适合的产品", "适合销售简单产品", "适合销售复杂产品、方案和服务"),
    ("销售的能力", "懂得产品的特点和利益", "具备分析和设计能力"),
    ("对待客户", "销售人员说服客户", "销售人员理解和引导客户"),
    ("驱动方式", "市场驱动，依靠广告和品牌推广", "销售驱动，一对一销售，成为客户顾问"),
    ("销售周期", "销售周期短", "销售周期长"),
    ("适合的人", "年轻有冲动的销售人员", "经验丰富的销售人员"),
)


def selling_contrasts() -> pd.DataFrame:
    return pd.DataFrame(SELLING_CONTRASTS, columns=["方面", "产品销售", "顾问式销售"])


@dataclass(frozen=True)
class SpinType:
    letter: str
    english: str
    name: str
    purpose: str      # 003 的原话
    gloss: str        # 课程的解读（课程补充）


SPIN = (
    SpinType("S", "Situation", "背景问题", "对客户的现状进行提问",
             "问事实：多少人、用什么、怎么采购，客户张口就能回答"),
    SpinType("P", "Problem", "难点问题", "对客户遇到的问题提问",
             "问不满和困难：有什么抱怨、哪里不好用"),
    SpinType("I", "Implication", "暗示问题", "暗示客户解决方案",
             "问后果：这个问题会带来什么损失、影响到谁，让客户自己意识到需要解决方案"),
    SpinType("N", "Need-payoff", "需求-效益问题", "让客户明白解决问题带来的益处，促使客户下决心采购",
             "问好处：解决以后有什么收益，让客户自己说出方案的价值"),
)
SPIN_LETTERS = tuple(t.letter for t in SPIN)


def sort_questions(answers: dict, key: dict) -> tuple[float, dict]:
    """Share of questions sorted right, and per question (given, expected) for the wrong ones."""
    for q, letter in answers.items():
        v.one_of(f"问题“{q}”的类型", letter, SPIN_LETTERS)
    wrong = {q: (answers.get(q), right) for q, right in key.items() if answers.get(q) != right}
    return (len(key) - len(wrong)) / len(key), wrong


@dataclass(frozen=True)
class PurchaseStage:
    name: str
    role: str          # 这一阶段起作用的客户角色
    sales_action: str  # 销售行动
    end_marker: str    # 结束标志
    period: str        # 引导期 / 竞争期 / 成交之后


PURCHASE_PROCESS = (
    PurchaseStage("发现需求", "发起者", "帮助发起者认识到潜在的问题和挑战以及问题的严重性", "采购申请", "引导期"),
    PurchaseStage("内部酝酿", "决策者", "帮助决策者进行投入产出分析并使之认识到采购的价值", "成功立项", "引导期"),
    PurchaseStage("采购设计", "设计者", "帮助设计者规划采购要求，并将独特的产品特点融入客户采购方案中",
                  "开始招标", "引导期"),
    PurchaseStage("评估比较", "评估者", "向评估者介绍方案的特点、优势和益处", "开始谈判", "竞争期"),
    PurchaseStage("购买承诺", "决策者", "在商务谈判中达成双赢的协议", "签订合同", "竞争期"),
    PurchaseStage("使用维护", "使用者", "确保应收账款回收，巩固客户满意度", "开始下一次采购", "成交之后"),
)
# 源文件“采购设计”的结束标志抽取成了“开始标志”；按上下文（第三步的结束标志是招标书）应为“开始招标”。
ROLES = tuple(dict.fromkeys(s.role for s in PURCHASE_PROCESS))


def purchase_process() -> pd.DataFrame:
    return pd.DataFrame([(s.name, s.role, s.sales_action, s.end_marker, s.period) for s in PURCHASE_PROCESS],
                        columns=["采购阶段", "客户角色", "销售行动", "结束标志", "时期"])


def roles_by_stage() -> dict:
    return {s.name: s.role for s in PURCHASE_PROCESS}


# 需求的树状结构（003 的标题“需求的树状结构”；五层取自第三步的要点：
# 得到完整全面的客户需求，包括目标愿望、问题挑战、解决方案、产品服务和采购指标）。
NEED_LEVELS = ("目标愿望", "问题挑战", "解决方案", "产品服务", "采购指标")


@dataclass(frozen=True)
class NeedNode:
    level: str        # NEED_LEVELS 之一
    text: str
    parent: int | None  # 上一层节点在列表中的位置（树根为 None）


def needs_tree_nodes(goal: str, problems) -> list[NeedNode]:
    """The needs tree flattened root first: ``problems`` is [(问题, [(方案, 产品服务, [采购指标…])…])…]."""
    nodes = [NeedNode(NEED_LEVELS[0], goal, None)]
    for problem, solutions in problems:
        nodes.append(NeedNode(NEED_LEVELS[1], problem, 0))
        p = len(nodes) - 1
        for solution, product, specs in solutions:
            nodes.append(NeedNode(NEED_LEVELS[2], solution, p))
            nodes.append(NeedNode(NEED_LEVELS[3], product, len(nodes) - 1))
            q = len(nodes) - 1
            nodes += [NeedNode(NEED_LEVELS[4], spec, q) for spec in specs]
    return nodes
