"""Answer key of the strategy_fishbone_plan exercise (case strategy_kmobile).

Fishbone: the bone of every fact, by the course's rule (fishbone.model.BONE_MEANING). Draft plan:
its faults, found by the kit's own plan rules. The learner's own plan: no single answer, the
plan rules (keyaccount.plan.written) from the project's first day to the tender close.
"""
from keyaccount.exercises.strategy_fishbone_plan import CASE, case, labelled_facts
from keyaccount.fishbone.model import DEFAULT_BONES
from keyaccount.plan.model import faulty_tasks
from keyaccount.plan.written import PlanRules

# 每条事实的鱼骨（课程按 BONE_MEANING 的归类；练习案例里没有）。
BONES = {"K1": "客户关系", "K2": "客户关系", "K3": "客户关系", "K4": "竞争对手", "K5": "竞争对手", "K6": "竞争对手",
         "K7": "竞争对手", "K8": "客户需求", "K9": "产品方案", "K10": "产品方案", "K11": "公司资源", "K12": "公司资源",
         "K13": "项目进度", "K14": "服务策略", "K15": "商务策略"}
REFERENCE = {CASE: {"fishbone": {"causes": {cause: {"bone": bone} for cause, bone in BONES.items()}}}}

# 自查里显示的格式要求（学员能看到；不是答案）。
HINTS = {"鱼骨归类": {"each": {"options": list(DEFAULT_BONES)}}}
# 需要判断的题：每条事实该放哪根鱼骨。找草稿错误、计划的格式检查是按规则核对，不算在内。
JUDGEMENT = {"鱼骨归类"}


def answer_key() -> dict:
    c = case()
    return {
        "鱼骨归类": {label: BONES[cause.id] for label, cause in labelled_facts().items()},
        "草稿错误": faulty_tasks(c.tasks(draft=True), c.tender_close),
        "实施计划": PlanRules(c.tasks()[0].start, c.tender_close),
    }
