"""Customer-list case files (kind: segmentation): customers with purchase potential and
our share, and the thresholds the trainer chose."""
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from keyaccount.cases import Case, load_case
from keyaccount.segmentation import model


class Customer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    potential: float = Field(ge=0)        # 采购潜力（万元/年）
    share: float = Field(ge=0, le=1)      # 客户份额
    note: str = ""


class SegmentationCase(Case):
    kind: Literal["segmentation"] = "segmentation"
    high: float = Field(gt=0)             # 高潜力门槛（万元）
    low: float = Field(ge=0)              # 中潜力门槛（万元）
    share: float = Field(0.5, ge=0, le=1)
    customers: tuple[Customer, ...]

    def thresholds(self) -> model.Thresholds:
        return model.Thresholds(self.high, self.low, self.share)

    def customer_table(self) -> pd.DataFrame:
        return pd.DataFrame([(c.name, c.potential, c.share) for c in self.customers],
                            columns=["客户", "采购潜力", "客户份额"])

    def segment_table(self) -> pd.DataFrame:
        return model.segment_table(self.customer_table(), self.thresholds())


def load_segmentation_case(name: str) -> SegmentationCase:
    """Read and validate a segmentation case file from cases/."""
    return load_case(name, SegmentationCase)
