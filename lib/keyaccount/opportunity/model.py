"""The 20 opportunity factors with their diagnostic questions (source 000) and the scorecard.

Scoring scheme (the kit's, documented in the lesson): each factor gets a whole score
1–5 — 1 明显不利, 2 偏不利, 3 不清楚/持平, 4 偏有利, 5 明显有利. A question's score is
the mean of its five factors; the overall score is the mean of the four questions.
The Z position summarises the deal the way the source does (Z = 1 目前肯定成功,
Z = 0 有潜力, Z = −1 受损/已失去): Z = 1 when every question scores ≥ ``WIN_LEVEL``,
Z = −1 when any question scores < ``LOSE_LEVEL``, else Z = 0. One weak question is
enough to compromise a deal, which is why the rule uses the weakest question, not the mean.
"""
from dataclasses import dataclass
from statistics import fmean

from keyaccount import validation as v


@dataclass(frozen=True)
class Factor:
    code: str          # "Q1.1" …
    name: str
    diagnostics: tuple  # 诊断问题


@dataclass(frozen=True)
class Question:
    code: str          # "Q1" …
    name: str
    factors: tuple


def _question(number: int, name: str, factors: list) -> Question:
    return Question(f"Q{number}", name, tuple(
        Factor(f"Q{number}.{i}", fname, tuple(diag)) for i, (fname, diag) in enumerate(factors, 1)))


QUESTIONS = (
    _question(1, "是否有机会？", [
        ("客户应用或项目情况", ["客户的需求是什么？", "在这个项目中客户的主要问题是什么？目标是什么？",
                        "谁发起这个项目？哪些人将参与这个项目？", "这个项目是否适合客户的经营战略？"]),
        ("客户业务状况", ["客户的产品和服务是什么？", "他们主要的市场有哪些？",
                    "他们主要的客户和竞争对手是谁？", "客户业务的内在和外在驱动因素是什么？"]),
        ("客户财务状况", ["他们的收入和利润趋势怎样？", "同类似公司相比，他们的财务状况如何？",
                    "他们的财务前景怎样？", "客户的关键业绩指标是什么？"]),
        ("资金来源", ["这个项目的预算是多少？", "客户的预算程序是什么？",
                  "这个项目与其他项目相比，优先级怎样？", "客户的资金可能另用于哪里？"]),
        ("紧急而重要的事项", ["为什么客户必须行动？", "客户最迟于什么时候做出决策？",
                      "如果这个项目延误，后果怎样？", "如果这个项目按时完成，客户会获得什么回报？",
                      "对客户业务的可衡量影响是什么？"]),
    ]),
    _question(2, "我们有竞争力？", [
        ("正式的决策标准", ["客户的决策标准是什么？", "正式的决策程序是什么？",
                     "哪条标准最重要？为什么？", "谁制定标准？"]),
        ("解决方案的合适程度", ["我们的方案解决客户问题的程度如何？", "客户的想法是什么？",
                       "需要做什么修改和加强？", "我们需要什么外部资源来满足客户的要求？"]),
        ("销售资源需求", ["销售团队需要在这个机会上投入多少时间？",
                    "为赢得这次机会你需要什么额外的内部或外部资源？",
                    "销售的计划成本是多少？机会成本是多少？"]),
        ("现有的关系", ["你和客户的关系如何？", "每个竞争对手和客户的关系如何？",
                   "谁的关系可以为本次机会提供竞争优势？",
                   "以客户对理想关系的看法，你和每个竞争对手相比如何？"]),
        ("独特的商业价值", ["我们能提供的特殊的可衡量的业务成果是什么？", "客户怎样定义价值？怎样衡量价值？",
                     "我们如何用客户的观点量化价值？", "客户是否已确认对我们提供价值的理解？",
                     "我们怎样通过价值区别于竞争对手？"]),
    ]),
    _question(3, "我们能否胜出？", [
        ("客户内部支持", ["客户组织内部，谁希望我们取胜？", "他们已表示什么支持行动？",
                    "他们愿意并能够为你做事吗？", "他们在自己的组织中受信任程度如何？"]),
        ("客户高层信任", ["哪位（些）高层会影响决策或受决策影响？", "你已和他们建立怎样的信任？",
                    "你怎样获得访问高层的机会？", "你计划如何回访他们？"]),
        ("跟客户的文化兼容程度", ["客户的企业文化是什么？和我们公司的文化相比如何？",
                        "客户对待供应商的哲学是什么？", "我们能够调整或接受吗？我们愿意这么做吗？"]),
        ("非正式决策标准", ["这个决策实际上将如何做出？", "哪些不可见的主观因素会影响决策？",
                     "有哪些未做明确说明的问题？", "我们知道谁的私人观点？谁的有价值？"]),
        ("政治联盟", ["参与决策的人中谁最有权力？", "他们希望我们获胜吗？为什么？",
                  "他们能影响或改变决策的标准吗？", "他们能制造急迫感吗？他们过去是怎样证明这一点的？"]),
    ]),
    _question(4, "价值何在？", [
        ("短期收入", ["订单金额是多少？是否超过我们的底线？", "什么时候签单？是否在我们的时间表内？"]),
        ("未来收入", ["明年的业务潜力是多少？未来 3 年的呢？是否超过我们的底线？",
                  "这个项目或应用与未来收入的联系怎样？", "你将怎样把客户的许诺变成契约？"]),
        ("利润率", ["这次机会的计划利润是多少？是否超过我们的底线？", "折扣对盈利的影响怎么样？",
                 "我们怎样提高本次销售的利润率？"]),
        ("风险程度", ["我们这一方会导致方案失败的因素是什么？", "主要依靠什么向客户传递价值？",
                  "客户方会导致我们的方案失败的因素是什么？", "方案失败对我们业务的影响是什么？"]),
        ("战略价值", ["对我们而言，这次机会超出收入之外的价值是什么？", "这次机会与我们业务计划的一致性如何？",
                  "我们怎样通过这次机会从其他公司和市场获取收入？", "这次机会怎样帮助我们改善产品和服务？"]),
    ]),
)
FACTORS = tuple(f for q in QUESTIONS for f in q.factors)
FACTOR_NAMES = tuple(f.name for f in FACTORS)
SCALE = {1: "明显不利", 2: "偏不利", 3: "不清楚/持平", 4: "偏有利", 5: "明显有利"}
WIN_LEVEL = 3.5
LOSE_LEVEL = 2.5
Z_MEANING = {1: "目前肯定成功", 0: "有潜力，仍需努力", -1: "受损/可能已失去"}


