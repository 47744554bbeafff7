"""Sales-project strategy (source 001 sections 五.3 and 六.1): the seven strategy checklists,
the SMART goal checker and the project-team form (项目组构成).

``checklists`` and ``smart`` and ``team`` are the models, ``widget`` the interactive forms.
"""
