"""Questions of hightouch_modes_segments that need more than a case file: question 2 shows the
customers' facts only, so the kernel holds no case object whose methods compute the segments."""
from IPython.display import Markdown

from keyaccount.segmentation.case import load_segmentation_case

CUSTOMERS = "hightouch_segments_exercise"


def customer_facts() -> tuple:
    """Question 2's case: its title and story (Markdown) and the customers' table (shares, values, thresholds)."""
    case = load_segmentation_case(CUSTOMERS)
    return Markdown(f"**{case.title}**\n\n{case.story}"), case.customer_table()
