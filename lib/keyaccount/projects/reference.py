"""Reference lists of source 001 that lessons show as tables: strategy basics, project
characteristics and measures, the P0–P7 key nodes and the management tools."""
from keyaccount import p_stages

PROJECT_DEFINITION = ("销售项目是一系列独特的、相互协调的活动，有明确的起止时间，由特定的人或组织承担，"
                      "在规定的时间、成本、性能指标内达到某一特定目标。")
PROJECT_MANAGEMENT = "对项目的所有方面进行有计划的监测和控制，利用各方面的因素推动项目按时进行，实现目标。"
PROJECT_TRAITS = ("特定的目标", "相互关联的任务", "确定的生命周期", "协同作战的团队", "变化与冲突")
PROJECT_MEASURES = ("项目成功率", "市场占有率", "客户关系管理", "市场增长率", "市场覆盖率", "市场地位")
HARD_PROBLEMS = ("如何公关和维护客户关系（破解高层客户公关困局）", "如何预测和掌控销售业绩",
                 "如何评价和考核销售人员")
PRINCIPLES = ("控制过程比控制结果更重要。", "该说的要说到，该做的要做到，做到的要见到。",
              "预防性的事前管理重于问题性的事后管理。", "程序化是让平凡人做出不平凡业绩的最有效手段。")
STRATEGY_MAP = {"营销策略": ("营销环境", "市场机会", "战略设计", "产品布局", "竞争策略", "行业规划"),
                "营销市场": ("市场策划", "信息分析", "市场细分", "对手分析", "销售预测", "品牌推广"),
                "营销业务": ("目标计划", "项目管理", "客户管理", "业务流程", "商务谈判", "服务关怀"),
                "营销组织": ("绩效文化", "团队组建", "分支设立", "晋升机制", "述职评估", "能力修炼"),
                "销售团队": ("招聘", "培训", "目标设定", "管理工具", "激励", "考评")}
# 序：大客户销售三循环方法论 (001). The slide is a circle diagram: the text gives the P0–P7 states
# and these phase names, in this order ("调查" has lost its 阶段 in the extraction), but not which
# ring each sits on.
THREE_CYCLE_PHASES = ("维护阶段", "收场阶段", "选择研究阶段", "分析阶段", "解决阶段", "调查阶段", "评价细化阶段",
                      "寻求阶段", "确认阶段")
# The kit's reading (课程补充): which phase goes with which state, matched by the words they share,
# and the three rings as 选择 (P0–P1), 解决 (P2–P4), 收场 (P5–P7).
THREE_CYCLES_READING = (
    ("第一循环：寻求与选择", ("寻求阶段", "选择研究阶段"), ("P0", "P1"),
     "客户在寻求、研究可以选择的方向；P0 市场规划/客户开发、P1 挖掘需求/锁定目标。"),
    ("第二循环：分析与解决", ("分析阶段", "解决阶段", "调查阶段"), ("P2", "P3", "P4"),
     "客户分析问题、找解决办法并做调查；P4 的“需求调研”就是调查。"),
    ("第三循环：评价与收场", ("评价细化阶段", "确认阶段", "收场阶段", "维护阶段"),
     ("P5", "P6", "P7"),
     "P5“方案评估”即评价细化、“项目承诺”即确认；P6 协议谈判、签约成交；P7 实施结案（收场）和升级扩容（维护）。"),
)
STP = {"市场细分 Segmentation": "把市场分成需求、特征或行为不同、需要不同产品或营销组合的购买者群体。",
       "目标客户 Targeting": "研究影响客户决策的诱因，评估每个细分市场的吸引力，选择进入一个或多个。",
       "市场定位 Positioning": "让产品在目标客户心中相对竞争对手占据清晰、独特、理想的位置。"}
BCG = {"明星产品 Stars": "高增长、高份额：以强大的营销资源维持或增加市场占有率。",
       "金牛产品 Cash Cows": "低增长、高份额：用产品的销售利润维持市场占有率。",
       "问题产品 Question Marks": "高增长、低份额：增加营销资源，或者离开市场。",
       "瘦狗产品 Dogs": "低增长、低份额：减少资源，或继续投资但逐渐撤出市场。"}
