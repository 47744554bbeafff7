"""Answer key of the projects_statistics exercise: 小李's A–F table and which deal to push
(weighted amount only as the starting point), the attention flags of a new table, and a 1+2+1 row."""
from datetime import date, timedelta

from keyaccount.projects import attention, elements
from keyaccount.projects.case import load_projects_case

XIAOLI, ATTENTION, ONE_TWO_ONE = "projects_xiaoli_customers", "projects_attention_exercise", "projects_121_exercise"

# 第 3 题的三道关（题目文字在练习本里）。关系关的事实从故事读出：A 只和一位采购主管通过电话，报价后没有回应。
ONE_SILENT_CONTACT = {"A"}
NEAR = timedelta(days=61)              # “不到两个月”
PERIOD_END = date(2011, 12, 31)        # 本期：2011 年 12 月底之前
PUSH, PROBE, FOLLOW = "重点推进", "先摸底", "正常跟进"

# 第 5、6 题的参考答案（练习案例里没有）：每个人的采购氛围角色、从故事读出的关系程度（CR），
# 和按 1+2+1 成交模式填的跟踪表。
ROLES = {"马总": "决策人", "许主任": "技术/财务把关者", "唐经理": "使用者", "何主管": "采购人员"}
CR = {"马总": 1, "许主任": 2, "唐经理": 4, "何主管": 1}
TRACKING = {"project": "星河制药MES项目", "guide": "白女士", "salesperson": "小陈",
            "allies": [{"name": "唐经理", "role": "使用者", "cr": 4}, {"name": "许主任", "role": "技术/财务把关者", "cr": 2}],
            "next_step": "请白女士指点，先通过许主任的技术评审，再约马总汇报。"}
# 第 1 题的参考答案（练习案例和第 22 课的案例文件里都没有）：小李每个客户已完成的状态，和为什么这样判断。
XIAOLI_STATES = {
    "A": ("P1", "只和采购主管通过电话，报价和资料发出后没有回应：需求还没挖掘清楚，只能算锁定了目标（P1）。"),
    "B": ("P2", "追加工程，已按模块报价（方案已立项，P2），时间紧迫却没有进展。"),
    "C": ("P1", "老客户主动找来，需求和预算都明确（P1），金额小。"),
    "D": ("P3", "报价 19 万没有异议，设计交流已完成（P3），下一步要找到能拍板的人。"),
    "E": ("P3", "做了多个方案、谈了几回，客户能接受（P3），需要高层突破才能往前推。"),
    "F": ("P2", "已报整体解决方案（P2），客户正在甄选产品，要赶在评估前做设计交流。"),
}
REFERENCE = {ONE_TWO_ONE: {"people": {name: {"role": role, "cr": CR[name]} for name, role in ROLES.items()}, "one_two_one": [TRACKING]},
             XIAOLI: {"projects": {name: {"status": state, "situation": why} for name, (state, why) in XIAOLI_STATES.items()}}}

# 需要判断（销售经理的决定）而不是照抄故事的题目。
JUDGEMENT = {"项目状态", "推进决定", "关注项目", "采购角色", "跟踪表"}

# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {
    "项目状态": {"each": {"options": ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"]}},
    "推进决定": {"each": {"options": [PUSH, PROBE, FOLLOW]}},
    "采购角色": {"each": {"options": ["采购人员", "使用者", "技术/财务把关者", "决策人"]}},
}


def push_decisions(projects, today: date) -> dict[str, str]:
    """The three gates in order: relationship (先摸底), time (重点推进), then the highest weighted amount."""
    decided = {}
    for p in projects:
        if p.name in ONE_SILENT_CONTACT and p.sign_date.first - today < NEAR:
            decided[p.name] = PROBE
        elif p.sign_date.last <= PERIOD_END:
            decided[p.name] = PUSH
    rest = [p for p in projects if p.name not in decided]
    best = max(rest, key=elements.weighted_amount).name
    return {p.name: decided.get(p.name, PUSH if p.name == best else FOLLOW) for p in projects}


def answer_key() -> dict:
    xiaoli = load_projects_case(XIAOLI, REFERENCE[XIAOLI])
    projects = xiaoli.project_list()
    table = load_projects_case(ATTENTION)
    deal = load_projects_case(ONE_TWO_ONE, REFERENCE[ONE_TWO_ONE])
    row = deal.tracking_rows()[0]
    return {
        "项目状态": {p.name: p.status for p in projects},
        "预签金额": {p.name: p.amount.estimate for p in projects},
        "推进决定": push_decisions(projects, xiaoli.as_of),
        "关注项目": attention.flagged_by_rule(table.project_list(), attention.Thresholds(table.as_of)),
        "采购角色": {person.name: person.role for person in deal.tree().people},
        "跟踪表": {"向导": row.guide, "两位": {ally.name for ally in row.allies}, "营销人员": row.salesperson},
    }
