"""The second level: **threads** (the longer story) made of **stories** (one occurrence each).

The clusterer of ``cluster.py`` groups articles into stories: the reports of one occurrence (one meeting,
one strike, one vote) in any language, within a few days of each other; two summits of the same pair stay
apart. A thread is what such occurrences make together: the Helsinki summit and the reactions of the next
week, the Brexit vote and the no-confidence vote the day after. Stories join threads online by the same
rule with looser time (``THREAD_RULE``): the first article of a new story decides its thread, and every
later article of that story joins the same thread, so a story never straddles two threads.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.stories.cluster import Decision, Story, StoryClusterer, StoryRule
from kronika.stories.features import ArticleFeatures

# A story joins a thread whose dates lie within two weeks of it and that shares its actors (the evidence
# of ``cluster.py``: entities, names, numbers, dates); a thread may run for three months and cross a month's
# end. Nothing joins on the vector alone below ``near_duplicate``. Set before any dev run, not tuned: the dev
# file's four groups are four separate threads, so it can say whether threads split or merge them, not how
# long a thread should be.
THREAD_RULE = StoryRule(
    window_days=14,
    max_span_days=90,
    near_duplicate=0.70,
    min_cosine=0.30,
    min_evidence=1.5,
    min_evidence_loose=2.0,
    month_overlap=False,
)


@dataclass
class Placement:
    """Where one article went: its story (the story level's decision) and the thread holding that story."""

    story: Decision
    thread: Story


class ThreadClusterer:
    """Stories into threads: ``add(article, decision)`` takes the story level's decision for the article and
    returns the thread. Deterministic for the same input order, like the story level."""

    def __init__(self, rule: StoryRule | None = None, *, evict: bool = False):
        self.threads = StoryClusterer(rule or THREAD_RULE, evict=evict, kind="thread")
        self._of_story: dict[str, int] = {}  # story id -> its thread's seq

    def __len__(self) -> int:
        return len(self.threads)

    def add(self, article: ArticleFeatures, decision: Decision) -> Story:
        seq = self._of_story.get(decision.story.id)
        if decision.new or seq is None:
            thread = self.threads.add(article).story
        else:  # a thread closed by eviction while its story was open starts anew
            thread = self.threads.join(article, self.threads.stories.get(seq))
        self._of_story[decision.story.id] = thread.seq
        return thread


class TwoLevelClusterer:
    """Articles into stories and stories into threads, in one pass."""

    def __init__(self, rule: StoryRule | None = None, thread_rule: StoryRule | None = None, *, evict: bool = False):
        self.stories = StoryClusterer(rule, evict=evict)
        self.threads = ThreadClusterer(thread_rule, evict=evict)

    def add(self, article: ArticleFeatures) -> Placement:
        decision = self.stories.add(article)
        return Placement(decision, self.threads.add(article, decision))
