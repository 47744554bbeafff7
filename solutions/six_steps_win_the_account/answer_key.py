"""Answer key of six_steps_win_the_account (steps 1–3, case six_steps_bank_uniform)."""
from keyaccount.exercises.six_steps_win_the_account import CASE, INFO_SHOWN
from keyaccount.six_steps import analysis, needs, trust
from keyaccount.six_steps.case import load_six_steps_case

# 练习案例里拿掉的参考事实：机会判断的六个回答（故事：“具体哪年换还在讨论”→ 没有采购时间表）、
# 每个人的沟通风格、每个 SPIN 问题的类型。
PROSPECT = {"needs_product": True, "budget": True, "timeline": False, "can_win": True, "worth_it": True,
            "our_strength": True}
STYLES = {"孙经理": "考拉熊", "周主任": "变色龙", "吴总": "猫头鹰", "郑行长": "孔雀"}
SPIN_TYPES = ("S", "P", "I", "I", "N", "S")
# 第 2 题每条内容的资料类别和项目（按 CUSTOMER_INFO 的项目）。
INFO_ITEMS = {"甲": ("竞争信息", "竞争对手在客户内的合作历史"), "乙": ("客户现状", "规模"),
              "丙": ("组织结构", "与采购相关的部门名称和人员组成"), "丁": ("个人信息", "经历、爱好、年龄"),
              "戊": ("客户现状", "业务")}
CUSTOMER_INFO = {}
for _label, (_kind, _item) in INFO_ITEMS.items():
    CUSTOMER_INFO.setdefault(_kind, {})[_item] = INFO_SHOWN[_label]
REFERENCE = {CASE: {"customer_info": CUSTOMER_INFO, "prospect": PROSPECT, "people": {name: {"style": style} for name, style in STYLES.items()},
                    "spin_questions": [{"type": t} for t in SPIN_TYPES]}}

# 自查里显示的格式要求和合理范围（学员能看到；不是答案）。
HINTS = {"有机会": {"options": ["是", "否"]}}
# 需要判断的题（按规则对案例事实作出决定）；阶段角色、引导期阶段是记忆。
JUDGEMENT = {"不符合的标准", "有机会", "资料类别", "沟通风格", "问题类型"}


def answer_key() -> dict:
    case = load_six_steps_case(CASE, REFERENCE[CASE])
    verdict = case.opportunity()
    return {
        "不符合的标准": {c.label for c in verdict.failed},
        "有机会": "是" if verdict.is_opportunity else "否",
        "资料类别": {label: next(k for k, items in analysis.CUSTOMER_INFO.items() if item in items)
                       for label, (_, item) in INFO_ITEMS.items()},
        "沟通风格": {p.name: trust.identify_style(p.observed).styles[0] for p in case.people},
        "问题类型": {f"问题{i}": q.type for i, q in enumerate(case.spin_questions, 1)},
        "阶段角色": needs.roles_by_stage(),
        "引导期阶段": {s.name for s in needs.PURCHASE_PROCESS if s.period == "引导期"},
    }
