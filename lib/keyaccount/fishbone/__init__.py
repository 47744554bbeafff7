"""Fishbone (鱼骨图) analysis of a sales project (source 001 section 六.2).

``model`` (head, bones, causes; add/move/remove; grading), ``chart`` (the drawing),
``widget`` (add and move causes), ``case`` (case files of kind fishbone).
"""
