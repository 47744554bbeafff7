"""Pure parsers for the values a CRM export holds: amounts, dates, P-stages, shares, contacts.

Every function takes one cell value and returns the kit's form (万元, ``SignDate``, "P3" …)
or raises ``InputError`` with a Chinese message quoting the value.
"""
import calendar
import re
from datetime import date, datetime, timedelta

from keyaccount import p_stages, validation as v
from keyaccount.projects import elements
from keyaccount.projects.relationship import CR_CODES

# ---------------------------------------------------------------- amounts
UNITS = {"元": 1e-4, "千元": 0.1, "万元": 1.0}          # one of the unit in 万元
_SUFFIXES = (("亿元", 1e4), ("亿", 1e4), ("万元", 1.0), ("万", 1.0), ("千元", 0.1), ("千", 0.1),
             ("元", 1e-4))
_AMOUNT_RANGE = re.compile(r"\s*(?:~|～|至|到|—|–|(?<=\d)\s*-\s*(?=\d))\s*")


def is_blank(value) -> bool:
    """True for None, NaN and text made of spaces only."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def amount(value, unit: str = "万元") -> elements.Amount:
    """预签金额 in 万元 from 120, "120万", "1,200,000元", "¥1.2亿", "500千元" or a range "80~150万".

    ``unit`` (元/千元/万元) is the unit of a bare number; a unit written in the cell wins.
    """
    v.one_of("金额单位", unit, tuple(UNITS))
    if is_blank(value):
        raise v.InputError("预签金额 是空的。")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return elements.Amount(*(2 * [v.non_negative("预签金额", value * UNITS[unit])]))
    if not isinstance(value, str):
        raise v.InputError(f"预签金额 应该是数字或文字，收到 {value!r}。")
    text = value.strip().replace(",", "").replace("，", "").replace(" ", "")
    text = text.lstrip("¥￥").replace("RMB", "").replace("人民币", "")
    parts = _AMOUNT_RANGE.split(text)
    if len(parts) > 2:
        raise v.InputError(f"预签金额“{value}”看不懂：范围只能有下限和上限。")
    shared = _suffix(parts[-1])[1]  # "80~150万": the unit written after the range applies to both
    figures = []
    for part in parts:
        number, factor = _suffix(part)
        try:
            figure = float(number)
        except ValueError:
            raise v.InputError(f"预签金额“{value}”看不懂。请写成 120、120万、1,200,000元 或 80~150万。") from None
        if figure < 0:
            raise v.InputError(f"预签金额 '{value}' 不能为负数。")
        figures.append(figure * (factor or shared or UNITS[unit]))
    try:
        return elements.Amount(figures[0], figures[-1])
    except v.InputError as err:
        raise v.InputError(f"预签金额 '{value}'：{err}") from None


def _suffix(text: str) -> tuple[str, float | None]:
    """The number and the factor to 万元 of the unit written after it (None: no unit)."""
    for suffix, factor in _SUFFIXES:
        if text.endswith(suffix):
            return text[: -len(suffix)], factor
    return text, None


def guess_amount_unit(header: str, values) -> str:
    """The unit of bare numbers in an amount column: from the header ("金额(元)"), else from the size."""
    header = str(header)
    for unit in ("万元", "千元", "元"):
        if unit in header:
            return unit
    if "万" in header:
        return "万元"
    numbers = sorted(x for x in map(_bare_number, values) if x is not None)
    if numbers and numbers[len(numbers) // 2] >= 10_000:
        return "元"  # a typical deal of ≥ 10 000 万元 (1 亿) is unlikely; these are 元
    return "万元"


def _bare_number(value) -> float | None:
    """A number written without a unit (1200000, "1,200,000"), else None."""
    if isinstance(value, bool) or is_blank(value):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "").lstrip("¥￥"))
    except ValueError:
        return None


# ---------------------------------------------------------------- dates
EXCEL_EPOCH = date(1899, 12, 30)
_PART_OF_MONTH = {"初": 5, "上旬": 10, "中": 15, "中旬": 15, "下旬": -1, "底": -1, "末": -1}
_MONTH_PART = re.compile(r"^(?:(\d{2}|\d{4})年)?(\d{1,2})月(上旬|中旬|下旬|初|中|底|末)$")
_MONTH_DAY = re.compile(r"^(\d{1,2})月(\d{1,2})日?$")
_BARE_MONTH = re.compile(r"^(\d{1,2})月份?$")
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2})?$")


def sign_date(value, today: date) -> elements.SignDate:
    """预签时间 from "2024/5/30", "2024-05-30", "2024年5月30日", "5月底", "5月中", "24.Q3", an Excel
    serial day or a date.

    Without a year the date is taken in ``today``'s year, or in the next year when that would
    be more than three months ago (a CRM's "1月中" written in November means next January).
    """
    if is_blank(value):
        raise v.InputError("预签时间 是空的。")
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return elements.sign_date(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20_000 <= value <= 80_000:  # Excel serial day: 1954 … 2119
            return elements.sign_date(EXCEL_EPOCH + timedelta(days=int(value)))
        raise v.InputError(f"预签时间 {value:g} 是一个数字，不是日期。")
    if not isinstance(value, str):
        raise v.InputError(f"预签时间 应该是日期，收到 {value!r}。")
    text = _TIME.sub("", value.strip()).replace(" ", "")
    if m := _MONTH_PART.match(text):
        year, month, part = m[1], int(m[2]), _PART_OF_MONTH[m[3]]
        return _day(value, year, month, part, today)
    if m := _MONTH_DAY.match(text):
        return _day(value, None, int(m[1]), int(m[2]), today)
    if m := _BARE_MONTH.match(text):
        month = _month(value, int(m[1]))
        return elements.sign_date(f"{_year_without(month, today)}.{month}")
    try:
        return elements.sign_date(text.replace("/", "-"))
    except v.InputError:
        raise v.InputError(f"预签时间“{value}”看不懂。请写成 2024/5/30、2024-05-30、2024年5月30日、"
                           f"5月底、5月中 或 2024.Q3。") from None


def _day(original: str, year: str | None, month: int, day: int, today: date) -> elements.SignDate:
    """One day of a month; ``day`` −1 is the month's last day."""
    month = _month(original, month)
    y = elements._year(year) if year else _year_without(month, today)
    last = calendar.monthrange(y, month)[1]
    try:
        when = date(y, month, last if day == -1 else day)
    except ValueError:
        raise v.InputError(f"预签时间 '{original}' 不是有效日期（{month} 月没有 {day} 日）。") from None
    return elements.SignDate(str(original).strip(), when, when)


def _month(original: str, month: int) -> int:
    if not 1 <= month <= 12:
        raise v.InputError(f"预签时间 '{original}' 的月份 {month} 不存在。")
    return month


def _year_without(month: int, today: date) -> int:
    """The year of a month written without one: this year, or next year when it ended over three months ago."""
    end = date(today.year, month, calendar.monthrange(today.year, month)[1])
    return today.year + 1 if (today - end).days > 92 else today.year


# ---------------------------------------------------------------- P-stages
_STAGE_CODE = re.compile(r"^P\s*([0-7])(?![0-9])", re.IGNORECASE)


def _stage_names() -> dict[str, str]:
    """Every name a stage goes by (the whole name and each half of "设计交流/中层把握") → code."""
    names = {}
    for s in p_stages.STAGES:
        names[s.name] = s.code
        for half in s.name.split("/"):
            names[half] = s.code
    return names


STAGE_NAMES = _stage_names()


def stage(value, aliases: dict | None = None) -> str:
    """"P3", "p3", "P3 设计交流", "设计交流" or "设计交流/中层把握" → "P3"; ``aliases`` maps the
    learner's own stage names (e.g. a CRM's "Qualification") to a code."""
    if is_blank(value):
        raise v.InputError("状态（销售阶段）是空的。")
    text = str(value).strip()
    if aliases and text in aliases:
        return p_stages.stage(aliases[text]).code
    compact = text.replace(" ", "").replace("－", "-").replace("—", "-")
    if re.match(r"^P?\d\s*[-~～至到]\s*P?\d", compact, re.IGNORECASE):
        p_stages.stage(compact.upper())  # raises the kit's message about ranges
    if m := _STAGE_CODE.match(compact):
        return f"P{m[1]}"
    for name, code in STAGE_NAMES.items():
        if compact == name.replace(" ", ""):
            return code
    raise v.InputError(f"状态“{text}”看不懂：请写 P0–P7（例如 P3）或阶段名称（例如 设计交流）。")


# ---------------------------------------------------------------- shares, contacts, yes/no
def share(value) -> float:
    """客户份额 as a fraction from 0.3, "30%", "30" (per cent when above 1)."""
    if is_blank(value):
        raise v.InputError("客户份额 是空的。")
    if isinstance(value, str):
        text = value.strip().replace("％", "%")
        try:
            figure = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
        except ValueError:
            raise v.InputError(f"客户份额“{value}”看不懂：请写成 30% 或 0.3。") from None
    else:
        figure = v.number("客户份额", value)
    if 1 < figure <= 100:
        figure /= 100
    return v.rate("客户份额", figure)


CONTACT_SPLIT = re.compile(r"[、,，;；/\n]+")
_CONTACT = re.compile(r"^(.*?)[\s(（:：]*(CR\s*[1-5])?[)）]?$", re.IGNORECASE)


def contacts(names, levels=None) -> list[tuple[str, str]]:
    """[(name, "CR3"), …] from "张三(CR3)、李四 CR2" and/or a separate column "CR3 CR2".

    A person without a level counts as CR1 (知道).
    """
    if is_blank(names):
        return []
    found = []
    for piece in CONTACT_SPLIT.split(str(names)):
        if not piece.strip():
            continue
        m = _CONTACT.match(piece.strip())
        name, code = m[1].strip(), (m[2] or "").upper().replace(" ", "")
        if name:
            found.append([name, code])
    if not is_blank(levels):
        codes = re.findall(r"CR\s*[1-5]|[1-5]", str(levels).upper())
        for person, code in zip(found, codes):
            person[1] = person[1] or ("CR" + code[-1])
    return [(name, code or CR_CODES[0]) for name, code in found]


YES = ("是", "Y", "YES", "TRUE", "1", "√", "✓", "目标客户")


def yes(value) -> bool:
    """是/否 columns: 是, Y, yes, true, 1, √ count as yes."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    return str(value).strip().upper() in YES


WON = ("赢单", "赢", "成交", "签约", "已签约", "WON", "CLOSED WON", "WIN")
LOST = ("丢单", "输", "输单", "丢失", "失败", "LOST", "CLOSED LOST", "LOSE")


def outcome(value) -> str:
    """进行中/赢单/丢单 from a result column (empty or anything else: 进行中)."""
    text = "" if is_blank(value) else str(value).strip().upper()
    if text in WON:
        return "赢单"
    if text in LOST:
        return "丢单"
    return "进行中"
