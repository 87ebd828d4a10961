"""The store's candidate stories: a dated article meets an undated story through a shared key, whatever else
the level holds (the key lookups are skipped only where they could add nothing)."""

import numpy as np
import pytest

from conftest import story_store
from kronika.store import sql
from kronika.stories.cluster import story_id
from kronika.stories.features import ArticleFeatures
from kronika.stories.store import _save, candidates

DAY = 737000


def features(name: str, interval, entity: str) -> ArticleFeatures:
    vector = np.zeros(512, dtype=np.float32)
    vector[0] = 1.0
    return ArticleFeatures(name, "pl", vector, interval, entities={entity: 1.0})


@pytest.mark.parametrize(
    "stored, article, expected",
    [
        # (stored stories as (interval, entity), the new article's (interval, entity), candidates' first ids)
        ([(None, "Q1")], ((DAY, DAY), "Q1"), ["u0"]),  # undated story, shared key
        ([(None, "Q1")], ((DAY, DAY), "Q2"), []),  # undated story, no shared key
        ([((DAY, DAY), "Q1")], ((DAY + 30, DAY + 30), "Q1"), []),  # dated story out of the window: not by key
        ([((DAY, DAY), "Q1"), (None, "Q1")], ((DAY + 30, DAY + 30), "Q1"), ["u1"]),
        ([((DAY, DAY), "Q1")], ((DAY + 1, DAY + 1), "Q2"), ["u0"]),  # by date alone
        ([((DAY, DAY), "Q1")], (None, "Q3"), ["u0"]),  # an undated article meets the recent stories
    ],
)
@pytest.mark.parametrize("state", [sql.STORY_STATE, sql.THREAD_STATE])
def test_candidates_by_key_and_date(tmp_path, stored, article, expected, state):
    kind = "story" if state is sql.STORY_STATE else "thread"
    with story_store(tmp_path / "k.db") as store:
        connection = store.connection
        for i, (interval, entity) in enumerate(stored):
            _save(connection, state, None, features(f"u{i}", interval, entity), kind, "now")
        found = candidates(connection, features("new", *article), state=state)
    assert sorted(s.id for s in found) == sorted(story_id(name, kind) for name in expected)
