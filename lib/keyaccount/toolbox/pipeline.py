"""My pipeline: check each row of the learner's table against the four elements, then analyse
the good rows with the course's own formulas (weighted pipeline, USM forecast, attention
rules, sales state, funnel metrics). Pure: tables in, tables and dataclasses out.
"""
from dataclasses import dataclass
from datetime import date

import pandas as pd

from keyaccount import p_stages, validation as v
from keyaccount.funnel import model as funnel
from keyaccount.projects import attention, elements, sales_state
from keyaccount.toolbox import parse

CLEAN_COLUMNS = ("行号", "客户", "项目名称", "状态", "预签金额（万元）", "预签时间", "负责人", "客户名单",
                 "客户关系程度", "检查结果")
OK = "通过"
CONTACT_RULES = ("weak_late", "single_thread")  # rules that read the customer list


@dataclass
class Checked:
    """The learner's rows after the four-elements check: every row kept, good ones as Projects."""

    table: pd.DataFrame           # CLEAN_COLUMNS, one row per uploaded row, 检查结果 = 通过 or the reasons
    projects: list                # elements.Project for each good row, in file order
    rows: list                    # the 行号 of each project
    extras: pd.DataFrame          # 行号-indexed: 创建日期, 结果, 目标客户 (those that were mapped)
    has_contacts: bool

    @property
    def problems(self) -> pd.DataFrame:
        return self.table[self.table["检查结果"] != OK][["行号", "项目名称", "检查结果"]]


def check(raw: pd.DataFrame, mapping: dict, today: date, unit: str = "万元",
          stage_aliases: dict | None = None) -> Checked:
    """Check every row of ``raw`` (行号-indexed, the learner's headers) with ``mapping`` {field key: header}."""
    def cell(row, key):
        header = mapping.get(key)
        return row[header] if header else None

    rows, projects, numbers, extras = [], [], [], []
    names_seen = {}
    for number, row in raw.iterrows():
        customer = _text(cell(row, "customer"))
        name = _text(cell(row, "name")) or customer
        problems, shown = [], {"状态": _text(cell(row, "stage")), "预签金额（万元）": _text(cell(row, "amount")),
                               "预签时间": _text(cell(row, "sign_date"))}
        status = amount = when = None
        people = []
        if not name:
            problems.append("项目名称（或客户）是空的")
        try:
            status = parse.stage(cell(row, "stage"), stage_aliases)
            shown["状态"] = status
        except v.InputError as err:
            problems.append(str(err).rstrip("。"))
        try:
            amount = parse.amount(cell(row, "amount"), unit)
            shown["预签金额（万元）"] = round(amount.estimate, 4)
        except v.InputError as err:
            problems.append(str(err).rstrip("。"))
        try:
            when = parse.sign_date(cell(row, "sign_date"), today)
            shown["预签时间"] = _date_text(when)
        except v.InputError as err:
            problems.append(str(err).rstrip("。"))
        try:
            people = parse.contacts(cell(row, "contacts"), cell(row, "cr"))
        except v.InputError as err:
            problems.append(str(err).rstrip("。"))
        if name and name in names_seen and not problems:
            name = f"{name}（第{number}行）"
        if not problems:
            try:
                project = elements.Project.of(name, status, amount, when, _text(cell(row, "owner")), people)
            except v.InputError as err:
                problems.append(str(err).rstrip("。"))
            else:
                names_seen[name] = number
                projects.append(project)
                numbers.append(number)
                extras.append(_extras(row, mapping, number, today))
        rows.append((number, customer, name, shown["状态"], shown["预签金额（万元）"], shown["预签时间"],
                     _text(cell(row, "owner")), "、".join(n for n, _ in people), " ".join(c for _, c in people),
                     "；".join(problems) + "。" if problems else OK))
    table = pd.DataFrame(rows, columns=list(CLEAN_COLUMNS))
    extra = pd.DataFrame(extras, columns=["行号", "创建日期", "结果", "目标客户"]).set_index("行号")
    return Checked(table, projects, numbers, extra, bool(mapping.get("contacts")))


