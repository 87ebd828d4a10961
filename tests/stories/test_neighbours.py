import numpy as np
import pytest

from kronika.stories import StoryClusterer, StoryRule
from kronika.stories.cluster import Story
from kronika.stories.features import ArticleFeatures
from kronika.stories.neighbours import estimated, in_date_order, neighbour_window

D = 739_000  # a day number; the cases below are days around it


def article(name: str, interval=None, *, vector=None, entities=None, not_before=None, estimate=None):
    if vector is None:
        vector = np.zeros(512, dtype=np.float32)
        vector[0] = 1.0
    return ArticleFeatures(
        id=name,
        lang="en",
        vector=vector,
        interval=interval,
        entities=entities or {},
        not_before=not_before,
        estimate=estimate,
    )


@pytest.mark.parametrize(
    "intervals, position, k, margin, expected",
    [
        # the span of the dated neighbours on both sides, widened by the margin
        ([(D, D), None, (D + 2, D + 2)], 1, 1, 0, (D, D + 2)),
        ([(D, D), None, (D + 2, D + 2)], 1, 1, 3, (D - 3, D + 5)),
        # only k positions on each side count
        ([(D - 30, D - 30), (D, D), None, (D + 1, D + 1)], 2, 1, 0, (D, D + 1)),
        ([(D - 30, D - 30), (D, D), None, (D + 1, D + 1)], 2, 2, 0, (D - 30, D + 1)),
        # undated neighbours say nothing; no dated one within k: no estimate
        ([None, None, None], 1, 5, 2, None),
        ([(D, D), None, None, None], 3, 2, 0, None),
        # one side is enough (the first or last article of a stream)
        ([None, (D + 4, D + 4)], 0, 3, 1, (D + 3, D + 5)),
        # a month-dated neighbour lends its whole month
        ([(D, D + 29), None], 1, 1, 0, (D, D + 29)),
        # the article itself is left out, even when it has a date
        ([(D, D), (D + 50, D + 50), (D, D)], 1, 1, 0, (D, D)),
        ([], 0, 3, 1, None),
        # neighbours out of date order (a shuffled file) say nothing
        ([(D, D), None, (D - 400, D - 400)], 1, 1, 0, None),
        ([(D + 5, D + 5), None, (D, D)], 1, 1, 0, (D, D + 5)),  # a step back within the slack (7 days)
    ],
)
def test_neighbour_window(intervals, position, k, margin, expected):
    assert neighbour_window(intervals, position, k, margin) == expected


@pytest.mark.parametrize(
    "intervals, slack, ordered",
    [
        ([(D, D), (D + 1, D + 1), (D + 9, D + 9)], 0, True),
        ([(D, D), (D, D)], 0, True),
        ([(D, D), (D - 1, D - 1)], 0, False),
        ([(D, D), (D - 3, D - 3)], 3, True),
        ([(D, D), (D - 4, D - 4)], 3, False),
        # a month and a day in it, either way round
        ([(D + 10, D + 10), (D, D + 29)], 0, True),
        ([(D, D + 29), (D + 10, D + 10)], 0, True),
        ([(D, D + 29), (D - 40, D - 40)], 7, False),
        ([], 0, True),
    ],
)
def test_in_date_order(intervals, slack, ordered):
    assert in_date_order(intervals, slack) is ordered


@pytest.mark.parametrize("k", [0, 1, 2, 5])
def test_stream_gives_what_the_whole_list_gives(k):
    intervals = [None, (D, D), None, None, (D + 3, D + 3), (D + 1, D + 1), None, (D + 9, D + 9), None, None]
    stream = list(estimated((article(f"a{i}", x) for i, x in enumerate(intervals)), k=k, margin=1))
    assert [a.id for a in stream] == [f"a{i}" for i in range(len(intervals))]  # same order
    for i, (features, interval) in enumerate(zip(stream, intervals)):
        assert features.interval == interval  # a dateline is never written from the estimate
        expected = None if interval is not None else neighbour_window(intervals, i, k, 1)
        assert features.estimate == expected


@pytest.mark.parametrize("k, margin, slack", [(-1, 2, 7), (3, -1, 7), (3, 2, -1)])
def test_negative_settings_are_a_clear_error(k, margin, slack):
    with pytest.raises(ValueError, match="k, margin and slack must be 0 or more"):
        list(estimated([article("a", None)], k=k, margin=margin, slack=slack))
    with pytest.raises(ValueError, match="k, margin and slack must be 0 or more"):
        neighbour_window([None], 0, k, margin, slack)


