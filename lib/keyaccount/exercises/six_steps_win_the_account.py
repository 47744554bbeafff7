"""Questions of six_steps_win_the_account (steps 1–3, case six_steps_bank_uniform)."""
from keyaccount.six_steps.case import load_six_steps_case

CASE = "six_steps_bank_uniform"

# 第 2 题问的资料项目（题目显示案例里的内容，学员判断属于四类资料的哪一类）。
INFO_ASKED = {"甲": "竞争对手在客户内的合作历史", "乙": "规模",
              "丙": "与采购相关的部门名称和人员组成", "丁": "经历、爱好、年龄", "戊": "业务"}


def info_questions() -> dict:
    """题号 → 小李收集到的内容（不显示类别）。"""
    info = load_six_steps_case(CASE).customer_info
    return {label: next(items[item] for items in info.values() if item in items)
            for label, item in INFO_ASKED.items()}


def spin_questions() -> dict:
    """题号 → 问题文字，按案例顺序编号。"""
    return {f"问题{i}": q.text for i, q in enumerate(load_six_steps_case(CASE).spin_questions, 1)}
