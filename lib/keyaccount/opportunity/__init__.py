"""Opportunity analysis 机会分析 (high-touch selling, source 000): four questions × five
factors, a 1–5 scorecard rolled up per question and overall, the Z = 1/0/−1 position, and
the same factors to compare partners.

Three layers: ``model`` (factors as data, scoring), ``chart`` (radar, heat map),
``widget`` (scorecard). ``case`` reads an opportunity case file.
"""