CRM_ROLES = {"对营销": "支持营销策略的策划：传播、广告、联盟、活动主题、俱乐部、锁定模式、直邮。",
             "对销售": "提高销售效率：掌握消费者行为规律、销售跟进要点、价值构建模式、价格体系管理。",
             "对服务": "有效提高客户满意度：满意度量化指标、客户对服务的期望、客户常见的麻烦。"}
# 市场需求分析 (001): two columns, 新市场分析 and 老市场分析, three market types each, with the
# source's strategy for each; the source's words, unchanged.
MARKET_TYPES = {
    "显在市场": ("新市场", "组织力量，直接参与竞争，快速占领。"),
    "潜在市场": ("新市场", "市场不成熟，需要引导；防止成为“先烈”。"),
    "潜力市场": ("新市场", "市场待开发，暂时无需求：发掘、迎接机会。"),
    "防守市场": ("老市场", "本公司已实现规模销售，防止对手进入。"),
    "缝隙市场": ("老市场", "竞争对手的市场，但其地位不稳固，伺机进入。"),
    "进攻市场": ("老市场", "本公司、对手均未实现销售，评估后宜快速反应。"),
}
# The kit's reading (课程补充) of how the two columns sort: the new-market column by how ripe the
# customers' demand is, the old-market column by who already sells there.
MARKET_TYPES_READING = {
    "新市场": ("客户的需求成熟到什么程度", {"显在市场": "需求已经显现", "潜在市场": "需求不成熟，要引导",
                                   "潜力市场": "暂时没有需求"}),
    "老市场": ("谁已经在这里实现了销售", {"防守市场": "我们", "缝隙市场": "竞争对手（地位不稳）",
                                  "进攻市场": "我们和主要对手都没有"}),
}
KEY_NODES = {"P0": "信息准确", "P1": "目标确认", "P2": "售前立项", "P3": "关系推进", "P4": "投标议标",
             "P5": "合同审批", "P6": "合同签订", "P7": "验收结案"}
MANAGEMENT_TOOLS = ("市场分析策划", "销售目标管理", "项目营销计划", "销售项目统计表", "客户跟进表", "客户分析",
                    "年度计划", "客户关系建立和 CRM", "统计管理", "销售月报表", "竞争分析", "季度计划",
                    "维护计划", "销售流程控制", "销售季报表", "界定目标市场", "月计划", "项目实施计划",
                    "价值分析", "个案汇报会", "获取客户名单", "周计划", "机会分析", "项目分析会")


def process_table(p6_rate: float = p_stages.P6_RATE_SOURCE["default"]):
    """The whole P0–P7 process with its key nodes, beside the shared stage table."""
    import pandas as pd

    rows = [(s.code, s.name, s.customer_step, KEY_NODES[s.code], p_stages.completion(s.code, p6_rate))
            for s in p_stages.STAGES]
    return pd.DataFrame(rows, columns=["状态", "阶段", "客户采购步骤", "关键节点", "完成程度"]).set_index("状态")


def three_cycles_table():
    """The kit's reading of the three cycles: ring, the source's phase names, the P states, why."""
    import pandas as pd

    return pd.DataFrame([(ring, "、".join(phases), "、".join(codes), why)
                         for ring, phases, codes, why in THREE_CYCLES_READING],
                        columns=["循环（课程解读）", "源文件的阶段名", "P 状态", "依据"]).set_index("循环（课程解读）")


def market_types_table():
    """The six market types: the source's column and strategy, and the kit's reading of the column."""
    import pandas as pd

    rows = []
    for name, (column, strategy) in MARKET_TYPES.items():
        question, answers = MARKET_TYPES_READING[column]
        rows.append((name, column, strategy, f"{question}：{answers[name]}"))
    return pd.DataFrame(rows, columns=["市场类型", "源文件的栏", "营销策略（源文件）", "课程解读"]).set_index("市场类型")


def as_table(mapping: dict, key: str, value: str):
    """A dict of name → text as a two-column DataFrame for display."""
    import pandas as pd

    return pd.DataFrame(list(mapping.items()), columns=[key, value]).set_index(key)
