"""Knowing the other side in a negotiation (source 002, 了解谈判对手): one home for the kit.

The source names four kinds of negotiator and the logic technique in two steps; it gives the
animals' names only, so the kit adds no description of them.
"""
NEGOTIATOR_TYPES = ("鹰", "羊", "狐", "驴")
COMMON_TOOLS = ("心理学", "周易", "星座")   # the source's slide: 常用工具
LOGIC_TECHNIQUE = ("捕捉对方的逻辑线索", "引导向着有利于自己的方向发展")   # 逻辑技术：第一步、第二步
