"""Model of the physical tree: people by level, the approval chains, CR levels, influence lines."""
from dataclasses import dataclass

from keyaccount import validation as v
from keyaccount.projects.one_two_one import PURCHASE_ROLES
from keyaccount.projects.relationship import CRLevel, cr_level

LEVELS = ("高层", "中高层", "中层", "低层")
CHAINS = ("技术", "商务", "技术+商务", "无")
CHAIN_MEANINGS = {"技术": "技术审批决策链（蓝色）", "商务": "商务审批决策链（红色）",
                  "技术+商务": "两条链都经过（最终决策）", "无": "不在审批链上"}
NO_ROLE = "（未定）"


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    level: str
    chain: str
    cr: CRLevel
    role: str = NO_ROLE
    reports_to: str = ""

    @classmethod
    def of(cls, name, title="", level="中层", chain="无", cr=1, role=NO_ROLE, reports_to="") -> "Person":
        if not isinstance(name, str) or not name.strip():
            raise v.InputError(f"物理树状图里的姓名不能为空，收到 {name!r}。")
        where = f"{name} 的"
        v.one_of(f"{where}层级", level, LEVELS)
        v.one_of(f"{where}审批链", chain, CHAINS)
        v.one_of(f"{where}采购角色", role, (NO_ROLE, *PURCHASE_ROLES))
        return cls(name.strip(), title, level, chain, cr_level(cr, f"{where}关系程度"), role, reports_to or "")

    def in_chain(self, chain: str) -> bool:
        return self.chain == chain or self.chain == "技术+商务"


@dataclass(frozen=True)
class Influence:
    """Informal influence (dashed line): ``source`` sways ``target``'s decision."""

    source: str
    target: str
    note: str = ""


@dataclass(frozen=True)
class OrgTree:
    people: tuple[Person, ...]
    influences: tuple[Influence, ...] = ()

    def __post_init__(self):
        names = [p.name for p in self.people]
        if not names:
            raise v.InputError("物理树状图至少要有一个人。")
        doubles = {n for n in names if names.count(n) > 1}
        if doubles:
            raise v.InputError(f"物理树状图里有重名的人：{'、'.join(sorted(doubles))}。")
        for p in self.people:
            if p.reports_to and p.reports_to not in names:
                raise v.InputError(f"{p.name} 的上级 {p.reports_to} 不在名单里。")
            if p.reports_to == p.name:
                raise v.InputError(f"{p.name} 不能是自己的上级。")
        for link in self.influences:
            for end in (link.source, link.target):
                if end not in names:
                    raise v.InputError(f"影响线的一端 {end} 不在名单里。")
        self.order()  # refuses cycles

    def person(self, name: str) -> Person:
        for p in self.people:
            if p.name == name:
                return p
        raise v.InputError(f"名单里没有 {name}。")

    def order(self) -> tuple[Person, ...]:
        """People in tree order (each boss before their staff, staff in file order)."""
        children = {p.name: [c for c in self.people if c.reports_to == p.name] for p in self.people}
        out, seen = [], set()

        def visit(p, path):
            if p.name in path:
                raise v.InputError(f"汇报关系成了环：{' → '.join([*path, p.name])}。")
            if p.name in seen:
                return
            seen.add(p.name)
            out.append(p)
            for c in children[p.name]:
                visit(c, (*path, p.name))

        for p in self.people:
            if not p.reports_to:
                visit(p, ())
        if len(out) < len(self.people):
            left = [p.name for p in self.people if p.name not in seen]
            raise v.InputError(f"汇报关系成了环：{'、'.join(left)}。")
        return tuple(out)

    def with_answers(self, levels, chains, crs) -> "OrgTree":
        """The same people and reporting lines with a learner's 层级, 审批链 and 关系程度 (name → value);
        a Chinese message names the answer and the person that is missing or wrong."""
        answers = {"层级": levels, "审批链": chains, "关系程度": crs}
        for label, given in answers.items():
            if not isinstance(given, dict):
                raise v.InputError(f"{label}还没有填好：应该是每个人一项的对照表，收到的是 {v.shown(given)}。")
            missing = [p.name for p in self.people if p.name not in given]
            if missing:
                raise v.InputError(f"{label}里缺少 {'、'.join(missing)}（请不要改动模板里的名字）。")
        people = tuple(Person.of(p.name, p.title, levels[p.name], chains[p.name], crs[p.name], p.role, p.reports_to)
                       for p in self.people)
        return OrgTree(people, self.influences)

    def replace(self, name: str, **changes) -> "OrgTree":
        """A copy with one person's level/chain/role/cr changed."""
        people = []
        for p in self.people:
            if p.name == name:
                fields = dict(name=p.name, title=p.title, level=p.level, chain=p.chain, cr=p.cr.level,
                              role=p.role, reports_to=p.reports_to) | changes
                p = Person.of(**fields)
            people.append(p)
        return OrgTree(tuple(people), self.influences)

    def unplaced(self) -> "OrgTree":
        """The same people and reporting lines, not yet placed: 中层, on no chain, CR1, no role.

        The start of an exercise in drawing the tree: the learner sets level, chain, role and CR.
        """
        people = tuple(Person.of(p.name, p.title, "中层", "无", 1, NO_ROLE, p.reports_to) for p in self.people)
        return OrgTree(people, self.influences)

    def chain(self, chain: str) -> tuple[Person, ...]:
        """The people on the technical ("技术") or business ("商务") approval chain, top level first."""
        v.one_of("审批链", chain, ("技术", "商务"))
        return tuple(sorted((p for p in self.people if p.in_chain(chain)), key=lambda p: LEVELS.index(p.level)))

    def weak_links(self, below: int = 3) -> tuple[Person, ...]:
        """People on an approval chain whose CR is below ``below`` (the relationship gaps to work on)."""
        return tuple(p for p in self.order() if p.chain != "无" and p.cr.level < below)