@pytest.mark.parametrize(
    "story_days, estimate, not_before, fits",
    [
        ((D, D), None, None, True),  # no estimate: any time, as before
        ((D - 400, D - 400), None, None, True),
        ((D, D), (D - 2, D + 2), None, True),  # inside the estimate
        ((D + 5, D + 5), (D - 2, D + 2), None, True),  # within window_days (3) of it
        ((D + 6, D + 6), (D - 2, D + 2), None, False),  # further
        ((D - 400, D - 400), (D - 2, D + 2), None, False),
        ((D, D), (D - 2, D + 2), D + 100, False),  # the years it writes still bound it
        (None, (D - 2, D + 2), None, True),  # an undated story has no dates to compare
    ],
)
def test_estimate_narrows_the_time_test(story_days, estimate, not_before, fits):
    story = Story("s", 0, np.zeros(512, dtype=np.float32), days=story_days)
    undated = article("u", None, estimate=estimate, not_before=not_before)
    assert story.time_fits(undated, StoryRule()) is fits


@pytest.mark.parametrize(
    "estimate, found",
    [
        (None, {"old"}),  # without an estimate: the most recently touched story, however old
        ((D - 1, D + 1), {"near"}),  # with one: the stories around it, and only they pass the time test
        ((D + 20, D + 30), set()),
    ],
)
def test_undated_article_meets_the_stories_around_its_estimate(estimate, found):
    # recent_stories=1 and no shared entity: the story around the estimate is found only by its days
    clusterer = StoryClusterer(StoryRule(recent_stories=1))
    clusterer.add(article("near", (D, D)))
    other = np.zeros(512, dtype=np.float32)
    other[1] = 1.0
    clusterer.add(article("old", (D - 300, D - 300), vector=other))
    undated = article("u", None, estimate=estimate)
    candidates = {s.articles[0] for s in clusterer.candidates(undated) if s.time_fits(undated, clusterer.rule)}
    assert candidates == found


DATES = ["2024-03-01", None, "2024-03-03", None, None, "2024-03-20", None, "2024-04", None]


def stream():
    from kronika.record import Document

    return [
        Document(text=f"Short report number {i} about a council vote.", id=f"d{i}", date=date, lang="en")
        for i, date in enumerate(DATES)
    ]


@pytest.mark.parametrize("k, splits", [(1, []), (2, []), (2, [4]), (3, [2, 6]), (0, [])])
def test_store_estimates_follow_its_batches(k, splits):
    # In one batch the store's estimates are the in-memory stream's; a later batch still sees the k dated
    # articles before it, but a batch is never held back for the articles after it.
    from kronika.record import date_interval
    from kronika.stories import featurized
    from kronika.stories.store import StoryAssigner

    docs = stream()
    assigner = StoryAssigner(neighbours=k)
    cuts = [0, *splits, len(docs)]
    stored = [article.estimate for lo, hi in zip(cuts, cuts[1:]) for article in assigner.prepare(docs[lo:hi])]
    intervals = [date_interval(d) for d in DATES]
    seen = [
        neighbour_window(intervals[:hi], i, k) if k and intervals[i] is None else None
        for lo, hi in zip(cuts, cuts[1:])
        for i in range(lo, hi)
    ]
    assert stored == seen
    if not splits:
        assert stored == [features.estimate for _, features in featurized(docs, neighbours=k)]


# DATES: undated at positions 1, 3, 4, 6 and 8. A cut after the first n articles keeps every estimate only when
# none of the last k is undated (their look-ahead would stop at the cut).
@pytest.mark.parametrize(
    "k, n, expected",
    [
        (2, 1, True),
        (2, 2, False),
        (2, 3, False),
        (1, 3, True),
        (2, 6, False),
        (1, 6, True),
        (0, 9, True),
        (3, 9, False),
    ],
)
def test_writer_cuts_only_where_estimates_do_not_change(k, n, expected):
    from kronika.stories.store import StoryAssigner

    assert StoryAssigner(neighbours=k).can_cut(stream()[:n]) is expected


@pytest.mark.parametrize("k, cut", [(2, [1]), (1, [3, 6]), (3, [1])])
def test_a_cut_where_allowed_gives_the_estimates_of_one_batch(k, cut):
    from kronika.stories.store import StoryAssigner

    docs = stream()
    whole = [article.estimate for article in StoryAssigner(neighbours=k).prepare(docs)]
    assigner, cuts = StoryAssigner(neighbours=k), [0, *cut, len(docs)]
    assert all(assigner.can_cut(docs[:n]) for n in cut)
    parts = [article.estimate for lo, hi in zip(cuts, cuts[1:]) for article in assigner.prepare(docs[lo:hi])]
    assert parts == whole
