import json
from pathlib import Path

import numpy as np
import pytest

from kronika.core import analyze_articles
from kronika.ingest import read_articles
from kronika.stories import StoryClusterer, StoryRule, article_features, cluster_documents
from kronika.stories.encoder import embed_documents
from kronika.stories.features import date_interval, numbers

FIXTURE = Path(__file__).parent / "fixtures" / "articles.jsonl"
GOLD = {r["id"]: r["story"] for r in map(json.loads, FIXTURE.read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="module")
def records():
    docs = list(analyze_articles(read_articles([str(FIXTURE)]), lang="auto"))
    assert all(not isinstance(d, Exception) for d in docs)
    return docs


def partition(pairs):
    groups = {}
    for doc_id, story in pairs:
        groups.setdefault(story, set()).add(doc_id)
    return sorted(map(sorted, groups.values()))


def test_clusters_match_the_fixture_stories(records):
    found = partition((doc.id, decision.story.id) for doc, decision in cluster_documents(records))
    assert found == partition(GOLD.items())


def test_same_order_same_story_ids(records):
    first = [d.story.id for _, d in cluster_documents(records)]
    again = [d.story.id for _, d in cluster_documents(records)]
    assert first == again


def test_incremental_equals_one_pass(records):
    one_pass = [d.story.id for _, d in cluster_documents(records)]
    clusterer = StoryClusterer()
    parts = [d.story.id for _, d in cluster_documents(records[:4], clusterer=clusterer)]
    parts += [d.story.id for _, d in cluster_documents(records[4:], clusterer=clusterer)]
    assert parts == one_pass


def test_dates_keep_two_summits_apart(records):
    # The same actors seven years apart: the vectors are close, the dates decide.
    helsinki, alaska = records[1], records[3]
    assert helsinki.date[:4] != alaska.date[:4]
    vectors = embed_documents([helsinki, alaska])
    clusterer = StoryClusterer()
    first = clusterer.add(article_features(helsinki, vectors[0]))
    second = clusterer.add(article_features(alaska, vectors[1]))
    assert second.new and second.story is not first.story


@pytest.mark.parametrize(
    "rule, joins",
    [
        (StoryRule(), True),
        (StoryRule(min_cosine=0.99, near_duplicate=0.999), False),  # nothing passes a rule this strict
        (StoryRule(min_evidence=99, min_evidence_loose=99, near_duplicate=0.999), False),  # evidence is required
    ],
)
def test_rule_thresholds_decide(records, rule, joins):
    pl, en = records[0], records[1]
    vectors = embed_documents([pl, en])
    clusterer = StoryClusterer(rule)
    clusterer.add(article_features(pl, vectors[0]))
    assert (not clusterer.add(article_features(en, vectors[1])).new) is joins


@pytest.mark.parametrize(
    "value, days",
    [
        ("2025-09-10", 1),
        ("2025-02", 28),
        ("2024-02", 29),
        ("2025", None),
        (None, None),
        ("2025-13", None),
        ("2016-11-26T08:31:00Z", 1),
        ("2016-11-26 08:31", 1),
    ],
)
def test_date_interval(value, days):
    interval = date_interval(value)
    assert (interval[1] - interval[0] + 1 if interval else None) == days


@pytest.mark.parametrize(
    "text, expected",
    [
        ("by 432 votes to 202", {"432", "202"}),
        ("on 2019-01-15 at 13:00 in 2019", set()),
        ("19 drones, 4 airports, 3.5 km", {"19"}),
    ],
)
def test_numbers(text, expected):
    assert numbers(text) == expected


def test_vectors_are_unit_length(records):
    vectors = embed_documents(records[:2])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize(
    "lang, text, values",
    [
        (
            "en",
            "The vote on 15 January 2019 and on January 16, 2019; talks resume in March 2019.",
            ["2019-01-15", "2019-01-16", "2019-03"],
        ),
        ("de", "Am 15. Januar 2019 stimmte das Unterhaus ab, im März 2019 erneut.", ["2019-01-15", "2019-03"]),
        ("fr", "Le 1er janvier 2019, puis en mars 2019.", ["2019-01-01", "2019-03"]),
        ("es", "El 15 de enero de 2019 y en marzo de 2019.", ["2019-01-15", "2019-03"]),
        ("ru", "15 января 2019 года и в марте 2019 года.", ["2019-01-15", "2019-03"]),
        ("cs", "Dne 15. ledna 2019, v červenci 2018; 31. února 2019 nebylo.", ["2019-01-15", "2018-07"]),
        ("uk", "17 січня 2021 року.", ["2021-01-17"]),
        ("it", "15 gennaio 2019 (no month table), 2019-01-15 in digits.", ["2019-01-15"]),
        ("en", "Theresa May said 432 MPs voted against.", []),
    ],
)
def test_written_dates(lang, text, values):
    from kronika.record import Document
    from kronika.stories.stages import WrittenDateStage

    doc = WrittenDateStage()(Document(text=text, lang=lang))
    assert [t.value for t in doc.timexes] == values
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


@pytest.mark.parametrize(
    "text, year",
    [
        ("Since the full-scale invasion of 2022 and the budget for 2026.", 2021),
        ("No year here, 432 to 202.", None),
        ("Costs rose 2019% and 2019.5 is a number.", None),
    ],
)
def test_not_before_is_the_earliest_year_named_less_one(text, year):
    from datetime import date

    from kronika.record import Document
    from kronika.stories.features import not_before

    found = not_before(Document(text=text, date=None))
    assert (date.fromordinal(found).year if found else None) == year


def features(id, vector, interval=None, not_before=None, entities=("E1", "E2")):
    from kronika.stories.features import ArticleFeatures

    padded = np.zeros(512, dtype=np.float32)  # the encoder's width
    padded[:2] = vector
    return ArticleFeatures(
        id=id, lang="en", vector=padded, interval=interval, entities=dict.fromkeys(entities, 1.0), not_before=not_before
    )


@pytest.mark.parametrize(
    "second, joins",
    [
        (features("b", [1, 0], interval=(737000, 737000)), True),  # dated, same day: a near-duplicate joins
        (features("b", [1, 0]), True),  # undated: no time test
        (features("b", [1, 0], not_before=737400), False),  # names only years after the story ended
        (features("b", [1, 0], not_before=736900), True),  # names a year before it
    ],
)
def test_named_years_bound_undated_articles(second, joins):
    clusterer = StoryClusterer()
    clusterer.add(features("a", [1, 0], interval=(737000, 737000)))
    assert (not clusterer.add(second).new) is joins


JUNE = (736846, 736875)  # 2018-06-01 .. 2018-06-30 as day numbers
JULY_1 = (736876, 736876)


@pytest.mark.parametrize(
    "first, second, joins",
    [
        (JUNE, JUNE, True),
        (JUNE, (736876, 736906), False),  # July: a month-only date is a span to meet, not a day to be near
        (JUNE, JULY_1, False),
        (JULY_1, JUNE, False),
        (JULY_1, (736878, 736878), True),  # two days apart, both to the day: within the window
    ],
)
def test_month_only_dates_must_overlap(first, second, joins):
    clusterer = StoryClusterer()
    clusterer.add(features("a", [1, 0], interval=first))
    assert (not clusterer.add(features("b", [1, 0], interval=second)).new) is joins


def months_of_articles(days: int, per_day: int, undated_share: float, seed: int):
    """Articles over ``days`` days in date order: a few stories a day, each a topic vector plus noise."""
    from kronika.stories.features import ArticleFeatures

    rng = np.random.default_rng(seed)
    articles, open_stories = [], []
    for day in range(737000, 737000 + days):
        open_stories = [s for s in open_stories if day - s[1] <= 2]
        while len(open_stories) < 4:
            topic = rng.standard_normal(512).astype(np.float32)
            open_stories.append((topic / np.linalg.norm(topic), day, [f"E{e}" for e in rng.integers(0, 300, 3)]))
        for _ in range(per_day):
            topic, start, entities = open_stories[int(rng.integers(len(open_stories)))]
            vector = topic + rng.standard_normal(512).astype(np.float32) / np.sqrt(512) * 1.2
            when = start + int(rng.integers(0, 3))
            articles.append(
                ArticleFeatures(
                    id=f"a{len(articles)}",
                    lang="en",
                    vector=vector / np.linalg.norm(vector),
                    interval=None if rng.random() < undated_share else (when, when),
                    entities={e: 1.0 for e in entities if rng.random() < 0.7},
                )
            )
    return articles


@pytest.mark.parametrize("days, per_day, undated_share, seed", [(150, 6, 0.0, 1), (150, 6, 0.1, 2), (150, 10, 0.1, 3)])
def test_eviction_keeps_decisions_and_bounds_memory(days, per_day, undated_share, seed):
    articles = months_of_articles(days, per_day, undated_share, seed)
    kept, evicting = StoryClusterer(), StoryClusterer(evict=True)
    with_all = [kept.add(a).story.seq for a in articles]
    bounded = [evicting.add(a).story.seq for a in articles]
    assert bounded == with_all
    assert len(evicting) == len(kept)
    # Months of stories, of which only the last horizon's are held, in reused centroid rows.
    assert len(evicting.stories) < len(kept) / 2
    assert len(evicting._slot) == len(evicting.stories)
    assert len(evicting._centroids) < len(kept.stories) / 2 or len(evicting._centroids) == 1024
    assert max(evicting._slot.values()) < len(evicting.stories) + len(evicting._free)


def test_eviction_closes_stories_older_than_the_horizon():
    clusterer = StoryClusterer(evict=True)
    first = clusterer.add(features("a", [1, 0], interval=(737000, 737000))).story
    clusterer.add(features("b", [0, 1], interval=(737000 + clusterer.horizon, 737000 + clusterer.horizon)))
    assert first.seq in clusterer.stories  # exactly at the horizon: still open
    clusterer.add(features("c", [0, 1], interval=(737001 + clusterer.horizon, 737001 + clusterer.horizon)))
    assert first.seq not in clusterer.stories and len(clusterer) == 2


# Written for this test: a follow-up of the Helsinki summit four days later (another occurrence, the same
# thread), in English and in German.
FOLLOW_UPS = [
    (
        "f-en",
        "en",
        "2018-07-20",
        "Donald Trump has invited Vladimir Putin to Washington in the autumn, four days "
        "after their summit in Helsinki, the White House said on Thursday.",
    ),
    (
        "f-de",
        "de",
        "2018-07-20",
        "Donald Trump hat Wladimir Putin im Herbst nach Washington eingeladen, vier Tage "
        "nach ihrem Gipfel in Helsinki, teilte das Weiße Haus am Donnerstag mit.",
    ),
]


@pytest.fixture(scope="module")
def placements(records):
    from kronika.ingest.article import Article
    from kronika.stories import cluster_levels

    more = [Article(text=text, id=i, date=date, lang=lang) for i, lang, date, text in FOLLOW_UPS]
    docs = [*records, *analyze_articles(more)]
    return {doc.id: (placed.story.story.id, placed.thread.id) for doc, placed in cluster_levels(docs)}


def test_each_story_lies_in_one_thread(placements):
    thread_of = {}
    for story, thread in placements.values():
        assert thread_of.setdefault(story, thread) == thread
    assert {story for story, _ in placements.values()}.isdisjoint(thread for _, thread in placements.values())


@pytest.mark.parametrize(
    "a, b, same_story, same_thread",
    [
        ("a-en", "a-pl", True, True),  # one summit in two languages
        ("f-en", "f-de", True, True),  # one follow-up in two languages
        ("f-en", "a-en", False, True),  # the follow-up is another occurrence in the Helsinki thread
        ("b-en", "a-en", False, False),  # the Alaska summit seven years later is another thread
        ("c-en", "a-en", False, False),
    ],
)
def test_stories_inside_threads(placements, a, b, same_story, same_thread):
    assert (placements[a][0] == placements[b][0]) is same_story
    assert (placements[a][1] == placements[b][1]) is same_thread
