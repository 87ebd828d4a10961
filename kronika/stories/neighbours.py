"""Undated articles dated from their neighbours in the input: a window of days, never a date.

A feed, an archive file or a watch round arrives roughly in date order, so an article without a dateline
most likely appeared near the datelines of the articles around it. Its **estimate** is the span of the
datelines of the dated articles within ``k`` positions before and after it, widened by ``margin`` days on
each side. That holds only where the input is in date order: an estimate is made only when those datelines,
read in input order, never step back by more than ``slack`` days (a feed is roughly ordered; a shuffled
file or a mix of archives is not, and there the neighbours say nothing about the article). The estimate
only narrows which stories the article may join (``Story.time_fits``: the story's dates must lie within the
rule's ``window_days`` of it; the clusterer also offers it the stories of those days); it is never written
as the article's date, and a story does not take its dates from it. Without an estimate the article is
clustered as before (only ``not_before`` bounds it).

``k`` and ``margin`` were measured, not guessed (docs/measured/stories.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from kronika.stories.features import ArticleFeatures

Interval = tuple[int, int]
T = TypeVar("T")

NEIGHBOURS = 10  # positions looked at on each side
MARGIN_DAYS = 2  # days added on each side of the neighbours' span
ORDER_SLACK_DAYS = 7  # how far back a dateline may step from the one before it in a stream in date order


def in_date_order(intervals: Sequence[Interval], slack: int = ORDER_SLACK_DAYS) -> bool:
    """Whether no interval ends more than ``slack`` days before the start of the one before it."""
    return all(after[1] >= before[0] - slack for before, after in zip(intervals, intervals[1:]))


def neighbour_window(
    intervals: Sequence[Interval | None],
    position: int,
    k: int = NEIGHBOURS,
    margin: int = MARGIN_DAYS,
    slack: int = ORDER_SLACK_DAYS,
) -> Interval | None:
    """The estimate for ``intervals[position]``: the span of the dated intervals within ``k`` positions of
    it (itself left out), widened by ``margin`` days; None when none of them is dated or they are not in
    date order (``in_date_order``)."""
    if k < 0 or margin < 0 or slack < 0:
        raise ValueError(
            f"neighbours: k, margin and slack must be 0 or more, not k={k}, margin={margin}, slack={slack}"
        )
    around = [
        intervals[i]
        for i in range(max(0, position - k), min(len(intervals), position + k + 1))
        if i != position and intervals[i] is not None
    ]
    if not around or not in_date_order(around, slack):
        return None
    return min(lo for lo, _ in around) - margin, max(hi for _, hi in around) + margin


def with_estimates(
    items: Iterable[T],
    features_of: Callable[[T], ArticleFeatures],
    set_features: Callable[[T, ArticleFeatures], T],
    *,
    k: int = NEIGHBOURS,
    margin: int = MARGIN_DAYS,
    slack: int = ORDER_SLACK_DAYS,
) -> Iterator[T]:
    """The items in the same order, each undated article's features given its ``estimate``. Reads ``k``
    items ahead of the one it yields (a stream is held back by ``k`` articles, never reordered)."""
    neighbour_window([], 0, k, margin, slack)  # checks the settings before the stream starts
    held: deque[T] = deque()  # up to k items already yielded, the item to yield next, k items ahead
    ahead = 0  # index in ``held`` of the next item to yield

    def release() -> T:
        item = held[ahead]
        features = features_of(item)
        if features.interval is None:
            window = neighbour_window([features_of(i).interval for i in held], ahead, k, margin, slack)
            if window is not None:
                item = set_features(item, replace(features, estimate=window))
        return item

    for item in items:
        held.append(item)
        if len(held) - ahead > k:
            yield release()
            ahead += 1
            if ahead > k:
                held.popleft()
                ahead -= 1
    while ahead < len(held):
        yield release()
        ahead += 1


def estimated(
    articles: Iterable[ArticleFeatures],
    *,
    k: int = NEIGHBOURS,
    margin: int = MARGIN_DAYS,
    slack: int = ORDER_SLACK_DAYS,
) -> Iterator[ArticleFeatures]:
    """``with_estimates`` over bare features."""
    return with_estimates(articles, lambda f: f, lambda _, f: f, k=k, margin=margin, slack=slack)
