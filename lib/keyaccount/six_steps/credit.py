"""The two credit tables of 002: bad debt and payment delay, with the source's own cells.

坏账需要额外销售额弥补：额外销售额 = 坏账损失 ÷ 销售净利润率。
货款拖延对利润的吞噬：利润被吃光的月数 = 销售净利润率 ÷ 年借款成本 × 12。
"""
import pandas as pd

from keyaccount import validation as v

BAD_DEBT_LOSSES = (500, 600, 700, 750, 800, 900, 1000, 1500, 2500)   # 美元
BAD_DEBT_MARGINS = (0.02, 0.03, 0.04, 0.05, 0.06)
DELAY_MARGINS = (0.10, 0.08, 0.06, 0.04, 0.02)
DELAY_RATES = (0.05, 0.06, 0.08, 0.10, 0.12, 0.15)

# 002 的原表，逐格照录（行：净利润率；列：坏账损失 / 年借款成本）。
SOURCE_BAD_DEBT = {
    0.02: (25000, 30000, 35000, 37500, 40000, 45000, 50000, 75000, 125000),
    0.03: (16666, 19999, 23333, 25000, 26667, 30000, 33333, 50000, 83333),
    0.04: (12500, 15000, 17500, 18750, 20000, 22500, 25000, 37500, 62500),
    0.05: (10000, 12000, 14000, 15000, 16000, 18000, 20000, 30000, 50000),
    0.06: (8333, 9999, 11667, 12500, 13333, 15000, 16667, 25000, 41667),
}
SOURCE_DELAY = {
    0.10: (24.0, 20.0, 15.0, 12.0, 10.0, 8.0),
    0.08: (19.2, 16.0, 12.0, 9.6, 8.0, 6.4),
    0.06: (14.4, 12.0, 9.0, 7.2, 6.0, 4.8),
    0.04: (9.6, 8.0, 6.0, 4.8, 4.0, 3.2),
    0.02: (4.8, 4.0, 3.0, 2.4, 2.0, 1.6),
}


def extra_sales_for_bad_debt(loss: float, net_margin: float) -> float:
    """额外销售额 = 坏账损失 ÷ 销售净利润率（要多卖多少，才能用利润补上这笔坏账）。"""
    v.non_negative("坏账损失", loss)
    v.rate("销售净利润率", net_margin)
    v.positive("销售净利润率", net_margin)
    return loss / net_margin


def months_until_profit_gone(net_margin: float, annual_rate: float) -> float:
    """货款拖延几个月，利息就吃光这笔生意的利润：净利润率 ÷ 年借款成本 × 12。"""
    v.rate("销售净利润率", net_margin)
    v.rate("年借款成本", annual_rate)
    v.positive("年借款成本", annual_rate)
    return net_margin / annual_rate * 12


def bad_debt_table(losses=BAD_DEBT_LOSSES, margins=BAD_DEBT_MARGINS) -> pd.DataFrame:
    """Extra sales needed, rounded to whole dollars: rows = 净利润率, columns = 坏账损失."""
    rows = {m: [round(extra_sales_for_bad_debt(loss, m)) for loss in losses] for m in margins}
    return _table(rows, losses, "销售净利润率", "坏账损失")


def delay_table(margins=DELAY_MARGINS, rates=DELAY_RATES) -> pd.DataFrame:
    """Months until the profit is eaten, to one decimal: rows = 净利润率, columns = 年借款成本."""
    rows = {m: [round(months_until_profit_gone(m, r), 1) for r in rates] for m in margins}
    return _table(rows, rates, "销售净利润率", "年借款成本")


def source_table(which: str) -> pd.DataFrame:
    """002's own table, "bad_debt" or "delay", in the same layout as the kit's."""
    v.one_of("表格", which, ("bad_debt", "delay"))
    if which == "bad_debt":
        return _table(SOURCE_BAD_DEBT, BAD_DEBT_LOSSES, "销售净利润率", "坏账损失")
    return _table(SOURCE_DELAY, DELAY_RATES, "销售净利润率", "年借款成本")


def differences(which: str) -> pd.DataFrame:
    """Cells where 002's table differs from the kit's value, with the exact quotient."""
    ours = bad_debt_table() if which == "bad_debt" else delay_table()
    theirs = source_table(which)
    rows = []
    for row in ours.index:
        for col in ours.columns:
            if ours.loc[row, col] != theirs.loc[row, col]:
                exact = (extra_sales_for_bad_debt(col, row) if which == "bad_debt"
                         else months_until_profit_gone(row, col))
                rows.append((row, col, theirs.loc[row, col], ours.loc[row, col], exact))
    return pd.DataFrame(rows, columns=["销售净利润率", ours.columns.name, "源文件", "本课程", "精确值"])


def _table(rows: dict, columns, row_name: str, column_name: str) -> pd.DataFrame:
    df = pd.DataFrame.from_dict(rows, orient="index", columns=list(columns))
    df.index.name, df.columns.name = row_name, column_name
    return df
