"""Funnel and forecast formulas (USM, source 004) and the weighted P0–P7 pipeline (001).

Three layers: ``model`` (pure formulas), ``chart`` (matplotlib figures), ``widget``
(ipywidgets calculator). ``case`` reads a funnel case file.
"""
