"""The salesperson's toolbox: the course's methods as Voila apps on the learner's own accounts.

``parse`` and ``columns`` are pure (values and headers in, values or Chinese errors out);
``reading`` turns an uploaded Excel/CSV into a raw table; ``pipeline`` checks and analyses it;
``storage`` keeps the learner's data in the workspace; the ``*_app`` modules are the widgets
the notebooks in ``apps/`` show; ``launch`` is ``keyaccount toolbox``.
"""
