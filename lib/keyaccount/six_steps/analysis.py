"""Step 1 客户分析: finding customers, the customer-information table, guides, the opportunity judge (003)."""
from dataclasses import dataclass

import pandas as pd

from keyaccount import validation as v
from keyaccount.projects.one_two_one import ORG_TIERS

# 寻找客户的五大法则（003 只列名称）：交叉使用，构建自己的客户生态图。
# 第二列“怎么做”是课程的解读（课程补充），不是源文件的文字。
FIND_METHODS = (
    ("行业渗透法", "在一个行业做成一家，再顺着行业把同类单位逐一做透"),
    ("区域参照法", "在一个区域树立样板客户，请区域内的其他单位参照"),
    ("客户介绍法", "请满意的老客户介绍新客户"),
    ("交换合作法", "与服务同一批客户的非竞争伙伴交换客户资源、合作开发"),
    ("跟踪挖掘法", "持续跟踪招标信息、行业新闻和老客户的新项目，挖出新机会"),
)
TARGET_INDUSTRIES = ("油田", "中石油", "中石化", "发电公司", "通讯公司", "高速公路管理局", "公交集团",
                     "旅游景区", "工矿企业", "钢铁公司", "有色金属企业", "各地区商业银行", "化工厂", "水泥厂")

# 客户资料信息表：四类资料及每类要收集的项目（003）。
CUSTOMER_INFO = {
    "客户现状": ("客户名称", "业务", "规模", "性质", "地址、邮编、网址",
              "上次服装采购的使用情况（数量、价格、满意度）"),
    "组织结构": ("与采购相关的部门名称和人员组成", "部门之间的汇报和配合", "各个部门在采购中的作用"),
    "个人信息": ("姓名、住址、联系方式", "经历、爱好、年龄", "家庭情况、子女、喜欢的运动",
              "工作范围", "性格特点", "在客户内部的人缘关系"),
    "竞争信息": ("竞争对手在客户内的合作历史", "竞争对手销售人员的姓名和销售特点", "竞争对手产品的优势和劣势"),
}

# 发展向导：003 的幻灯片列出低级、中级、高级三层内线（只有名称）；
# 后两列“通常是谁”“能帮你什么”是课程的解读（课程补充）。
INSIDER_LEVELS = (
    ("低级内线", "基层员工、使用者", "提供日常信息：谁在管采购、使用中的抱怨"),
    ("中级内线", "部门经理、技术或采购负责人", "提供采购计划、预算、评估标准和竞争对手动态"),
    ("高级内线", "决策层或其身边的人", "引见决策者，影响决策，提示决策时机"),
)
ORG_DIMENSIONS = ("级别", "职能", "采购角色")
ORG_LEVELS = ORG_TIERS  # 级别：002 的“组织三阶层”，一处定义

# 客户生态图（003：五种方法交叉使用，构建自己的客户生态图）：每种方法在图上连出的一种关系。
# 关系的名称是课程的解读（课程补充）。
ECOSYSTEM_LINKS = {
    "行业渗透法": "同一行业/系统",
    "区域参照法": "同一区域的样板",
    "客户介绍法": "老客户介绍",
    "交换合作法": "合作伙伴交换",
    "跟踪挖掘法": "跟踪到的新项目",
}


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str         # 简称，练习里填写用
    question: str
    quality: str       # 明确 / 近在眼前 / 有价值（课程的对应，源文件没有逐条对应）
    if_not: str        # 不满足时该做什么（课程补充）


# 判断销售机会的标准（003 的幻灯片写“五个标准”，列出的是这六条；课程全部使用）。
# 标准本身来自 003；每条标准检验哪种品质、回答“否”时怎么办，是课程的解读（课程补充）。
CRITERIA = (
    Criterion("needs_product", "需要产品", "客户需要我们的产品吗？", "明确", "先挖掘需求，客户没有需要就没有机会"),
    Criterion("budget", "预算", "客户有这笔采购的预算吗？", "明确", "弄清预算从哪里来、有多少"),
    Criterion("timeline", "采购时间表", "客户有明确的采购时间表吗？", "近在眼前", "没有时间表就不是眼前的机会：维持联系"),
    Criterion("can_win", "能赢", "我们能赢吗？", "有价值", "先找向导、分析竞争，看清胜算"),
    Criterion("worth_it", "值得投入", "值得投入吗？", "有价值", "算一算金额和投入，不值得就只维持联系"),
    Criterion("our_strength", "擅长", "这是我们擅长的吗？", "有价值", "不擅长的生意赢了也难做好"),
)
QUALITIES = ("明确", "近在眼前", "有价值")


@dataclass(frozen=True)
class OpportunityVerdict:
    is_opportunity: bool
    failed: tuple          # Criterion objects not met
    verdict: str           # 有销售机会 / 无销售机会：维持联系

    @property
    def failed_qualities(self) -> tuple:
        return tuple(q for q in QUALITIES if any(c.quality == q for c in self.failed))


def judge_opportunity(answers: dict) -> OpportunityVerdict:
    """A clear, imminent, valuable opportunity only if every criterion is answered yes."""
    keys = [c.key for c in CRITERIA]
    for key in answers:
        v.one_of("判断标准", key, keys)
    missing = [c.question for c in CRITERIA if c.key not in answers]
    if missing:
        raise v.InputError(f"还有 {len(missing)} 条标准没有回答：{'；'.join(missing)}")
    for c in CRITERIA:
        v.one_of(c.question, answers[c.key], (True, False))
    failed = tuple(c for c in CRITERIA if not answers[c.key])
    verdict = "有销售机会：明确、近在眼前、有价值" if not failed else "无销售机会：维持联系"
    return OpportunityVerdict(not failed, failed, verdict)


def info_form(records: dict) -> pd.DataFrame:
    """The customer-information table: one row per item of the four kinds, with what is known."""
    for kind in records:
        v.one_of("资料类别", kind, tuple(CUSTOMER_INFO))
    rows = [(kind, item, records.get(kind, {}).get(item, ""))
            for kind, items in CUSTOMER_INFO.items() for item in items]
    return pd.DataFrame(rows, columns=["类别", "项目", "内容"])


def info_gaps(records: dict) -> list[str]:
    """Items of the four kinds still empty: what to find out before the next visit."""
    form = info_form(records)
    return [f"{k}：{i}" for k, i, text in form.itertuples(index=False) if not str(text).strip()]


def ecosystem_edges(links) -> list[tuple]:
    """``links`` (who, whom, method) → (who, whom, relation), refusing a method that is not one of the five."""
    methods = tuple(ECOSYSTEM_LINKS)
    return [(a, b, ECOSYSTEM_LINKS[v.one_of("寻找客户的方法", method, methods)]) for a, b, method in links]
