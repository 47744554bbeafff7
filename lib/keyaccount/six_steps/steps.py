"""The five purchase factors and the six steps with their start and end markers (003, 002)."""
from dataclasses import dataclass

from keyaccount.validation import InputError

# 客户采购五要素 (003, 002) and how they drive each other (003's first slide).
PURCHASE_FACTORS = ("需求", "价值", "价格", "体验", "信赖")
FACTOR_LINKS = (
    ("需求", "价值", "需求决定产品对于客户的价值"),
    ("价值", "价格", "价值又决定价格"),
    ("需求", "体验", "不断达到并超越客户的需求，得到良性的体验"),
    ("体验", "信赖", "良性的体验逐渐建立信赖（品牌）"),
)

# 为什么要六步：缺了前一环，后一环就做不成 (003).
WHY_SIX_STEPS = ("不了解客户信息", "不了解客户需求", "客户不信任而不愿意告诉你", "签不到合同")


@dataclass(frozen=True)
class Step:
    number: int
    name: str
    english: str
    start: str              # 开始标志
    end: str                # 结束标志
    actions: tuple          # 步骤（源文件的要点）


STEPS = (
    Step(1, "客户分析", "Customer analysis", "锁定目标客户",
         "发现明显、近在眼前的并且有价值的销售机会",
         ("事先全面、完整地收集四类客户资料",
          "逐步发展和培植向导",
          "将与采购相关的客户挑出来，从级别、职能和采购角色进行组织结构分析",
          "用判断标准检验客户，判断是否存在明确、近在眼前和有价值的销售机会")),
    Step(2, "建立信任", "Build trust", "发现明显、近在眼前的并且有价值的销售机会",
         "与关键客户建立信赖关系",
         ("识别客户的沟通风格：孔雀、考拉熊、猫头鹰、老虎和变色龙",
          "推进客户关系发展：认识 → 约会 → 信赖 → 同盟")),
    Step(3, "挖掘需求", "Uncover needs", "与关键客户建立信赖关系",
         "得到明确的客户需求（通常是书面采购要求或者招标书）",
         ("帮助发起者认识到潜在的问题及其严重性，使之提出采购申请",
          "帮助决策者进行投入产出分析，促使客户确定采购计划",
          "帮助设计者规划采购方案，将独特的产品特点融入采购方案中",
          "得到完整全面的客户需求：目标愿望、问题挑战、解决方案、产品服务和采购指标")),
    Step(4, "呈现价值", "Present value", "得到明确的客户需求（通常是书面采购要求或者招标书）",
         "客户露出购买信号，开始谈判",
         ("通过差异化分析找到优势和劣势",
          "与客户需求结合，制定并实施巩固优势和消除威胁的行动计划",
          "制作以客户需求为导向的建议书",
          "使用销售演讲技巧呈现方案")),
    Step(5, "赢取承诺", "Win commitment", "客户露出购买信号，开始谈判", "达成协议，签订合同",
         ("通过客户提问，识别客户购买信号",
          "采取选择法、促销法或直接建议法等方法促成交易",
          "讨价还价或者谈判",
          "向客户推荐附属产品进行增值销售，提高销售利润（如购买羽绒服，附带羽绒裤、衬衫）")),
    Step(6, "回收账款", "Collect receivables", "达成协议，签订合同", "依照合同，回收全部账款",
         ("审查合同、客户营业执照和重点客户的银行账户情况，避免恶意欺诈",
          "跟踪生产、交货、验收等各个环节，避免因己方原因造成烂账",
          "依照账龄和金额，建立分工明确的收款流程",
          "巩固客户满意度，索取推荐名单，进行转介绍销售")),
)

# 按六步划分的销售漏斗 (003, 002)：从目标客户到订单。
FUNNEL_STAGES = ("目标客户", *(s.name for s in STEPS[:5]), "催打定金", "订单")


def broken_links() -> list[str]:
    """Where a step's end marker is not the next step's start marker (empty when the chain holds)."""
    return [f"第{a.number}步的结束标志“{a.end}”≠ 第{b.number}步的开始标志“{b.start}”"
            for a, b in zip(STEPS, STEPS[1:]) if a.end != b.start]


def step(name_or_number) -> Step:
    """A step by its number (1–6) or its Chinese name."""
    for s in STEPS:
        if name_or_number in (s.number, s.name):
            return s
    names = "、".join(s.name for s in STEPS)
    raise InputError(f"没有这一步：{name_or_number!r}。六步是：{names}（或用 1–6 表示）。")


def step_after(marker: str) -> Step | None:
    """The step a customer is in once ``marker`` has appeared (None after the last end marker)."""
    for s in STEPS:
        if s.start == marker:
            return s
    if marker == STEPS[-1].end:
        return None
    raise InputError(f"不认识这个标志：{marker!r}。")


MARKERS = (*(s.start for s in STEPS), STEPS[-1].end)
