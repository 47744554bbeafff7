"""Questions of six_steps_win_the_account (steps 1–3, case six_steps_bank_uniform)."""
from keyaccount.six_steps.case import load_six_steps_case

CASE = "six_steps_bank_uniform"

# 第 2 题：小李收集到的五条内容（属于四类资料的哪一类由学员判断；案例文件里没有这五条）。
INFO_SHOWN = {"甲": "一家本地服装厂做过夏季行服", "乙": "员工约 3000 人",
              "丙": "行政部（制服管理）、采购中心、财务部、分管行长",
              "丁": "周主任 45 岁，从信贷部调到采购中心，周末常去打羽毛球", "戊": "城市商业银行，120 个网点"}


def info_questions() -> dict:
    """题号 → 小李收集到的内容（不显示类别）。"""
    return dict(INFO_SHOWN)


def spin_questions() -> dict:
    """题号 → 问题文字，按案例顺序编号。"""
    return {f"问题{i}": q.text for i, q in enumerate(load_six_steps_case(CASE).spin_questions, 1)}
