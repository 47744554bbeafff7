"""The fishbone part of a sales-project case file: head, bones and the causes on each bone."""
from pydantic import BaseModel, ConfigDict, Field

from keyaccount.fishbone import model


class CauseEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    bone: str = ""   # 练习案例不写（学员判断，答案在答案表里）


class FishbonePart(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    head: str = Field(min_length=1)
    bones: tuple[str, ...] = model.DEFAULT_BONES
    causes: tuple[CauseEntry, ...] = ()

    def fishbone(self) -> model.Fishbone:
        """The fishbone with the causes already placed on a bone."""
        return model.Fishbone(self.head, self.bones, tuple(model.Cause(**c.model_dump()) for c in self.causes if c.bone))
