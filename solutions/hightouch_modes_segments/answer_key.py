"""Answer key of the hightouch_modes_segments exercise: USS mode per deal, attack/defend
segment per customer, the balanced-scorecard blanks, and a customer's whole-brain profile."""
from keyaccount.segmentation.case import load_segmentation_case
from keyaccount.segmentation.model import BSC_BLANKS
from keyaccount.uss.case import load_deals_case
from keyaccount.whole_brain.case import load_whole_brain_case

DEALS = "hightouch_deals_exercise"
CUSTOMERS = "hightouch_segments_exercise"
PERSON = "hightouch_wholebrain_marketing"

# 每笔生意的三项判断（源文件 004 的三个问题），从描述读出；练习案例只发描述，模式由这三项按课程的规则得出。
DEAL_FACTS = {
    "市第一医院智慧医院建设": {"value_space": "价值空间不可估量", "solution": "需求复杂，要个性化方案",
                       "buyers": "一个团队（多部门、高层参与）"},
    "培训学校采购 50 台投影仪": {"value_space": "价值空间小", "solution": "标准产品即可", "buyers": "一个人说了算"},
    "中型制造厂的质量管理系统": {"value_space": "价值空间较大", "solution": "一体化方案或业务软件包",
                       "buyers": "几个人（用户和把关者）"},
    "物流公司车队管理平台": {"value_space": "价值空间较大", "solution": "需求复杂，要个性化方案",
                     "buyers": "几个人（用户和把关者）"},
    "商场续购收银软件许可": {"value_space": "价值空间小", "solution": "标准产品即可", "buyers": "几个人（用户和把关者）"},
}
REFERENCE = {DEALS: {"deals": DEAL_FACTS}}   # 练习案例里拿掉的参考事实（案例名 → 字段）

# 需要判断（销售经理的决定）而不是照抄或计数的题目。
JUDGEMENT = {"销售模式", "客户细分"}
# 算出来的数（金额、得分、次数）：答错时告诉学员偏大还是偏小（其余的题只说“不正确”，免得试几次就试出答案）。
AMOUNTS = {"象限次数"}

# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "销售模式": {"each": {"options": ["战略模式", "顾问模式", "快刀模式"]}},
    "客户细分": {"each": {"options": ["获取", "保留", "侵扰", "维持", "放弃"]}},
    "计分卡": {"each": {"options": ["收入", "利润", "成本", "应收账款", "库存", "新客户", "保持率", "忠诚度", "市场份额"]}},
}


def answer_key() -> dict:
    table = load_segmentation_case(CUSTOMERS).segment_table()
    profile = load_whole_brain_case(PERSON).profile()
    return {
        "销售模式": load_deals_case(DEALS, REFERENCE[DEALS]).modes(),
        "客户细分": dict(zip(table["客户"], table["细分"])),
        "计分卡": {i: b.answer for i, b in enumerate(BSC_BLANKS, start=1)},
        "象限次数": profile.counts,
        "最强象限": profile.pair,
    }
