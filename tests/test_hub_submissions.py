"""The hub's submission records and the trainer's limit: per-assignment overrides win over the hub's
default, and a queued submission survives a restart of the grading service (nothing lost)."""
import json

import pytest

from keyaccount.hub import submissions
from keyaccount.hub.config import SETTINGS
from keyaccount.hub.submissions import GRADED, QUEUED, Store


def test_the_trainers_limit_per_assignment_wins_over_the_hubs_default(tmp_path):
    assert submissions.limit(tmp_path, "funnel_forecast") == submissions.DEFAULT_LIMIT
    (tmp_path / SETTINGS).write_text(json.dumps({"submit_limit": 5}), encoding="utf-8")
    assert submissions.limit(tmp_path, "funnel_forecast") == 5
    submissions.set_limit(tmp_path, "funnel_forecast", 1)
    assert submissions.limit(tmp_path, "funnel_forecast") == 1
    assert submissions.limit(tmp_path, "strategy_smart") == 5
    with pytest.raises(ValueError, match="负数"):
        submissions.set_limit(tmp_path, "funnel_forecast", -1)


def test_submissions_are_numbered_per_learner_and_a_queued_one_survives_a_restart(tmp_path):
    store = Store(tmp_path)
    first = store.add("zhangsan", "funnel_forecast")
    store.finish(first.id, GRADED, 12, 15, "反馈/funnel_forecast/第1次提交")
    second = store.add("zhangsan", "funnel_forecast")
    other = store.add("lisi", "funnel_forecast")
    assert (first.number, second.number, other.number) == (1, 2, 1)
    again = Store(tmp_path)  # the service restarted
    assert [(s.account, s.number, s.status) for s in again.pending()] == [("zhangsan", 2, QUEUED), ("lisi", 1, QUEUED)]
    assert again.get(first.id).score == 12
