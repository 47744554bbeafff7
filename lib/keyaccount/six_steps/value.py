"""Step 4 呈现价值: FAB (003) and FBV (004) statements, the proposal's seven parts, QQCDMS/PEST tags."""
from dataclasses import dataclass

import pandas as pd

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

def proposal_outline(notes: dict) -> str:
    """The proposal as a Markdown outline: the seven parts in order, each with its guidance and ``notes``."""
    parts = [name for name, _ in PROPOSAL_PARTS]
    for part in notes:
        v.one_of("建议书的部分", part, parts)
    lines = []
    for i, (name, guidance) in enumerate(PROPOSAL_PARTS, 1):
        lines.append(f"{i}. **{name}** —— {guidance}")
        lines += [f"    - {note}" for note in notes.get(name, ())] or ["    - （待补充）"]
    return "\n".join(lines)


# SWOT 的因素标签（003 鸭鸭案例）：内部用 QQCDMS，外部用 PEST。
QQCDMS = {"Q": "品质", "C": "成本/价格", "D/D": "产量", "D/L": "产品研发", "M": "人才", "S": "销售/服务"}
PEST = {"P": "政策", "E": "经济", "S": "市场", "T": "技术"}


def factor_code(category: str) -> str:
    """'D/D-产量' → 'D/D': the tag's letter code."""
    return category.split("-", 1)[0].strip()


def factor_tag_problems(swot) -> list[str]:
    """Statements of a ``keyaccount.swot`` SWOT whose tag does not fit: S/W need QQCDMS, O/T need PEST."""
    problems = []
    for s in swot.statements:
        tags = QQCDMS if s.quadrant in ("S", "W") else PEST
        if factor_code(s.category) not in tags:
            kind = "内部因素用 QQCDMS" if tags is QQCDMS else "外部因素用 PEST"
            problems.append(f"{s.id} 的标签“{s.category}”不对：{kind}（{'、'.join(tags)}）")
    return problems


def factor_table(swot) -> pd.DataFrame:
    """Internal factors by QQCDMS (优势/劣势) and external factors by PEST (机会/威胁), one row per tag."""
    rows = []
    for tags, pair in ((QQCDMS, ("S", "W")), (PEST, ("O", "T"))):
        for code, name in tags.items():
            cells = ["；".join(s.text for s in swot.statements
                              if s.quadrant == q and factor_code(s.category) == code) for q in pair]
            rows.append(("内部" if tags is QQCDMS else "外部", f"{code} {name}", *cells))
    return pd.DataFrame(rows, columns=["环境", "因素", "优势 / 机会", "劣势 / 威胁"])


# 给 SWOT 条目贴标签：内部因素用 QQCDMS，外部因素用 PEST。标签写作“清单:字母”，
# 因为 S 在 QQCDMS 里是销售/服务，在 PEST 里是市场（003 的写法），T 在 PEST 里是技术。
TAGS = {**{f"QQCDMS:{k}": f"内部 {k} {n}" for k, n in QQCDMS.items()},
        **{f"PEST:{k}": f"外部 {k} {n}" for k, n in PEST.items()}}


def source_tag(statement) -> str:
    """The case's own tag of a SWOT statement as ``清单:字母`` (S/W → QQCDMS, O/T → PEST)."""
    family = "QQCDMS" if statement.quadrant in ("S", "W") else "PEST"
    return f"{family}:{factor_code(statement.category)}"


@dataclass(frozen=True)
class TagCheck:
    """One statement as the learner tagged and placed it."""
    id: str
    tag: str            # 学员选的标签（空 = 还没选）
    quadrant: str       # 学员选的象限（空 = 还没放）
    tag_ok: bool
    quadrant_ok: bool
    reason: str         # 错在哪里（都对时为空）


def check_tags(answers: dict, swot) -> list[TagCheck]:
    """Judge ``answers`` {条目编号: (标签, 象限)}: the tag must be the case's, the quadrant one it accepts,
    and the list must fit the quadrant (S/W 用 QQCDMS，O/T 用 PEST).

    A debatable statement placed in its other accepted quadrant may take any tag of that quadrant's list.
    """
    checks = []
    for s in swot.statements:
        tag, quad = answers.get(s.id, ("", ""))
        if tag:
            v.one_of(f"条目 {s.id} 的标签", tag, tuple(TAGS))
        if quad:
            v.one_of(f"条目 {s.id} 的象限", quad, ("S", "W", "O", "T"))
        family = tag.split(":")[0] if tag else ""
        wanted_family = "QQCDMS" if quad in ("S", "W") else "PEST"
        quadrant_ok = bool(quad) and quad in s.accepted
        if quadrant_ok and quad != s.quadrant:
            tag_ok = family == wanted_family
        else:
            tag_ok = tag == source_tag(s)
        reasons = []
        if quad and tag and family != wanted_family:
            reasons.append(f"放在 {quad} 的是{'内部' if wanted_family == 'QQCDMS' else '外部'}因素，"
                           f"要用 {wanted_family} 的标签")
        elif tag and not tag_ok:
            reasons.append("标签不是案例给的那一项")
        if quad and not quadrant_ok:
            reasons.append("象限放错了")
        checks.append(TagCheck(s.id, tag, quad, tag_ok, quadrant_ok, "；".join(reasons)))
    return checks


def tag_score(checks) -> float:
    """Share of statements with both the tag and the quadrant right."""
    checks = list(checks)
    return sum(c.tag_ok and c.quadrant_ok for c in checks) / len(checks) if checks else 0.0
