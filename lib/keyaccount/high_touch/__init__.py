"""High-touch selling 高接触销售 (source 000): the business-value chain, the seven-stage
cycle aligned with the customer's buying cycle, question types (vs SPIN), value statements
and the G-POST strategy form. The opportunity analysis is ``keyaccount.opportunity``.
"""
