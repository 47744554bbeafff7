"""The class roster a trainer already has (CSV or Excel: 姓名, 账号, optionally 分组 and 密码), checked row by row.

Every problem is one Chinese sentence naming the file, the row and the field.
"""
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from keyaccount.validation import InputError

COLUMNS = {  # what a column means → the headers trainers use for it
    "name": ("姓名", "名字", "学员", "name"),
    "account": ("账号", "帐号", "用户名", "工号", "account", "username"),
    "group": ("分组", "小组", "组别", "group"),
    "password": ("密码", "初始密码", "password"),
}
ACCOUNT = re.compile(r"[a-z0-9][a-z0-9_-]{0,27}")  # also a valid system user name once prefixed


class RosterError(InputError):
    """The roster cannot be used as it is."""


@dataclass(frozen=True)
class Learner:
    name: str
    account: str
    group: str = ""
    password: str = ""  # empty: the hub generates one


def read_roster(path: Path) -> list[Learner]:
    """The learners of a roster file, or a RosterError that lists every problem."""
    path = Path(path)
    rows = _rows(path)
    if not rows:
        raise RosterError(f"名单 {path.name} 是空的：第一行写表头（姓名、账号，可选 分组、密码），下面每行一位学员。")
    header = [str(h or "").strip() for h in rows[0]]
    where = {key: _column(header, names) for key, names in COLUMNS.items()}
    missing = [names[0] for key, names in COLUMNS.items() if key in ("name", "account") and where[key] is None]
    if missing:
        raise RosterError(f"名单 {path.name} 缺少这些列：{'、'.join(missing)}（第一行是表头：{'、'.join(h for h in header if h) or '空'}）。")
    learners, problems, seen = [], [], {}
    for number, row in enumerate(rows[1:], start=2):
        cells = {key: _cell(row, index) for key, index in where.items()}
        if not any(cells.values()):
            continue  # an empty row
        account = cells["account"].lower()
        if not cells["name"]:
            problems.append(f"第 {number} 行没有姓名。")
        if not ACCOUNT.fullmatch(account):
            problems.append(f"第 {number} 行的账号“{cells['account']}”不能用：只能用英文字母、数字、- 和 _，"
                            "以字母或数字开头，最多 28 个字符（例如 zhangsan 或 a001）。")
        elif account in seen:
            problems.append(f"第 {number} 行的账号 {account} 和第 {seen[account]} 行重复。")
        else:
            seen[account] = number
        learners.append(Learner(cells["name"], account, cells["group"], cells["password"]))
    if problems:
        raise RosterError(f"名单 {path.name} 有 {len(problems)} 处问题：\n" + "\n".join(f" - {p}" for p in problems))
    if not learners:
        raise RosterError(f"名单 {path.name} 只有表头，没有学员。")
    return learners


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    wanted = {n.lower() for n in names}
    return next((i for i, h in enumerate(header) if h.lower() in wanted), None)


def _cell(row, index) -> str:
    if index is None or index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():  # Excel turns 001 into 1.0
        value = int(value)
    return str(value).strip()


def _rows(path: Path) -> list[list]:
    if not path.is_file():
        raise RosterError(f"找不到名单文件 {path}。")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook
        try:
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl's many error types for a broken file
            raise RosterError(f"名单 {path.name} 不是能打开的 Excel 文件（{type(error).__name__}）：请在 Excel 里另存为 .xlsx 或 .csv。") from None
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    if path.suffix.lower() != ".csv":
        raise RosterError(f"名单 {path.name} 请用 .csv 或 .xlsx 格式。")
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on Chinese Windows saves CSV as GBK
        try:
            return list(csv.reader(io.StringIO(raw.decode(encoding))))
        except UnicodeDecodeError:
            continue
    raise RosterError(f"名单 {path.name} 的编码无法识别：请在 Excel 里另存为“CSV UTF-8”。")
