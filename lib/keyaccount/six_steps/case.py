"""Six-step case files (kind: six_steps): one account followed through the six steps."""
from typing import Annotated, Literal

import pandas as pd
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from keyaccount.cases import Case, load_case
from keyaccount.six_steps import analysis, commitment, needs, steps, trust, value


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _allowed(value, allowed, what: str):
    if value not in allowed:
        raise ValueError(f"{what} 只能是 {'、'.join(allowed)} 之一，收到 {value!r}")
    return value


def _choice(allowed, what: str):
    """A text field that must be one of ``allowed``; the error names the choices."""
    return Annotated[str, AfterValidator(lambda value: _allowed(value, tuple(allowed), what))]


Level = _choice(analysis.ORG_LEVELS, "级别")
Role = _choice(needs.ROLES, "采购角色")
Stage = _choice(trust.STAGE_NAMES, "关系阶段")
Behaviour = _choice(trust.BEHAVIOURS, "观察到的行为")
SpinType = _choice(needs.SPIN_LETTERS, "SPIN 类型")
Action = _choice(commitment.ACTIONS, "客户的行动")
FindMethod = _choice([m for m, _ in analysis.FIND_METHODS], "寻找客户的方法")
ClosingMethod = _choice([m for m, _, _ in commitment.CLOSING_METHODS], "促成交易的方法")


class Person(_Part):
    name: str
    title: str
    level: Level                     # 高层/中层/基层
    function: str                    # 职能（部门）
    roles: tuple[Role, ...]          # 采购角色
    stage: Stage                     # 认识/约会/信赖/同盟
    observed: tuple[Behaviour, ...] = ()
    style: str = ""                  # 案例作者给出的沟通风格（参考答案）


class EcoLink(_Part):
    """客户生态图的一条线：通过 ``method``，从 ``source`` 找到了 ``target``。"""
    source: str = Field(min_length=1)
    target: str = Field(min_length=1)
    method: FindMethod


class NeedSolution(_Part):
    solution: str = Field(min_length=1)
    product: str = Field(min_length=1)
    specs: tuple[str, ...] = Field(min_length=1)


class NeedProblem(_Part):
    problem: str = Field(min_length=1)
    solutions: tuple[NeedSolution, ...] = Field(min_length=1)


class NeedsTree(_Part):
    """需求的树状结构：目标愿望 → 问题挑战 → 解决方案 → 产品服务 → 采购指标。"""
    goal: str = Field(min_length=1)
    problems: tuple[NeedProblem, ...] = Field(min_length=1)

    def nodes(self) -> list:
        return needs.needs_tree_nodes(self.goal, [(p.problem, [(s.solution, s.product, s.specs) for s in p.solutions])
                                                  for p in self.problems])


class Question(_Part):
    text: str
    type: SpinType | None = None     # 练习案例不写（学员判断）


class Benefit(_Part):
    feature: str
    advantage: str
    benefit: str
    value: str


class Meeting(_Part):
    said: str
    actions: tuple[Action, ...] = ()

    def note(self) -> commitment.MeetingNote:
        return commitment.MeetingNote(self.said, self.actions)


class ClosingLine(_Part):
    text: str
    method: ClosingMethod | None = None   # 练习案例不写（学员判断）


class CreditScenario(_Part):
    """一笔坏账和一笔拖延的货款：用于坏账和货款拖延计算器。"""
    bad_debt: float = Field(ge=0)
    net_margin: float = Field(gt=0, le=1)
    annual_rate: float = Field(gt=0, le=1)


class Receivable(_Part):
    customer: str
    amount: float = Field(ge=0)
    days_overdue: float


class SixStepsCase(Case):
    kind: Literal["six_steps"] = "six_steps"
    seller: str
    account: str
    funnel: dict[str, int]                      # 六步漏斗各阶段的客户数
    customer_info: dict[str, dict[str, str]]    # 四类资料 → 项目 → 内容
    prospect: dict[str, bool] = {}              # 判断销售机会的回答（练习案例不写：学员从故事判断）
    people: tuple[Person, ...]
    spin_questions: tuple[Question, ...]
    benefits: tuple[Benefit, ...] = ()
    meetings: tuple[Meeting, ...]
    receivables: tuple[Receivable, ...]
    closing_lines: tuple[ClosingLine, ...] = ()
    credit: CreditScenario
    ecosystem: tuple[EcoLink, ...] = ()         # 客户生态图
    needs_tree: NeedsTree | None = None         # 需求的树状结构

    @field_validator("funnel")
    @classmethod
    def _funnel(cls, value):
        if tuple(value) != steps.FUNNEL_STAGES:
            raise ValueError(f"阶段应依次为 {'、'.join(steps.FUNNEL_STAGES)}，收到 {'、'.join(value)}")
        if any(n < 0 for n in value.values()):
            raise ValueError("客户数不能为负数")
        return value

    @field_validator("customer_info")
    @classmethod
    def _info(cls, value):
        for kind, items in value.items():
            _allowed(kind, tuple(analysis.CUSTOMER_INFO), "资料类别")
            for item in items:
                _allowed(item, analysis.CUSTOMER_INFO[kind], f"{kind}的项目")
        return value

    @field_validator("prospect")
    @classmethod
    def _prospect(cls, value):
        keys = tuple(c.key for c in analysis.CRITERIA)
        for key in value:
            _allowed(key, keys, "判断标准")
        missing = [k for k in keys if k not in value]
        if value and missing:
            raise ValueError(f"缺少判断标准 {'、'.join(missing)}")
        return value

    def opportunity(self) -> analysis.OpportunityVerdict:
        return analysis.judge_opportunity(dict(self.prospect))

    def org_table(self) -> pd.DataFrame:
        """组织结构分析：采购相关的人按级别、职能和采购角色排列（高层在前）。"""
        rows = sorted(((p.level, p.name, p.title, p.function, "、".join(p.roles)) for p in self.people),
                      key=lambda row: analysis.ORG_LEVELS.index(row[0]))
        return pd.DataFrame(rows, columns=["级别", "姓名", "职务", "职能", "采购角色"])

    def proposal_notes(self) -> dict:
        """What the case already tells each part of the proposal: the account, its problems, the FAB points."""
        status = self.customer_info.get("客户现状", {})
        return {
            "现状与未来": [f"{item}：{text}" for item, text in status.items()],
            "问题与挑战": [q.text for q in self.spin_questions if q.type in ("P", "I")],
            "产品与服务": [value.fab_statement(b.feature, b.advantage, b.benefit) for b in self.benefits],
        }

    def relationship_plan(self):
        return trust.relationship_plan((p.name, p.title, p.stage) for p in self.people)

    def spin_key(self) -> dict:
        return {q.text: q.type for q in self.spin_questions}

    def meeting_outcomes(self, large_sale: bool = True) -> list[str]:
        return [commitment.classify_meeting(m.note(), large_sale)[0] for m in self.meetings]

    def ecosystem_edges(self) -> list[tuple]:
        return analysis.ecosystem_edges((e.source, e.target, e.method) for e in self.ecosystem)

    def receivable_rows(self) -> list[tuple]:
        return [(r.customer, r.amount, r.days_overdue) for r in self.receivables]


def load_six_steps_case(name: str, reference: dict | None = None) -> SixStepsCase:
    """Read and validate a six-step case file from cases/. An exercise case leaves out what the learner
    judges (styles, SPIN types, meeting actions, closing methods, the prospect answers …); its answer
    key passes them as ``reference`` (see ``cases.load_case``)."""
    return load_case(name, SixStepsCase, reference)
