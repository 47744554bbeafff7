"""The four elements of a sales project 项目四要素 and the project statistics table.

Rules (source 001): 状态 is one *completed* state P0–P7, never a range such as P2-P3;
预签金额 and 预签时间 may be ranges early in the project. Amounts are in 万元.
"""
import calendar
import re
from dataclasses import dataclass
from datetime import date

from keyaccount import p_stages, validation as v
from keyaccount.projects.relationship import CRLevel, cr_level

RANGE_SEPARATORS = ("~", "～", "至", "到")


# ---------------------------------------------------------------- 预签金额
@dataclass(frozen=True)
class Amount:
    """预签金额 in 万元: one figure, or a range (low, high) early in the project."""

    low: float
    high: float

    def __post_init__(self):
        v.non_negative("预签金额", self.low)
        v.non_negative("预签金额", self.high)
        if self.low > self.high:
            raise v.InputError(f"预签金额范围 {self.low:g}~{self.high:g} 的下限大于上限。")

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def estimate(self) -> float:
        """The figure used in totals: the amount, or the middle of the range."""
        return (self.low + self.high) / 2

    def __str__(self) -> str:
        return f"{self.low:g}~{self.high:g}万" if self.is_range else f"{self.low:g}万"


def amount(value) -> Amount:
    """预签金额 from 120, "120", "120万", (80, 150), "80~150" or "80-150"."""
    if isinstance(value, Amount):
        return value
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise v.InputError(f"预签金额范围 应该是两个数（下限、上限），收到 {len(value)} 个。")
        return Amount(v.number("预签金额下限", value[0]), v.number("预签金额上限", value[1]))
    if isinstance(value, str):
        text = value.strip().replace("万元", "").replace("万", "").replace("-", "~")
        parts = _split_range(text) or [text]
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            raise v.InputError(f"预签金额 '{value}' 不是数字或范围（例如 120 或 80~150）。") from None
        return Amount(numbers[0], numbers[-1])
    figure = v.number("预签金额", value)
    return Amount(figure, figure)


# ---------------------------------------------------------------- 预签时间
@dataclass(frozen=True)
class SignDate:
    """预签时间: a day, a month, a quarter, or a range of them, kept as first and last day."""

    text: str
    first: date
    last: date

    @property
    def is_range(self) -> bool:
        return self.first != self.last

    def __str__(self) -> str:
        return self.text


_DAY = re.compile(r"^(\d{2}|\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$")
_MONTH = re.compile(r"^(\d{2}|\d{4})[.\-/年](\d{1,2})月?$")
_QUARTER = re.compile(r"^(\d{2}|\d{4})[.\-/年]?Q([1-4])$", re.IGNORECASE)


def sign_date(value) -> SignDate:
    """预签时间 from "2013.5.30", "12.7.1", "13.6", "12.Q4", "2013-05-30", a date, or a range "13.4~13.6".

    Two-digit years are 20xx, as in the source's tables.
    """
    if isinstance(value, SignDate):
        return value
    if isinstance(value, date):
        return SignDate(value.isoformat(), value, value)
    if not isinstance(value, str):
        raise v.InputError(f"预签时间 应该是日期文字（例如 2013.5.30、13.6、12.Q4），收到 {value!r}。")
    text = value.strip()
    parts = _split_range(text)
    if parts:
        first, last = _period(parts[0], value)[0], _period(parts[1], value)[1]
        if first > last:
            raise v.InputError(f"预签时间范围 '{value}' 的开始晚于结束。")
        return SignDate(text, first, last)
    first, last = _period(text, value)
    return SignDate(text, first, last)


def _period(text: str, original: str) -> tuple[date, date]:
    text = text.strip()
    try:
        if m := _DAY.match(text):
            day = date(_year(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(text):
            year, month = _year(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _QUARTER.match(text):
            year, q = _year(m[1]), int(m[2])
            end_month = 3 * q
            return date(year, end_month - 2, 1), date(year, end_month, calendar.monthrange(year, end_month)[1])
    except ValueError:
        raise v.InputError(f"预签时间 '{original}' 不是有效日期（月份或日期超出范围）。") from None
    raise v.InputError(f"预签时间“{original}”看不懂。请写成 2013.5.30、13.6（月）、12.Q4（季度）"
                       f"或范围 13.4~13.6。")


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _split_range(text: str) -> list[str] | None:
    for sep in RANGE_SEPARATORS:
        if sep in text:
            parts = [p.strip() for p in text.split(sep)]
            if len(parts) != 2 or not all(parts):
                raise v.InputError(f"范围 '{text}' 应该写成 下限{sep}上限。")
            return parts
    return None


# ---------------------------------------------------------------- project
@dataclass(frozen=True)
class Contact:
    """One person on the customer's list and our relationship with them."""

    name: str
    cr: CRLevel

    @classmethod
    def of(cls, name: str, cr) -> "Contact":
        if not isinstance(name, str) or not name.strip():
            raise v.InputError(f"客户名单里的姓名不能为空，收到 {name!r}。")
        return cls(name.strip(), cr_level(cr))


@dataclass(frozen=True)
class Project:
    """A sales project: the four elements plus owner, customer contacts and the ABC grades."""

    name: str
    status: str
    amount: Amount
    sign_date: SignDate
    owner: str = ""
    contacts: tuple[Contact, ...] = ()
    abc: str = ""

    @classmethod
    def of(cls, name, status, amount_value, sign_date_value, owner="", contacts=(), abc="") -> "Project":
        """Build and validate a project; ``contacts`` are (name, CR) pairs."""
        if not isinstance(name, str) or not name.strip():
            raise v.InputError(f"项目名称 不能为空，收到 {name!r}。")
        status = status.strip().upper() if isinstance(status, str) else status
        p_stages.stage(status)
        abc = (abc or "").strip().upper()
        if any(ch not in "ABC" for ch in abc):
            raise v.InputError(f"ABC 分级 只能由字母 A、B、C 组成，收到 '{abc}'。")
        return cls(name.strip(), status, amount(amount_value), sign_date(sign_date_value),
                   owner.strip(), tuple(c if isinstance(c, Contact) else Contact.of(*c) for c in contacts), abc)

    @property
    def stage_index(self) -> int:
        return p_stages.CODES.index(self.status)

    @property
    def best_cr(self) -> int:
        """Highest CR level among the contacts (0 when nobody is known)."""
        return max((c.cr.level for c in self.contacts), default=0)


STATISTICS_COLUMNS = ("项目名称", "负责人", "状态", "预签金额", "预签时间", "客户名单", "客户关系程度", "ABC")


def statistics_table(projects) -> "pd.DataFrame":
    """销售项目统计表 with the source's columns; 预签金额 is the estimate in 万元 (middle of a range)."""
    import pandas as pd

    rows = [(p.name, p.owner, p.status, p.amount.estimate, str(p.sign_date),
             "、".join(c.name for c in p.contacts), " ".join(c.cr.code for c in p.contacts), p.abc)
            for p in projects]
    return pd.DataFrame(rows, columns=list(STATISTICS_COLUMNS))


def weighted_amount(project: Project, p6_rate: float = p_stages.P6_RATE_SOURCE["default"]) -> float:
    """预签金额 × 完成程度 of the project's state: what the project is worth today."""
    return project.amount.estimate * p_stages.completion(project.status, p6_rate)


def key_projects(projects, count: int = 3) -> list[str]:
    """Names of the ``count`` projects worth most today (weighted amount), largest first."""
    v.count("重点项目个数", count)
    ranked = sorted(projects, key=weighted_amount, reverse=True)
    return [p.name for p in ranked[:count]]
