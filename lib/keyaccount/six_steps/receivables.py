"""Step 6 回收账款: credit review, preventing bad debt, collection by aging and amount (003)."""
from dataclasses import dataclass

import pandas as pd

from keyaccount import validation as v

CREDIT_REVIEW = ("审查合同条款（金额、交期、验收标准、付款条件）", "审查客户营业执照",
                 "审查重点客户的银行账户情况", "避免恶意欺诈")
PREVENT_BAD_DEBT = (
    "对客户进行合同和信用审查，避免恶意欺诈",
    "建立完善的生产、交货、验收监控流程，避免因为产品、到货和服务原因产生的烂账",
    "建立责任明确、分工严密的催款机制",
)
AFTER_SALE = (
    "与客户提前沟通好生产计划，签订生产合同，组织加工生产，避免因为自己的原因流失客户",
    "维护好各方关系，不让竞争对手有任何机会夺走已有的客户",
    "拓宽合作宽度和深度，感情营销，加强相互依赖度",
    "让客户推荐新的客户，增加销售增长点",
)


@dataclass(frozen=True)
class CollectionStep:
    up_to_days: float     # 逾期天数不超过此值时用这一级
    action: str           # 003 的催收方式
    tone: str
    owner: str            # 分工：谁负责


# 催收流程：按账龄逐级升级（003 列出的方式；分级天数是课程给的示例政策，可按公司调整）。
COLLECTION_LADDER = (
    CollectionStep(0, "建立应收清单，到期前提醒", "温和", "销售人员"),
    CollectionStep(30, "电话催收", "温和", "销售人员"),
    CollectionStep(60, "催款函、逾期通知书（财务催收）", "重点催讨", "销售经理 + 财务"),
    CollectionStep(90, "上门催收：达成妥协，限期解决", "重点催讨", "销售经理 + 财务"),
    CollectionStep(float("inf"), "法律交涉、法律催收", "法律", "公司法务"),
)
LARGE_AMOUNT = 50.0   # 万元：金额大的欠款提前升一级（示例政策）


def collection_step(days_overdue: float, amount: float, large_amount: float = LARGE_AMOUNT) -> CollectionStep:
    """The collection step for a receivable: by aging, one level earlier when the amount is large."""
    days = v.number("逾期天数", days_overdue)
    v.non_negative("欠款金额", amount)
    v.positive("大额欠款的标准", large_amount)
    level = next(i for i, s in enumerate(COLLECTION_LADDER) if days <= s.up_to_days)
    if amount >= large_amount and 0 < days:
        level = min(level + 1, len(COLLECTION_LADDER) - 1)
    return COLLECTION_LADDER[level]


def collection_plan(receivables, large_amount: float = LARGE_AMOUNT) -> pd.DataFrame:
    """One row per receivable (客户, 金额, 逾期天数) with its collection step, oldest first."""
    rows = []
    for customer, amount, days in receivables:
        s = collection_step(days, amount, large_amount)
        rows.append((customer, amount, days, s.action, s.tone, s.owner))
    df = pd.DataFrame(rows, columns=["客户", "金额（万元）", "逾期天数", "催收方式", "力度", "负责人"])
    return df.sort_values("逾期天数", ascending=False, ignore_index=True)
