"""Answer key of the hightouch_modes_segments exercise: USS mode per deal, attack/defend
segment per customer, the balanced-scorecard blanks, and a customer's whole-brain profile."""
from keyaccount.segmentation.case import load_segmentation_case
from keyaccount.segmentation.model import BSC_BLANKS
from keyaccount.uss.case import load_deals_case
from keyaccount.whole_brain.case import load_whole_brain_case

DEALS = "hightouch_deals_exercise"
CUSTOMERS = "hightouch_segments_exercise"
PERSON = "hightouch_wholebrain_marketing"


# 需要判断（销售经理的决定）而不是照抄或计数的题目。
JUDGEMENT = {"销售模式", "客户细分"}

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
        "销售模式": load_deals_case(DEALS).modes(),
        "客户细分": dict(zip(table["客户"], table["细分"])),
        "计分卡": {i: b.answer for i, b in enumerate(BSC_BLANKS, start=1)},
        "象限次数": profile.counts,
        "最强象限": profile.pair,
    }
