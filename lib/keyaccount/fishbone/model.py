"""A fishbone: the head is the project's goal or problem, each bone a category of causes.

The source names three bones for a sales project (竞争对手, 客户关系, 服务策略); DEFAULT_BONES
adds the others a trainer expects. A fishbone is immutable: ``add``, ``move`` and ``remove``
return a new one, which keeps the widget's undo and the tests simple.
"""
from dataclasses import dataclass, replace
from typing import Mapping

from keyaccount import validation as v
from keyaccount.swot.model import grade_placement

SOURCE_BONES = ("竞争对手", "客户关系", "服务策略")
DEFAULT_BONES = ("客户关系", "竞争对手", "客户需求", "产品方案", "商务策略", "服务策略", "公司资源", "项目进度")
# 一条事实放在哪根鱼骨上：看它主要说的是哪一类（课程的规则；源文件只列了三根鱼骨的名字）。
BONE_MEANING = {
    "客户关系": "客户方的人对我们、对这个项目的态度",
    "竞争对手": "对手的实力，以及对手和客户的关系",
    "客户需求": "客户要解决什么问题、要买什么",
    "产品方案": "我方的技术、方案和做过的项目",
    "商务策略": "价格、利润、合同和付款条件",
    "服务策略": "实施、交付和售后服务，包括本地响应",
    "公司资源": "我方公司愿意并能够投入的人、钱、支持和前期工作",
    "项目进度": "时间节点和截止日期",
}


@dataclass(frozen=True)
class Cause:
    id: str
    text: str
    bone: str


@dataclass(frozen=True)
class Fishbone:
    head: str
    bones: tuple = DEFAULT_BONES
    causes: tuple = ()

    def __post_init__(self):
        if not isinstance(self.head, str) or not self.head.strip():
            raise v.InputError("鱼头（项目目标或问题）不能为空。")
        if len(set(self.bones)) != len(self.bones) or not self.bones:
            raise v.InputError(f"鱼骨的类别不能为空或重复，收到 {'、'.join(self.bones) or '（无）'}。")
        ids = [c.id for c in self.causes]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise v.InputError(f"原因编号重复：{'、'.join(repeated)}。")
        for c in self.causes:
            v.one_of(f"原因 {c.id}（{c.text}）所在的鱼骨", c.bone, self.bones)

    def on(self, bone: str) -> tuple:
        """The causes on one bone."""
        v.one_of("鱼骨", bone, self.bones)
        return tuple(c for c in self.causes if c.bone == bone)

    def cause(self, cause_id: str) -> Cause:
        v.one_of("原因编号", cause_id, tuple(c.id for c in self.causes))
        return next(c for c in self.causes if c.id == cause_id)

    def add(self, text: str, bone: str) -> "Fishbone":
        """A new fishbone with one more cause (numbered C1, C2, … after the highest)."""
        if not isinstance(text, str) or not text.strip():
            raise v.InputError("要添加的原因不能为空。")
        taken = {c.id for c in self.causes}
        number = next(n for n in range(1, len(taken) + 2) if f"C{n}" not in taken)
        return replace(self, causes=self.causes + (Cause(f"C{number}", text.strip(), bone),))

    def move(self, cause_id: str, bone: str) -> "Fishbone":
        """A new fishbone with the cause moved to another bone."""
        self.cause(cause_id)
        return replace(self, causes=tuple(replace(c, bone=bone) if c.id == cause_id else c
                                          for c in self.causes))

    def remove(self, cause_id: str) -> "Fishbone":
        self.cause(cause_id)
        return replace(self, causes=tuple(c for c in self.causes if c.id != cause_id))

    def placed(self, placement: Mapping[str, str]) -> "Fishbone":
        """The same causes on the bones a learner chose (unplaced causes left out)."""
        check_placement(placement, self)
        return replace(self, causes=tuple(replace(c, bone=placement[c.id])
                                          for c in self.causes if c.id in placement))


def check_placement(placement: Mapping[str, str], fishbone: Fishbone) -> dict:
    """A learner's {cause id: bone}; unknown causes or bones are refused with their name."""
    if not isinstance(placement, Mapping):
        raise v.InputError(f"答案应该是 {{原因编号: 鱼骨}} 的字典，收到的是 {type(placement).__name__}。")
    ids = tuple(c.id for c in fishbone.causes)
    for cid, bone in placement.items():
        v.one_of("原因编号", cid, ids)
        v.one_of(f"原因 {cid} 所在的鱼骨", bone, fishbone.bones)
    return dict(placement)


def grade_fishbone(placement: Mapping[str, str], reference: Fishbone) -> dict:
    """Partial credit per bone against the reference: {bone: Grade}."""
    check_placement(placement, reference)
    return grade_placement(placement, {c.id: (c.bone,) for c in reference.causes}, reference.bones)


def by_bone(fishbone: Fishbone) -> dict:
    """{bone: [cause ids]} — the form of the exercise answer."""
    return {bone: [c.id for c in fishbone.on(bone)] for bone in fishbone.bones}
