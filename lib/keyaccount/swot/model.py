"""SWOT statements and TOWS strategies as data, with the checks a trainer grades by.

A SWOT is a list of statements, each tagged with its quadrant S/W/O/T. The quadrant is
internal or external × favourable or unfavourable. A statement may carry a free ``category``
(e.g. QQCDMS for internal, PEST for external factors) and, when the source's own answer is
debatable, ``also_accepted`` quadrants that count as right too.
"""
from dataclasses import dataclass
from typing import Mapping

from keyaccount import validation as v


@dataclass(frozen=True)
class Quadrant:
    code: str
    name: str          # 优势
    english: str       # Strengths
    internal: bool     # 内部因素（企业自身）还是外部因素（环境、对手、客户）
    favourable: bool   # 有利还是不利
    meaning: str       # 源文件的括注；源文件没有括注的（W）写明是课程补充


QUADRANTS = (
    Quadrant("S", "优势", "Strengths", True, True, "可利用的强项"),
    Quadrant("W", "劣势", "Weaknesses", True, False, "（源文件无括注；课程补充：自身需要弥补的短板）"),
    Quadrant("O", "机会", "Opportunities", False, True, "未显现的可利用条件"),
    Quadrant("T", "威胁", "Threats", False, False, "自身无法解决克服的困难、竞争对手的优势"),
)
CODES = tuple(q.code for q in QUADRANTS)
EXAMPLES = {  # 源文件列举的典型因素
    "S": ("有利的竞争态势", "资金充足", "良好企业形象", "开发实力雄厚", "产品质量优良", "市场份额较大",
          "成本优势", "广告攻势", "管理结构"),
    "W": ("资金短缺", "经营不善", "产品积压", "竞争力差", "管理混乱", "研发落后", "缺少关系"),
    "O": ("新需求", "新产品", "新技术", "新市场", "竞争对手失误"),
    "T": ("新的竞争对手", "市场紧缩", "替代产品增多", "行业政策变化", "经济衰退", "客户偏好改变", "突发事件"),
}


def quadrant(code: str) -> Quadrant:
    """The quadrant S, W, O or T."""
    v.one_of("SWOT 象限", code, CODES)
    return QUADRANTS[CODES.index(code)]


def quadrant_of(internal: bool, favourable: bool) -> Quadrant:
    """The quadrant of a factor that is internal/external and favourable/unfavourable."""
    return next(q for q in QUADRANTS if q.internal == internal and q.favourable == favourable)


@dataclass(frozen=True)
class Statement:
    """One SWOT statement: ``quadrant`` is the reference answer."""

    id: str
    text: str
    quadrant: str
    category: str = ""               # 自由标签，例如 QQCDMS 的 Q，或 PEST 的 E
    also_accepted: tuple = ()        # 有争议时也算对的象限
    note: str = ""                   # 为什么有争议

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id.strip():
            raise v.InputError(f"SWOT 条目的编号不能为空，收到 {self.id!r}。")
        quadrant(self.quadrant)
        for code in self.also_accepted:
            v.one_of(f"条目 {self.id} 的备选象限", code, CODES)

    @property
    def accepted(self) -> tuple:
        return (self.quadrant, *self.also_accepted)

    @property
    def debatable(self) -> bool:
        return bool(self.also_accepted)


@dataclass(frozen=True)
class Swot:
    """A SWOT analysis: statements in the reference quadrants."""

    statements: tuple

    def __post_init__(self):
        ids = [s.id for s in self.statements]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise v.InputError(f"SWOT 条目编号重复：{'、'.join(repeated)}。")

    def statement(self, statement_id: str) -> Statement:
        v.one_of("SWOT 条目编号", statement_id, self.ids)
        return next(s for s in self.statements if s.id == statement_id)

    @property
    def ids(self) -> tuple:
        return tuple(s.id for s in self.statements)

    def in_quadrant(self, code: str) -> tuple:
        """The reference statements of one quadrant."""
        quadrant(code)
        return tuple(s for s in self.statements if s.quadrant == code)

    def placed(self, placement: Mapping[str, str]) -> "Swot":
        """The same statements in the quadrants a learner chose (unplaced ones left out)."""
        placement = check_placement(placement, self)
        return Swot(tuple(Statement(s.id, s.text, placement[s.id], s.category)
                          for s in self.statements if s.id in placement))


def check_placement(placement: Mapping[str, str], swot: Swot) -> dict:
    """A learner's {statement id: quadrant}; unknown ids or quadrants are refused."""
    if not isinstance(placement, Mapping):
        raise v.InputError(f"SWOT 答案应该是 {{条目编号: 象限}} 的字典，收到的是 {type(placement).__name__}。")
    for sid, code in placement.items():
        v.one_of("SWOT 条目编号", sid, swot.ids)
        v.one_of(f"条目 {sid} 的象限", code, CODES)
    return dict(placement)


