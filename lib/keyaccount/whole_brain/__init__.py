"""Whole-brain communication 全脑沟通 (source 002): four thinking preferences A/B/C/D, a
self-assessment (pick 8 elements three times) → profile radar, the communication
walk-around checklist per quadrant, and the traits of quadrant pairs.

The model is described in the kit's own words; the elements are the kit's own list, not
any proprietary questionnaire, and the result is a conversation aid, not a test.
"""
