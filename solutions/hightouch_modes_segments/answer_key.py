"""Answer key of the hightouch_modes_segments exercise: USS mode per deal, attack/defend
segment per customer, the balanced-scorecard blanks, and a customer's whole-brain profile."""
from keyaccount.segmentation.case import load_segmentation_case
from keyaccount.segmentation.model import BSC_BLANKS
from keyaccount.uss.case import load_deals_case
from keyaccount.whole_brain.case import load_whole_brain_case

DEALS = "hightouch_deals_exercise"
CUSTOMERS = "hightouch_segments_exercise"
PERSON = "hightouch_wholebrain_marketing"


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