def _text(value) -> str:
    if parse.is_blank(value):
        return ""
    if hasattr(value, "strftime"):
        return f"{value:%Y-%m-%d}"
    return str(value).strip()


def _date_text(when: elements.SignDate) -> str:
    if when.is_range:
        return f"{when.first:%Y-%m-%d}~{when.last:%Y-%m-%d}"
    return f"{when.first:%Y-%m-%d}"


def _extras(row, mapping, number, today) -> tuple:
    created = None
    if mapping.get("created") and not parse.is_blank(row[mapping["created"]]):
        try:
            created = parse.sign_date(row[mapping["created"]], today).first
        except v.InputError:
            created = None
    result = parse.outcome(row[mapping["outcome"]]) if mapping.get("outcome") else None
    target = parse.yes(row[mapping["target"]]) if mapping.get("target") else None
    return number, created, result, target


# ---------------------------------------------------------------- analyses
def project_table(projects) -> pd.DataFrame:
    """状态 and 预签金额 per project, the input of ``funnel.weighted_pipeline``."""
    return pd.DataFrame({"状态": [p.status for p in projects],
                         "预签金额": [p.amount.estimate for p in projects]})


def weighted(projects, p6_rate: float = p_stages.P6_RATE_SOURCE["default"]) -> pd.DataFrame:
    return funnel.weighted_pipeline(project_table(projects), p6_rate)


@dataclass(frozen=True)
class ForecastRule:
    """How the pipeline fills the USM forecast table for one period (the kit's reading).

    Open projects (not P7) whose sign date falls in the period: from ``assured_from`` on they
    are 保证实现, from ``possible_from`` on 可能实现; earlier states are not in the forecast.
    P7 projects signed in the period are 已实现 unless the learner types the figure.
    """

    start: date
    end: date
    today: date
    assured_from: str = "P5"
    possible_from: str = "P3"

    def __post_init__(self):
        v.one_of("保证实现的起始状态", self.assured_from, p_stages.CODES)
        v.one_of("可能实现的起始状态", self.possible_from, p_stages.CODES)
        if self.end < self.start:
            raise v.InputError(f"本期结束 {self.end:%Y-%m-%d} 早于本期开始 {self.start:%Y-%m-%d}。")
        if p_stages.CODES.index(self.possible_from) > p_stages.CODES.index(self.assured_from):
            raise v.InputError(f"可能实现的起始状态 {self.possible_from} 应不晚于保证实现的起始状态 "
                               f"{self.assured_from}。")

    def category(self, project) -> str:
        """已实现 / 保证实现 / 可能实现 / 本期外 / 不计入 for one project."""
        if not self.start <= project.sign_date.first <= self.end:
            return "本期外"
        index = p_stages.CODES.index
        if project.status == "P7":
            return "已实现"
        if project.stage_index >= index(self.assured_from):
            return "保证实现"
        if project.stage_index >= index(self.possible_from):
            return "可能实现"
        return "不计入"

    @property
    def weeks_left(self) -> float:
        return max((self.end - self.today).days, 0) / 7


def forecast(projects, quota: float, rule: ForecastRule, achieved: float | None = None
             ) -> tuple[funnel.PerformanceForecast, pd.DataFrame]:
    """The USM performance forecast for the period, and each project's category."""
    table = pd.DataFrame({"项目名称": [p.name for p in projects], "状态": [p.status for p in projects],
                          "预签金额": [p.amount.estimate for p in projects],
                          "预签时间": [str(p.sign_date) for p in projects],
                          "分类": [rule.category(p) for p in projects]})
    total = table.groupby("分类")["预签金额"].sum()
    result = funnel.PerformanceForecast(
        quota=quota, achieved=total.get("已实现", 0.0) if achieved is None else achieved,
        assured=total.get("保证实现", 0.0), possible=total.get("可能实现", 0.0), weeks_left=rule.weeks_left)
    return result, table


def default_unit_value(projects) -> float:
    """单产: the mean amount of P7 projects, or of all projects when none is signed."""
    signed = [p.amount.estimate for p in projects if p.status == "P7"]
    amounts = signed or [p.amount.estimate for p in projects]
    return sum(amounts) / len(amounts) if amounts else 0.0


