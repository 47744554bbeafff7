"""The class roster: CSV (UTF-8 or GBK) or Excel, checked row by row with Chinese messages; passwords
generated once, kept on restart, readable by the trainer only."""
import os
import stat

import pytest
from openpyxl import Workbook

from keyaccount.hub import accounts
from keyaccount.hub.roster import RosterError, read_roster


def write_csv(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_a_gbk_csv_from_chinese_excel_with_groups(tmp_path):
    path = write_csv(tmp_path / "名单.csv", "姓名,账号,分组\n张三,ZhangSan,A组\n\n李四,lisi,B组\n", "gb18030")
    learners = read_roster(path)
    assert [(l.name, l.account, l.group) for l in learners] == [("张三", "zhangsan", "A组"), ("李四", "lisi", "B组")]


def test_an_excel_roster_with_numeric_accounts_and_given_passwords(tmp_path):
    book = Workbook()
    book.active.append(["学员", "工号", "初始密码"])
    book.active.append(["王五", 1001, "secret-pass"])
    book.save(tmp_path / "名单.xlsx")
    (learner,) = read_roster(tmp_path / "名单.xlsx")
    assert (learner.name, learner.account, learner.password) == ("王五", "1001", "secret-pass")


@pytest.mark.parametrize("text, says", [
    ("名字,邮箱\n张三,a@b.c\n", "缺少这些列：账号"),
    ("姓名,账号\n张三,张三\n", "第 2 行的账号“张三”不能用"),
    ("姓名,账号\n张三,zs\n李四,ZS\n", "第 3 行的账号 zs 和第 2 行重复"),
    ("姓名,账号\n,zs\n", "第 2 行没有姓名"),
    ("姓名,账号\n", "只有表头"),
    ("", "是空的"),
])
def test_a_bad_roster_names_the_row_and_the_field(tmp_path, text, says):
    with pytest.raises(RosterError, match=says):
        read_roster(write_csv(tmp_path / "名单.csv", text))


def test_other_file_kinds_and_a_missing_file_are_refused_in_chinese(tmp_path):
    with pytest.raises(RosterError, match="请用 .csv 或 .xlsx"):
        read_roster(write_csv(tmp_path / "名单.txt", "x"))
    with pytest.raises(RosterError, match="找不到名单文件"):
        read_roster(tmp_path / "none.csv")
    with pytest.raises(RosterError, match="不是能打开的 Excel"):
        read_roster(write_csv(tmp_path / "坏.xlsx", "not a zip"))


def test_passwords_are_generated_once_and_only_the_trainer_can_read_them(tmp_path):
    learners = read_roster(write_csv(tmp_path / "r.csv", "姓名,账号,密码\n张三,zs,\n李四,ls,given-pass\n"))
    first = accounts.accounts(tmp_path / "hub", learners, "trainer")
    assert [a.account for a in first] == ["trainer", "zs", "ls"] and first[0].admin
    assert first[2].password == "given-pass" and len(first[1].password) == 14
    assert len({a.password for a in first}) == 3
    path = tmp_path / "hub" / accounts.PASSWORDS
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = accounts.accounts(tmp_path / "hub", learners, "trainer")
    assert [a.password for a in again] == [a.password for a in first]
