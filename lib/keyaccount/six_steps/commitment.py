"""Step 5 赢取承诺: buying signals, closing methods (003) and meeting outcomes (002)."""
from dataclasses import dataclass

from keyaccount import validation as v

# 购买信号：客户的提问和举动（课程整理的常见例子；003：“通过客户提问，识别客户购买信号”）。
BUYING_SIGNALS = (
    "询问价格、折扣或付款方式",
    "询问交货期、生产周期",
    "讨论尺码、颜色、款式等细节",
    "要求看样衣、试穿或到工厂参观",
    "询问售后、返修和换货",
    "打听其他单位的采购价格和使用情况",
    "把你介绍给财务或采购负责人",
)

# 三种方法的名称来自 003；“做法”和例句是课程的解读（课程补充）。
CLOSING_METHODS = (
    ("选择法", "给客户两个都是“买”的选项，让他选一个",
     "这批冬装您看是 10 月中旬交货，还是 11 月初交货更合适？"),
    ("促销法", "用限时的优惠促使客户现在做决定",
     "本月内确认订单，我们免费为每件羽绒服绣上单位标识。"),
    ("直接建议法", "在客户露出购买信号时，直接建议签约",
     "各方面都确认了，我们今天就把合同定下来，下周开始安排量体。"),
)

# 商务谈判（002《客户关系管理与渠道管理》）：源文件只给出这些名称和两步“逻辑技术”，
# 四种对手的特点和应对、“烫手山芋”的解释是课程的解读（课程补充）。
@dataclass(frozen=True)
class NegotiatorType:
    animal: str        # 002 的名称
    traits: str        # 课程补充：常见表现
    response: str      # 课程补充：怎么应对


NEGOTIATOR_TYPES = (
    NegotiatorType("鹰", "强势、进攻性强，喜欢压价、设期限、逼你当场让步",
                   "不被期限吓住；每次让步都要换回对方的一个条件；准备好底线和替代方案"),
    NegotiatorType("羊", "温和、好说话，怕冲突，容易答应也容易反悔",
                   "把谈好的条件当场落成文字；帮他在内部说服别人，给他可以拿回去汇报的理由"),
    NegotiatorType("狐", "精明、爱绕弯子，用竞争对手和“上面不同意”来试探你的底线",
                   "核实他说的竞争信息；问清是谁不同意、为什么；不在没弄清之前降价"),
    NegotiatorType("驴", "固执，认定一点就不松口，不太讲道理",
                   "不正面硬顶，先认同他在意的那一点，再换一个角度或换一个人谈"),
)
LOGIC_TECHNIQUE = ("捕捉对方的逻辑线索", "引导向着有利于自己的方向发展")   # 002“逻辑技术”的两步
HOT_POTATO = ("烫手山芋", "对方把他自己的难题（例如“预算就这么多”“领导只批这个价”）递给你，"
                        "想让你来解决；不要接过来当成自己的问题，先问清难题是真是假，再和对方一起找办法")  # 名称 002，解释课程补充

SMALL_SALE_OUTCOMES = ("订单", "无销售")
LARGE_SALE_OUTCOMES = ("订单", "进展", "暂停", "无销售")

# 客户的行动决定会谈结果（002）。每个行动属于哪种结果。
ACTIONS = {
    "签订合同或下订单": "订单",
    "同意参加一个产品演示会": "进展",
    "同意让你见更高一级的决策者": "进展",
    "同意试运行、试穿或检测你的产品": "进展",
    "部分接受原本根本不接受的预算": "进展",
    "同意与你共同推进项目的进展（约定了具体事项和时间）": "进展",
    "明确拒绝，不再考虑我们": "无销售",
}
_RANK = {"订单": 3, "进展": 2, "无销售": 0}


@dataclass(frozen=True)
class MeetingNote:
    said: str          # 客户说了什么（言语，不作为判断依据）
    actions: tuple     # 客户同意或做了的具体行动（ACTIONS 的键）


def classify_meeting(note: MeetingNote, large_sale: bool = True) -> tuple[str, str]:
    """(结果, 理由): decided by the customer's actions, never by what the customer said."""
    for action in note.actions:
        v.one_of("客户的行动", action, tuple(ACTIONS))
    if not note.actions:
        if large_sale:
            return "暂停", "客户没有同意任何具体行动：言语再客气，生意也没有实际进展"
        return "无销售", "小规模销售只有两种结果：没有下单就是无销售"
    best = max(note.actions, key=lambda a: _RANK[ACTIONS[a]])
    outcome = ACTIONS[best]
    if not large_sale and outcome == "进展":
        return "无销售", f"小规模销售只有两种结果：客户“{best}”，但没有下单"
    return outcome, f"客户的行动：{best}"
