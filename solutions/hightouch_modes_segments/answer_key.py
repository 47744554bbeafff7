"""Answer key of the hightouch_modes_segments exercise: USS mode per deal, attack/defend
segment per customer, the balanced-scorecard blanks, and a customer's whole-brain profile."""
from keyaccount.segmentation.case import load_segmentation_case
from keyaccount.segmentation.model import BSC_BLANKS
from keyaccount.uss.case import load_deals_case
from keyaccount.whole_brain.case import load_whole_brain_case

DEALS = "hightouch_deals_exercise"
CUSTOMERS = "hightouch_segments_exercise"
PERSON = "hightouch_wholebrain_marketing"


# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "modes": {"each": {"options": ["战略模式", "顾问模式", "快刀模式"]}},
    "segments": {"each": {"options": ["获取", "保留", "侵扰", "维持", "放弃"]}},
    "bsc": {"each": {"options": ["收入", "利润", "成本", "应收账款", "库存", "新客户", "保持率", "忠诚度", "市场份额"]}},
}


def answer_key() -> dict:
    table = load_segmentation_case(CUSTOMERS).segment_table()
    profile = load_whole_brain_case(PERSON).profile()
    return {
        "modes": load_deals_case(DEALS).modes(),
        "segments": dict(zip(table["客户"], table["细分"])),
        "bsc": {i: b.answer for i, b in enumerate(BSC_BLANKS, start=1)},
        "brain_counts": profile.counts,
        "brain_pair": profile.pair,
    }
