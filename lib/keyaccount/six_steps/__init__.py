"""大客户拓展六部曲 — six-step key-account expansion (source 003, with 002 and 004).

One model module per step (``analysis``, ``trust``, ``needs``, ``value``, ``commitment``,
``receivables``), ``steps`` for the overview (purchase factors, the six steps and their
markers, the six-step funnel) and ``credit`` for the two credit tables of 002.
``chart`` draws, ``widget`` builds the case widgets, ``case`` reads the case files.
"""
