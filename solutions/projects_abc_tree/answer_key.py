"""Answer key of the projects_abc_tree exercise (case projects_abc_h): four elements, physical
tree and the relationship gaps on its approval chains."""
from keyaccount.projects.case import load_projects_case

CASE = "projects_abc_h"

# 案例文件里拿掉的判断（学员要从故事和规则得出）：项目状态（源文件示例也是 P2），每个人所在的审批链和 CR。
CHAINS = {"黄总": "技术+商务", "王副总": "技术", "周总": "商务", "徐经理": "技术", "冯工": "技术"}
CR = {"黄总": 1, "王副总": 2, "周总": 1, "徐经理": 3, "冯工": 3}
REFERENCE = {CASE: {"project": {"status": "P2"}, "reference": {"状态": "P2"},
                    "people": {name: {"chain": chain, "cr": CR[name]} for name, chain in CHAINS.items()}}}

# 需要判断（销售经理的决定）而不是照抄故事的题目。
JUDGEMENT = {"项目状态", "审批链", "关系程度", "关系短板"}

# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "项目状态": {"options": ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"]},
    "预签金额和时间": {"月份": {"range": (1, 12), "hint": "月份是 1 到 12 之间的数字。"}},
    "层级": {"each": {"options": ["高层", "中高层", "中层", "低层"]}},
    "审批链": {"each": {"options": ["技术", "商务", "技术+商务", "无"]}},
    "关系程度": {"each": {"options": [1, 2, 3, 4, 5]}},
}


def answer_key() -> dict:
    case = load_projects_case(CASE, REFERENCE[CASE])
    p, tree = case.four_elements(), case.tree()
    return {
        "项目状态": p.status,
        "预签金额和时间": {"金额下限": p.amount.low, "金额上限": p.amount.high,
                       "年份": p.sign_date.first.year, "月份": p.sign_date.first.month},
        "层级": {person.name: person.level for person in tree.people},
        "审批链": {person.name: person.chain for person in tree.people},
        "关系程度": {person.name: person.cr.level for person in tree.people},
        "关系短板": {person.name for person in tree.weak_links()},
    }