def factor(name: str) -> Factor:
    """The factor with this name (one of FACTOR_NAMES)."""
    v.one_of("机会因素", name, FACTOR_NAMES)
    return FACTORS[FACTOR_NAMES.index(name)]


def checked_scores(scores: dict, label: str = "评分", unscored=()) -> dict:
    """All 20 factor scores as {factor name: int 1–5}, in FACTORS order; errors name the factor.
    Factors named in ``unscored`` may be missing (an exercise where the learner scores them)."""
    if not isinstance(scores, dict):
        raise v.InputError(f"{label} 应该是 {{因素: 分数}} 的字典，收到的是 {type(scores).__name__}。")
    unknown = [k for k in scores if k not in FACTOR_NAMES]
    if unknown:
        raise v.InputError(f"{label}：不认识的因素 {'、'.join(map(str, unknown))}。")
    missing = [n for n in FACTOR_NAMES if n not in scores and n not in unscored]
    if missing:
        raise v.InputError(f"{label}：缺少这些因素的分数：{'、'.join(missing)}。")
    out = {}
    for name in (n for n in FACTOR_NAMES if n in scores):
        value = v.count(f"{label}“{name}”", scores[name])
        if value not in SCALE:
            raise v.InputError(f"{label}“{name}” 应为 1 到 5 的整数，收到的是 {value}。")
        out[name] = value
    return out


@dataclass(frozen=True)
class Scorecard:
    """An opportunity scored on the 20 factors, rolled up per question and overall."""

    scores: dict

    def __post_init__(self):
        object.__setattr__(self, "scores", checked_scores(self.scores))

    @property
    def question_scores(self) -> dict:
        """{question name: mean of its five factor scores}."""
        return {q.name: fmean(self.scores[f.name] for f in q.factors) for q in QUESTIONS}

    @property
    def overall(self) -> float:
        """Mean of the four question scores."""
        return fmean(self.question_scores.values())

    @property
    def weakest_question(self) -> str:
        """The question with the lowest score (the first one on a tie)."""
        qs = self.question_scores
        return min(qs, key=qs.get)

    @property
    def z(self) -> int:
        """Z = 1 (肯定成功), 0 (有潜力) or −1 (受损/已失去), from the weakest question."""
        low = min(self.question_scores.values())
        if low < LOSE_LEVEL:
            return -1
        return 1 if low >= WIN_LEVEL else 0

    def weak_factors(self, below: int = 3) -> list:
        """Factors scored below ``below`` — where the next actions should go."""
        return [n for n, s in self.scores.items() if s < below]


def compare_partners(partners: dict) -> list:
    """Partners ranked best first as (name, Scorecard); ties keep the given order.

    Best = highest Z, then highest overall score: a partner that leaves one question weak
    (Z = −1) is not chosen over a balanced one with a lower mean.
    """
    if not isinstance(partners, dict) or not partners:
        raise v.InputError("合作伙伴 应该是 {伙伴名称: {因素: 分数}} 的字典，且至少有一个伙伴。")
    cards = [(name, Scorecard(checked_scores(s, f"伙伴“{name}”的评分"))) for name, s in partners.items()]
    return sorted(cards, key=lambda nc: (-nc[1].z, -nc[1].overall))


def best_partner(partners: dict) -> str:
    """The name of the partner that puts us in the best position."""
    return compare_partners(partners)[0][0]
