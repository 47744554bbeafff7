"""Implementation plan (项目实施计划表) with its validation rules and Gantt chart, and the
project-team form (项目组构成), source 001 section 六. ``case`` reads a sales-project case
(facts, fishbone, plan).
"""
