"""Answer key of the projects_statistics exercise: 小李's A–F table and key projects, the
attention flags of a new table, and a 1+2+1 tracking row."""
from keyaccount.projects import attention, elements
from keyaccount.projects.case import load_projects_case

XIAOLI, ATTENTION, ONE_TWO_ONE = "projects_xiaoli_customers", "projects_attention_exercise", "projects_121_exercise"


def answer_key() -> dict:
    xiaoli = load_projects_case(XIAOLI).project_list()
    table = load_projects_case(ATTENTION)
    deal = load_projects_case(ONE_TWO_ONE)
    row = deal.tracking_rows()[0]
    return {
        "statuses": {p.name: p.status for p in xiaoli},
        "amounts": {p.name: p.amount.estimate for p in xiaoli},
        "key_projects": set(elements.key_projects(xiaoli)),
        "flags": attention.flagged_by_rule(table.project_list(), attention.Thresholds(table.as_of)),
        "roles": {person.name: person.role for person in deal.tree().people},
        "one_two_one": {"向导": row.guide, "两位": {ally.name for ally in row.allies}, "营销人员": row.salesperson},
    }
