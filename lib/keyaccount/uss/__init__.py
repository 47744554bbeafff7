"""USS sales method (source 004): the five core steps with stages, key activities and
decision points; the three sales modes 战略/顾问/快刀 and a mode chooser.

Three layers: ``model`` (steps and modes as data, chooser), ``chart`` (flow figure, mode
table), ``widget`` (mode chooser). FBV lives with the six steps (``keyaccount.six_steps``);
the USM funnel and forecast formulas in ``keyaccount.funnel``.
"""
