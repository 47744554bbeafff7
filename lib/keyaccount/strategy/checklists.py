"""The strategy checklists of source 001 (五.3 销售项目分策略分析模板), as data.

After writing a strategy, the team checks it against the questions; every question not yet
answered "yes" is a gap to work on. The product checklist is numbered 1–4, 6, 7 on the
slide, with two questions in item 4: the kit splits item 4 into 4 and 5, giving seven.
"""
from dataclasses import dataclass
from typing import Mapping

from keyaccount import validation as v


@dataclass(frozen=True)
class Checklist:
    code: str
    name: str          # 市场策略
    english: str
    instruction: str
    questions: tuple


CHECKLISTS = (
    Checklist("market", "市场策略", "Market strategy",
              "先定义该项目是老客户还是新客户，再定义是进攻、防御还是空白型市场，然后据此做出市场策略分析。",
              ("是否已确定该项目是新客户还是老客户，并写出相应的策略？",
               "是否已确定这是进攻、防御还是空白型市场，并写出相应的策略？")),
    Checklist("customer", "客户策略", "Customer strategy", "完成客户策略分析后，用下述问题检验是否有效和完整。",
              ("是否有顺畅的信息渠道？",
               "是否制定了合适的公关策略和行动计划？实施效果怎样？",
               "客户对我方的综合实力是否认可？",
               "客户对我方的信任程度如何？是否有明显的支持层面？",
               "是否了解关键客户深层次的需求？",
               "关键决策人物是否有困难点？是否有合适的制约方式？")),
    Checklist("competition", "竞争策略", "Competition strategy", "完成竞争策略分析后，用下述问题检验是否有效和完整。",
              ("是否有信息渠道了解竞争对手的情况？",
               "竞争对手与客户的关系怎样？",
               "竞争对手的项目实施方案和客户反映如何？",
               "如何与认同竞争对手的决策人物接触？策略如何？")),
    Checklist("product", "产品策略", "Product strategy", "完成产品策略分析后，用下述问题检验是否有效和完整。",
              ("是否对决策链进行了针对性的项目方案汇报、项目实施澄清？",
               "项目方案汇报是否涉及客户各个决策层面，反映如何？",
               "客户对项目思路、实施方案、推广优势的认同程度怎样？",
               "方案是否符合客户需求和期望？",
               "方案有无独特点，使竞争对手难以实现？",
               "客户对我方的项目方案态度如何？",
               "整体项目建议书是否经公司审核？")),
    Checklist("business", "商务策略", "Business strategy", "完成商务策略分析后，用下述问题检验是否有效和完整。",
              ("是否对决策人承诺，并得到承诺？",
               "对于最后拍板是否制定了合适的推动方法？",
               "对客户方决策链成员的把握程度如何？",
               "是否确定了完善的谈判方案、商务方案、技术方案？",
               "是否为支持者提供了合适的支持理由？",
               "是否制定了打击竞争对手的策略，实施效果如何？",
               "签约方式客户方是否满意？",
               "客户对本次项目的感受及以后的合作意向如何？")),
    Checklist("service", "服务策略", "Service strategy", "完成服务策略分析后，用下述问题检验是否有效和完整。",
              ("是否在项目建议书中制定了足以吸引客户的服务条款？",
               "是否让客户认为是在和一个稳定、有诚信的公司打交道？",
               "是否令客户在后续的业务合作中都能想到我方？",
               "客户与我方的同类客户、我方的竞争对手比较后，是否依然认为受到了良好的对待和服务？")),
    Checklist("contingency", "应变预案", "Contingency plan", "为下列情形各准备一套应急措施和方案。",
              ("如果客户已经认同我方时出现否定我方的态度，怎么办？",
               "如果竞争对手与客户一直稳定合作，客户的认同度很高，怎么办？",
               "如果竞争对手的代理服务出现问题，导致客户对同类型的我方公司都采取不接受态度，怎么办？")),
)
CODES = tuple(c.code for c in CHECKLISTS)


def checklist(code: str) -> Checklist:
    """A checklist by code (market, customer, competition, product, business, service, contingency)
    or by Chinese name (市场策略 …)."""
    for c in CHECKLISTS:
        if code in (c.code, c.name):
            return c
    v.one_of("策略清单", code, CODES + tuple(c.name for c in CHECKLISTS))


def gaps(code: str, done: Mapping[int, bool]) -> list:
    """The questions of a checklist not yet answered yes; ``done`` maps question number (1…) to True/False."""
    items = checklist(code).questions
    if not isinstance(done, Mapping):
        raise v.InputError(f"答案应该是 {{题号: True/False}} 的字典，收到的是 {type(done).__name__}。")
    for number, value in done.items():
        v.one_of(f"{checklist(code).name}的题号", number, tuple(range(1, len(items) + 1)))
        if not isinstance(value, bool):
            raise v.InputError(f"{checklist(code).name}第 {number} 题应填 True 或 False，收到 {value!r}。")
    return [(n, q) for n, q in enumerate(items, start=1) if not done.get(n, False)]
