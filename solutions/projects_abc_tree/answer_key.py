"""Answer key of the projects_abc_tree exercise (case projects_abc_h): four elements and physical tree."""
from keyaccount.projects.case import load_projects_case

CASE = "projects_abc_h"


def answer_key() -> dict:
    case = load_projects_case(CASE)
    p, tree = case.four_elements(), case.tree()
    return {
        "four_elements": {"状态": p.status, "预签金额下限": p.amount.low, "预签金额上限": p.amount.high,
                          "预签年份": p.sign_date.first.year, "预签月份": p.sign_date.first.month},
        "levels": {person.name: person.level for person in tree.people},
        "chains": {person.name: person.chain for person in tree.people},
    }
