"""Step 4 呈现价值: FAB (003) and FBV (004) statements, the proposal's seven parts, QQCDMS/PEST tags."""
from keyaccount import validation as v

FAB = (("F", "Feature", "特征"), ("A", "Advantage", "优势"), ("B", "Benefit", "益处"))
FBV = (("F", "Feature", "特征（介绍事实）"), ("B", "Benefit", "益处（带来的结果）"),
       ("V", "Value", "价值（转化成客户的利益）"))


def _text(label: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise v.InputError(f"{label} 还没有填写（应该是一句话），收到的是 {value!r}。")
    return value.strip().rstrip("。，,.")


def fab_statement(feature: str, advantage: str, benefit: str) -> str:
    """“因为……，所以……，对您来说……”：先讲特征，再讲优势，落到客户的益处。"""
    f, a, b = _text("特征 F", feature), _text("优势 A", advantage), _text("益处 B", benefit)
    return f"因为{f}，所以{a}，对您来说，{b}。"


def fbv_statement(feature: str, benefit: str, value: str) -> str:
    """“……，这会带来……，为您……”：特征 → 益处 → 价值。"""
    f, b, val = _text("特征 F", feature), _text("益处 B", benefit), _text("价值 V", value)
    return f"{f}，这会带来{b}，为您{val}。"


# 以客户需求为导向的建议书：七个部分及各自写什么（003）。
PROPOSAL_PARTS = (
    ("现状与未来", "让客户了解员工对服装的满意度对企业的重要性"),
    ("问题与挑战", "行业可能存在或客户可能面临的类似问题的重要性"),
    ("产品与服务", "按照 FAB 介绍产品及服务及详细配置"),
    ("实施计划", "项目的服务方案及项目的负责人"),
    ("报价书", "配置、数量、单价、付款条件、配件赠送等"),
    ("应答书", "针对客户提出的要求或问题一一解答"),
    ("资信证明", "公司简介、企业文化、资格文件等"),
)

# SWOT 的因素标签（003 鸭鸭案例）：内部用 QQCDMS，外部用 PEST。
QQCDMS = {"Q": "品质", "C": "成本/价格", "D/D": "产量", "D/L": "产品研发", "M": "人才", "S": "销售/服务"}
PEST = {"P": "政策", "E": "经济", "S": "市场", "T": "技术"}