def grade_swot(placement: Mapping[str, str], swot: Swot) -> dict:
    """Partial credit per quadrant: each misplaced statement and each missing one costs.

    Returns {quadrant code: Grade}. A debatable statement counts as right in any of its
    accepted quadrants.
    """
    placement = check_placement(placement, swot)
    return grade_placement(placement, {s.id: s.accepted for s in swot.statements}, CODES)


@dataclass(frozen=True)
class Grade:
    """How well one bin (a SWOT quadrant, a fishbone bone) was filled."""

    bin: str
    hits: tuple        # 放对的本类条目
    missing: tuple     # 本类的条目放错或没放
    wrong: tuple       # 不属于本类却放进来的条目
    share: float       # (放对 − 放错) ÷ 本类条目数，不低于 0


def grade_placement(placement: Mapping, accepted: Mapping, bins) -> dict:
    """Grade a sorting task: ``placement`` {item: bin chosen}, ``accepted`` {item: bins that count as right}.

    The first accepted bin is an item's home. Per bin: share = (items of the bin placed right
    − items wrongly put in the bin) ÷ items of the bin, at least 0.
    """
    grades = {}
    for name in bins:
        own = [item for item, ok in accepted.items() if ok[0] == name]
        hits = tuple(i for i in own if placement.get(i) in accepted[i])
        missing = tuple(i for i in own if i not in hits)
        wrong = tuple(i for i, ok in accepted.items() if placement.get(i) == name and name not in ok)
        share = max(len(hits) - len(wrong), 0) / len(own) if own else float(not wrong)
        grades[name] = Grade(name, hits, missing, wrong, share)
    return grades


def swot_score(placement: Mapping[str, str], swot: Swot) -> float:
    """Overall share right: the mean of the four quadrant shares."""
    grades = grade_swot(placement, swot)
    return sum(g.share for g in grades.values()) / len(grades)


# ---------------------------------------------------------------- TOWS
@dataclass(frozen=True)
class StrategyKind:
    code: str            # SO
    name: str            # 优势+机会
    aim: str             # 用优势抓住机会
    internal: str        # S 或 W
    external: str        # O 或 T


STRATEGY_KINDS = (
    StrategyKind("SO", "优势+机会", "发挥优势，抓住机会（增长型）", "S", "O"),
    StrategyKind("WO", "劣势+机会", "利用机会，弥补劣势（扭转型）", "W", "O"),
    StrategyKind("ST", "优势+威胁", "依靠优势，化解威胁（多元型）", "S", "T"),
    StrategyKind("WT", "劣势+威胁", "减少劣势，回避威胁（防御型）", "W", "T"),
)
STRATEGY_CODES = tuple(k.code for k in STRATEGY_KINDS)


def strategy_kind(code: str) -> StrategyKind:
    v.one_of("TOWS 策略类型", code, STRATEGY_CODES)
    return STRATEGY_KINDS[STRATEGY_CODES.index(code)]


@dataclass(frozen=True)
class Strategy:
    """One TOWS strategy and the SWOT statements (ids) it draws on."""

    id: str
    text: str
    kind: str
    uses: tuple = ()
    why: str = ""       # what it builds on and what it answers, in the case's words

    def __post_init__(self):
        strategy_kind(self.kind)


def strategy_problems(strategy: Strategy, swot: Swot) -> list:
    """Why a strategy does not draw on its two quadrants (empty list: it does).

    An SO strategy must use at least one S and one O statement and nothing from W or T, and
    so on. Quadrants are the reference ones (a debatable statement may serve either).
    """
    kind = strategy_kind(strategy.kind)
    wanted = {kind.internal, kind.external}
    problems, covered = [], set()
    for sid in strategy.uses:
        if sid not in swot.ids:
            problems.append(f"引用了不存在的条目 {sid}")
            continue
        fits = wanted & set(swot.statement(sid).accepted)
        if fits:
            covered |= fits
        else:
            problems.append(f"{sid} 属于 {swot.statement(sid).quadrant}，{kind.code} 策略只能用 "
                            f"{kind.internal} 和 {kind.external} 的条目")
    for code in (kind.internal, kind.external):
        if code not in covered:
            problems.append(f"{kind.code} 策略还没有用到任何 {code}（{quadrant(code).name}）条目")
    return problems


def tows(strategies) -> dict:
    """Strategies grouped by kind, in the order SO, WO, ST, WT."""
    return {code: tuple(s for s in strategies if s.kind == code) for code in STRATEGY_CODES}
