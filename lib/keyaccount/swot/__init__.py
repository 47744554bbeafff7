"""SWOT and TOWS (source 001 section 五): statements tagged by quadrant, grading, strategies.

``model`` (statements, quadrants, grading, TOWS checks), ``chart`` (2×2 SWOT grid, TOWS
matrix), ``widget`` (sort statements, build strategies), ``case`` (case files of kind swot).
"""
