"""The learner's list of people in one account → an OrgTree (pure): each row checked with a Chinese
message naming the row, blank level/chain/role/CR filled with the kit's neutral defaults."""
import pandas as pd

from keyaccount import validation as v
from keyaccount.org_tree.model import NO_ROLE, Influence, OrgTree, Person
from keyaccount.toolbox import parse

CHAIN_WORDS = {"技术和商务": "技术+商务", "技术、商务": "技术+商务", "技术/商务": "技术+商务", "两者": "技术+商务",
               "都有": "技术+商务", "": "无", "否": "无", "不在": "无"}


def person_record(row: dict) -> dict:
    """One person's fields (keys of columns.PEOPLE) as Person.of arguments, defaults for blanks."""
    def text(key, default=""):
        value = row.get(key)
        return default if parse.is_blank(value) else str(value).strip()

    chain = text("chain")
    chain = CHAIN_WORDS.get(chain.replace(" ", ""), chain.replace("＋", "+").replace(" ", ""))
    cr = row.get("cr")
    return dict(name=text("name"), title=text("title"), level=text("level", "中层"), chain=chain,
                cr=1 if parse.is_blank(cr) else (int(cr) if isinstance(cr, (int, float)) else str(cr)),
                role=text("role", NO_ROLE), reports_to=text("reports_to"))


def tree_from_rows(rows) -> tuple[OrgTree | None, list[str]]:
    """(the tree, problems) from [(行号, {field key: cell})]; a bad row is named and left out."""
    people, links, problems = [], [], []
    for number, row in rows:
        record = person_record(row)
        if not record["name"]:
            problems.append(f"第 {number} 行：姓名是空的。")
            continue
        try:
            people.append(Person.of(**record))
        except v.InputError as err:
            problems.append(f"第 {number} 行（{record['name']}）：{err}")
            continue
        targets = row.get("influences")
        if not parse.is_blank(targets):
            links += [Influence(record["name"], t.strip()) for t in parse.CONTACT_SPLIT.split(str(targets))
                      if t.strip()]
    names = {p.name for p in people}
    for p in list(people):
        if p.reports_to and p.reports_to not in names:
            problems.append(f"{p.name} 的上级“{p.reports_to}”不在名单里，已按没有上级画出。")
            people[people.index(p)] = Person.of(p.name, p.title, p.level, p.chain, p.cr.level, p.role, "")
    for link in list(links):
        if link.target not in names:
            problems.append(f"{link.source} 影响的“{link.target}”不在名单里，这条影响线没有画。")
            links.remove(link)
    if not people:
        return None, problems or ["名单里还没有人。"]
    try:
        return OrgTree(tuple(people), tuple(links)), problems
    except v.InputError as err:
        return None, problems + [str(err)]


def tree_table(tree: OrgTree) -> pd.DataFrame:
    """The people as the template's columns (what is saved and exported)."""
    influence = {}
    for link in tree.influences:
        influence.setdefault(link.source, []).append(link.target)
    return pd.DataFrame([(p.name, p.title, p.level, p.chain, p.cr.code, p.role, p.reports_to,
                          "、".join(influence.get(p.name, []))) for p in tree.order()],
                        columns=["姓名", "职务", "层级", "审批链", "客户关系程度", "采购角色", "上级", "非正式影响（影响谁）"])


KEYS = ("name", "title", "level", "chain", "cr", "role", "reports_to", "influences")


def rows_of_table(table: pd.DataFrame) -> list[tuple[int, dict]]:
    """tree_table's frame back into rows for ``tree_from_rows`` (for reopening a saved map)."""
    return [(i, dict(zip(KEYS, values))) for i, values in enumerate(table.itertuples(index=False), start=1)]

