"""Leading a channel sales team (source 002, after the attack/defend model): the management
rules and the three problems that show in coaching, as the source words them."""
MANAGEMENT_RULES = ("扬善于公堂（1 对多）", "归过于私下（1 对 1）", "赞美要及时", "赞美也有保质期")
COACHING_PROBLEMS = ("辅导者知识不成体系", "理论与实际操作结合不起来", "缺乏提炼")
