"""The columns each toolbox upload needs, the headers CRMs use for them, and the guessed mapping.

A field is (key, 中文名, required, headers); headers are compared without spaces, brackets and
case, first exactly, then as a part of the learner's header ("预计签约日期（最新）").
"""
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    required: bool
    headers: tuple[str, ...]
    example: tuple = ()   # three example cells for the template


PIPELINE = (
    Field("customer", "客户", False, ("客户", "客户名称", "客户名", "公司", "公司名称", "单位", "单位名称",
                                    "account", "accountname", "customer", "company"),
          ("华东电力集团", "星河医院", "蓝海银行")),
    Field("name", "项目名称", True, ("项目名称", "项目", "商机", "商机名称", "机会", "机会名称", "销售机会",
                                  "opportunity", "opportunityname", "deal", "dealname", "project"),
          ("调度系统升级", "影像云平台", "网点终端更新")),
    Field("amount", "预签金额", True, ("预签金额", "金额", "预计金额", "预计签约金额", "商机金额", "合同金额",
                                    "预估金额", "项目金额", "amount", "dealvalue", "value", "expectedrevenue"),
          ("120万", "1,800,000元", "60~80万")),
    Field("stage", "状态（P0–P7）", True, ("状态", "项目状态", "阶段", "销售阶段", "商机阶段", "项目阶段",
                                       "stage", "salesstage", "dealstage"),
          ("P5", "设计交流", "p2")),
    Field("sign_date", "预签时间", True, ("预签时间", "预计签约日期", "预计签约时间", "预计成交日期", "签约日期",
                                      "预计签单时间", "成交日期", "结单日期", "closedate", "expectedclosedate"),
          ("2025/6/30", "2025年9月15日", "12月底")),
    Field("owner", "负责人", False, ("负责人", "销售", "销售代表", "客户经理", "销售负责人", "所有人", "owner",
                                  "opportunityowner", "salesrep"),
          ("王强", "王强", "李娜")),
    Field("contacts", "客户名单（联系人）", False, ("客户名单", "联系人", "关键人", "决策人", "contacts", "contact"),
          ("张总(CR4)、刘工(CR3)", "陈主任(CR2)", "")),
    Field("cr", "客户关系程度", False, ("客户关系程度", "关系程度", "客户关系", "关系", "cr", "crlevel"),
          ("", "", "")),
    Field("created", "创建日期", False, ("创建日期", "创建时间", "立项日期", "createddate", "createdate", "created"),
          ("2025/1/10", "2025/3/2", "2025/4/18")),
    Field("outcome", "结果（赢单/丢单）", False, ("结果", "输赢", "赢单丢单", "outcome", "result", "wonlost"),
          ("", "", "")),
    Field("target", "目标客户（是/否）", False, ("目标客户", "是否目标客户", "重点客户", "targetaccount", "target"),
          ("是", "是", "否")),
)

ACCOUNTS = (
    Field("customer", "客户", True, ("客户", "客户名称", "客户名", "公司", "公司名称", "account", "customer"),
          ("华东电力集团", "星河医院", "蓝海银行")),
    Field("potential", "采购潜力（每年）", True, ("采购潜力", "潜力", "年采购额", "采购额", "钱包", "potential",
                                            "wallet", "walletsize"),
          ("800万", "300万", "1,200,000元")),
    Field("share", "客户份额（我们的占比）", True, ("客户份额", "份额", "我方份额", "占有率", "share", "shareofwallet"),
          ("60%", "10%", "0.35")),
)

PEOPLE = (
    Field("name", "姓名", True, ("姓名", "名字", "人员", "name"), ("张总", "刘工", "陈主任")),
    Field("title", "职务", False, ("职务", "职位", "title", "position"), ("总经理", "信息中心主任", "采购部主任")),
    Field("level", "层级", False, ("层级", "级别", "level"), ("高层", "中层", "中层")),
    Field("chain", "审批链", False, ("审批链", "决策链", "chain"), ("技术+商务", "技术", "商务")),
    Field("cr", "客户关系程度", False, ("客户关系程度", "关系程度", "客户关系", "关系", "cr"), ("CR2", "CR4", "CR3")),
    Field("role", "采购角色", False, ("采购角色", "角色", "role"), ("", "", "")),
    Field("reports_to", "上级", False, ("上级", "汇报给", "直接上级", "reportsto", "manager"), ("", "张总", "张总")),
    Field("influences", "非正式影响（影响谁）", False, ("非正式影响", "影响", "影响谁", "influences"),
          ("", "", "刘工")),
)

KINDS = {"pipeline": PIPELINE, "accounts": ACCOUNTS, "people": PEOPLE}


def normalized(header) -> str:
    """A header without spaces, brackets, units and case: "预计金额（万元）" → "预计金额"."""
    text = re.sub(r"[（(][^）)]*[）)]", "", str(header))
    return re.sub(r"[\s_\-:：/*]", "", text).lower()


def guess(fields, headers) -> dict[str, str | None]:
    """{field key: the learner's header or None}: exact names first, then names contained in a header.

    One header serves one field; the learner confirms or changes every choice.
    """
    by_norm = {}
    for h in headers:
        by_norm.setdefault(normalized(h), h)
    taken, out = set(), {}
    for exact in (True, False):
        for f in fields:
            if out.get(f.key):
                continue
            out[f.key] = None
            for alias in f.headers:
                if not exact and not _partial_ok(alias):
                    continue
                found = [(len(n), h) for n, h in by_norm.items()
                         if h not in taken and (n == alias if exact else alias in n)]
                if found:
                    out[f.key] = min(found)[1]
                    taken.add(out[f.key])
                    break
    return out


def _partial_ok(alias: str) -> bool:
    """Chinese names of two characters or more, or English words of five letters or more, may be part of a header."""
    return len(alias) >= (5 if alias.isascii() else 2)


def missing_required(fields, mapping: dict) -> list[str]:
    """Labels of required fields that have no column."""
    return [f.label for f in fields if f.required and not mapping.get(f.key)]
