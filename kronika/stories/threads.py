"""The second level: **stories** (longer threads) made of **events** (one occurrence each).

The clusterer of ``cluster.py`` groups articles into events: one meeting, one strike, one vote, whose
reports fall within a few days of each other. A story is the thread such events make: the Helsinki summit
and the reactions to it in the following week, the Brexit vote and the no-confidence vote the next day.
Events join stories online, by the same rule with looser time (``THREAD_RULE``): the first article of a new
event decides its story, and every later article of that event joins the same story, so an event never
straddles two stories.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.stories.cluster import Decision, Story, StoryClusterer, StoryRule
from kronika.stories.features import ArticleFeatures

# An event joins a story whose dates lie within two weeks of it and that shares its actors (the evidence
# of ``cluster.py``: entities, names, numbers, dates); a story may run for three months and cross a month's
# end. Nothing joins on the vector alone below ``near_duplicate``. Set before any dev run, not tuned: the dev
# file's four groups are four separate threads, so it can say whether stories split or merge them, not how
# long a thread should be.
THREAD_RULE = StoryRule(window_days=14, max_span_days=90, near_duplicate=0.70, min_cosine=0.30, min_evidence=1.5,
                        min_evidence_loose=2.0, month_overlap=False)


@dataclass
class Placement:
    """Where one article went: its event (the decision of the event level) and the story holding it."""
    event: Decision
    story: Story


class ThreadClusterer:
    """Events into stories: ``add(article, decision)`` takes the event level's decision for the article and
    returns the story. Deterministic for the same input order, like the event level."""

    def __init__(self, rule: StoryRule | None = None, *, evict: bool = False):
        self.threads = StoryClusterer(rule or THREAD_RULE, evict=evict, kind="thread")
        self._of_event: dict[str, int] = {}  # event id -> its story's seq

    def __len__(self) -> int:
        return len(self.threads)

    def add(self, article: ArticleFeatures, decision: Decision) -> Story:
        seq = self._of_event.get(decision.story.id)
        if decision.new or seq is None:
            story = self.threads.add(article).story
        else:
            story = self.threads.join(article, self.threads.stories.get(seq))
        self._of_event[decision.story.id] = story.seq
        return story


class TwoLevelClusterer:
    """Articles into events and events into stories, in one pass."""

    def __init__(self, rule: StoryRule | None = None, thread_rule: StoryRule | None = None, *, evict: bool = False):
        self.events = StoryClusterer(rule, evict=evict)
        self.stories = ThreadClusterer(thread_rule, evict=evict)

    def add(self, article: ArticleFeatures) -> Placement:
        decision = self.events.add(article)
        return Placement(decision, self.stories.add(article, decision))