def new_intent_projects(result: funnel.PerformanceForecast, unit_value: float) -> float:
    """项目缺口: new 意向 projects needed to close the gap (缺口 ÷ 单产 ÷ 意向成交率, lesson 01)."""
    small = funnel.SmallProjectFunnel(intent=0, proposal=0, negotiation=0, unit_value=unit_value,
                                      achieved=result.expected_total, quota=result.quota)
    return small.project_gap


def attention_flags(checked: Checked, thresholds: attention.Thresholds) -> tuple[pd.DataFrame, list[str]]:
    """The attention list and the rules left out because the table has no customer list."""
    table = attention.flags(checked.projects, thresholds)
    if checked.has_contacts:
        return table, []
    skipped = [attention.RULE_NAMES[code] for code in CONTACT_RULES]
    return table[~table["规则"].isin(skipped)].reset_index(drop=True), skipped


def states_by_owner(projects) -> dict[str, list[str]]:
    """{负责人: statuses} ("我的项目" when no owner is given)."""
    out = {}
    for p in projects:
        out.setdefault(p.owner or "我的项目", []).append(p.status)
    return out


def diagnosis(projects) -> pd.DataFrame:
    """One row per owner: 销售状态, 原因, 建议."""
    rows = []
    for owner, statuses in states_by_owner(projects).items():
        state, reason = sales_state.sales_state(statuses)
        rows.append((owner, len(statuses), state.name, reason, state.advice))
    return pd.DataFrame(rows, columns=["负责人", "项目数", "销售状态", "原因", "建议"])


METRIC_NEEDS = {"数量": (), "方向": ("target",), "流速": ("created", "outcome"), "单产": (),
                "成功率": ("outcome",)}


def metrics(checked: Checked, today: date) -> pd.DataFrame:
    """The five funnel metrics (lesson 01) where the data allows; 说明 names the missing column."""
    from keyaccount.toolbox.columns import PIPELINE

    labels = {f.key: f.label for f in PIPELINE}
    extras = checked.extras
    mapped = {k for k in ("created", "outcome", "target") if extras[_EXTRA[k]].notna().any()}
    outcomes = [o if o else ("赢单" if p.status == "P7" else "进行中")
                for p, o in zip(checked.projects, extras["结果"].where(extras["结果"].notna(), ""))]
    days = [((p.sign_date.first if o != "进行中" else today) - c).days if isinstance(c, date) else 0
            for p, o, c in zip(checked.projects, outcomes, extras["创建日期"])]
    opportunities = pd.DataFrame({"阶段": [p.status for p in checked.projects],
                                  "金额": [p.amount.estimate for p in checked.projects],
                                  "目标客户": [bool(t) for t in extras["目标客户"].fillna(False)],
                                  "天数": days, "结果": outcomes})
    m = funnel.funnel_metrics(opportunities)
    values = {"数量": "、".join(f"{k} {n} 个" for k, n in sorted(m.quantity.items())) or "没有进行中的项目",
              "方向": f"{m.direction:.0%}", "流速": f"{m.velocity:.0f} 天",
              "单产": f"{m.unit_yield:.2f} 万元" if m.unit_yield else "还没有赢单", "成功率": f"{m.win_rate:.0%}"}
    meaning = {"数量": "各状态进行中的项目数", "方向": "目标客户的金额占进行中金额的比例",
               "流速": "已结束项目从创建到结束的平均天数", "单产": "赢单（或 P7）项目的平均金额",
               "成功率": "赢单 ÷（赢单 + 丢单）"}
    rows = []
    for name, needs in METRIC_NEEDS.items():
        lacking = [labels[k] for k in needs if k not in mapped]
        rows.append((name, "—" if lacking else values[name], meaning[name],
                     f"缺少列：{'、'.join(lacking)}" if lacking else ""))
    return pd.DataFrame(rows, columns=["指标", "数值", "含义", "说明"])


_EXTRA = {"created": "创建日期", "outcome": "结果", "target": "目标客户"}
