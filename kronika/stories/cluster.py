"""Online clustering of articles into stories: one pass, deterministic for the same input order.

An article joins the best open story that passes the rule below, or starts a new story. The rule
(``StoryRule``; every threshold has a name and a default here and in docs/stories.md):

1. **Time.** Both dated: the article's dateline (a day, or a month when only the month is known) must lie
   within ``window_days`` of the story's dates (overlap them, when either side is known only to the month:
   ``month_overlap``), and a story of day-dated articles may not grow longer
   than ``max_span_days``. An article without a dateline passes this test, except against stories that
   ended before the earliest year it names (``not_before`` in ``features.py``) and, when its neighbours in
   the input gave it an estimate (``neighbours.py``), stories more than ``window_days`` from that estimate;
   it needs more evidence (4).
2. **Similarity.** The cosine between the article's vector and the story's centroid (the normalised mean
   of its articles' vectors).
3. **Evidence.** What the article shares with the story, weighted: knowledge-base entities (a person,
   organisation or city 1.0, a state or continent 0.4, a news agency 0.1), capitalised name keys (0.5),
   numbers of two digits or more (0.5) and full dates named in the text (0.5); each shared item counts in
   proportion to how many of the story's articles carry it (in half of them or more: fully). Vectors alone
   cannot tell two Trump–Putin summits apart; dates and shared actors can.
4. **Join** when the article passes the time test and either the cosine is at least ``near_duplicate``, or
   the cosine is at least ``min_cosine`` and the evidence at least ``min_evidence`` (``min_evidence_loose``
   when either side is undated or dated only to the month); among the stories that pass, the highest
   ``cosine + evidence_weight * min(evidence, evidence_cap)`` wins, the older story on a tie.

Candidates come from indexes, so the cost per article depends on the stories open around its date, not on
all stories ever made: stories by day, and stories by rare evidence key (entity or name), used for undated
articles and for undated stories.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
from collections import defaultdict, deque
from dataclasses import dataclass, field

import numpy as np

from kronika.stories.features import ArticleFeatures, weight_of_key

# A shared item's contribution saturates: a long article cannot win on the number of its digits.
KIND_CAPS = {"e:": 4.0, "n:": 1.5, "#:": 1.0, "d:": 1.0}


@dataclass(frozen=True)
class StoryRule:
    window_days: int = 3
    max_span_days: int = 14
    near_duplicate: float = 0.70
    min_cosine: float = 0.30
    min_evidence: float = 1.0
    min_evidence_loose: float = 1.5
    evidence_weight: float = 0.1
    evidence_cap: float = 4.0
    # Where either side is dated only to the month, the dates must overlap: June and an article of July 1st
    # are not "within three days" of one occurrence (measured: distractors in the dev events' clusters 8 -> 5).
    month_overlap: bool = True
    # Candidate limits: stories remembered per evidence key, and recent stories tried for undated articles.
    stories_per_key: int = 64
    recent_stories: int = 256


def story_id(first_article: str, kind: str = "story") -> str:
    """A cluster is named by its first article (and its level, ``kind``): the same input order always gives
    the same ids, and an event and the thread it starts never share one."""
    return hashlib.sha256(f"{kind}:{first_article}".encode()).hexdigest()[:16]


@dataclass
class Story:
    id: str
    seq: int  # creation order: the tie-break, and what "older" means
    vector_sum: np.ndarray
    size: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # evidence key -> articles carrying it
    weights: dict[str, float] = field(default_factory=dict)  # entity id -> weight
    days: tuple[int, int] | None = None  # span of day-dated articles
    months: tuple[int, int] | None = None  # span of month-dated articles
    titles: dict[str, str] = field(default_factory=dict)  # lang -> title of its first article in that language
    articles: list[str] = field(default_factory=list)
    _centroid: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def interval(self) -> tuple[int, int] | None:
        return self.days or self.months

    def centroid(self) -> np.ndarray:
        # Kept until the story absorbs its next article: an article is compared with many stories.
        if self._centroid is None:
            norm = float(np.linalg.norm(self.vector_sum))
            self._centroid = self.vector_sum / norm if norm else self.vector_sum
        return self._centroid

    def evidence(self, article: ArticleFeatures) -> float:
        by_kind: dict[str, float] = defaultdict(float)
        half = self.size / 2
        for key in article.evidence_keys():
            count = self.counts.get(key)
            if count:
                share = min(1.0, count / half) if half else 1.0
                by_kind[key[:2]] += weight_of_key(key, article.entities if key[:2] == "e:" else None) * share
        return sum(min(value, KIND_CAPS[kind]) for kind, value in by_kind.items())

    def time_fits(self, article: ArticleFeatures, rule: StoryRule) -> bool:
        a, s = article.interval, self.interval
        if a is None and s is not None:
            if article.not_before is not None and s[1] + rule.window_days < article.not_before:
                return False
            e = article.estimate
            return e is None or max(0, e[0] - s[1], s[0] - e[1]) <= rule.window_days
        if a is None or s is None:
            return True
        gap = max(0, a[0] - s[1], s[0] - a[1])
        if rule.month_overlap and gap and (a[0] != a[1] or self.days is None):
            return False  # a month-only date is a span the other date must meet, not a day to be near
        if gap > rule.window_days:
            return False
        if self.days is not None and a[0] == a[1]:
            return max(self.days[1], a[1]) - min(self.days[0], a[0]) <= rule.max_span_days
        return True

    def loose(self, article: ArticleFeatures) -> bool:
        """Whether the time test said little: either side undated or dated only to the month."""
        return article.interval is None or article.interval[0] != article.interval[1] or self.days is None

    def absorb(self, article: ArticleFeatures) -> None:
        self.vector_sum = self.vector_sum + article.vector
        self._centroid = None
        self.size += 1
        for key in dict.fromkeys(article.evidence_keys()):
            self.counts[key] = self.counts.get(key, 0) + 1
        self.weights.update(article.entities)
        if article.interval is not None:
            lo, hi = article.interval
            if lo == hi:
                self.days = (min(self.days[0], lo), max(self.days[1], hi)) if self.days else (lo, hi)
            else:
                self.months = (min(self.months[0], lo), max(self.months[1], hi)) if self.months else (lo, hi)
        if article.lang and article.title and article.lang not in self.titles:
            self.titles[article.lang] = article.title
        self.articles.append(article.id)


@dataclass
class Decision:
    story: Story
    new: bool
    cosine: float | None = None
    evidence: float | None = None


def choose(article: ArticleFeatures, candidates: list[Story], rule: StoryRule) -> tuple[Story | None, float, float]:
    """The best candidate that the rule accepts, with its cosine and evidence; (None, 0, 0) when none does."""
    fitting = [s for s in candidates if s.time_fits(article, rule)]
    if not fitting:
        return None, 0.0, 0.0
    centroids = np.stack([s.centroid() for s in fitting])
    cosines = centroids @ article.vector
    best, best_score, best_cos, best_ev = None, -1.0, 0.0, 0.0
    for story, cosine in zip(fitting, cosines.tolist()):
        if cosine < rule.min_cosine:
            continue
        evidence = story.evidence(article)
        need = rule.min_evidence_loose if story.loose(article) else rule.min_evidence
        if cosine < rule.near_duplicate and evidence < need:
            continue
        score = cosine + rule.evidence_weight * min(evidence, rule.evidence_cap)
        if score > best_score or (score == best_score and best is not None and story.seq < best.seq):
            best, best_score, best_cos, best_ev = story, score, cosine, evidence
    return best, best_cos, best_ev


class StoryClusterer:
    """Stories in memory: ``add(features)`` puts one article in a story and says which.

    Feeding the same articles in the same order always gives the same stories; feeding more later extends
    them (the store keeps the same state in its tables, ``kronika/stories/store.py``).

    ``evict=True`` bounds memory on long replays: a story is closed and dropped once both its dates and the
    last time an article joined it lie more than ``horizon`` days (``window_days + max_span_days +
    late_days``) before the newest dateline seen (the first day of it, for a month), and its row of the
    centroid matrix is reused. Nothing changes for a dated article whose dateline starts at most
    ``max_span_days + late_days`` before the newest one seen: the time test already shuts it out of every
    closed story. What can change: an older article arriving later than that starts a new story instead of
    joining a closed one, and an article or story without any date can no longer meet a closed story through
    a shared name (``bench/stories.py --check-eviction`` counts the decisions that differ).
    """

    def __init__(self, rule: StoryRule | None = None, *, evict: bool = False, late_days: int = 31, kind: str = "story"):
        self.rule = rule or StoryRule()
        self.kind = kind
        self.stories: dict[int, Story] = {}  # seq -> story, the stories held (all of them without eviction)
        self.created = 0
        self.evict = evict
        # A month-dated article starts its month's first day: a month is the lateness to allow for by default.
        self.horizon = self.rule.window_days + self.rule.max_span_days + late_days
        self._by_day: dict[int, list[int]] = defaultdict(list)
        self._by_key: dict[str, list[int]] = {}
        self._undated: set[int] = set()
        self._recent: deque[int] = deque(maxlen=self.rule.recent_stories)
        self._centroids = np.zeros((0, 512), dtype=np.float32)  # row = slot of a held story
        self._slot: dict[int, int] = {}
        self._free: list[int] = []
        self._newest: int | None = None  # the latest dateline start seen
        self._last: dict[int, int] = {}  # seq -> the day after which the story counts as untouched
        self._closing: list[tuple[int, int]] = []  # heap of (last, seq), entries outdated by later touches
        self._indexed: dict[int, tuple[int, int]] = {}  # seq -> the days it is listed under in _by_day
        self._undated_start: list[int] = []  # stories touched before any dateline was seen

    def __len__(self) -> int:
        """Stories made so far (held or closed)."""
        return self.created

    def candidates(self, article: ArticleFeatures) -> list[Story]:
        found: set[int] = set()
        keyed: set[int] = set()
        for key in article.evidence_keys():
            if key[:2] in ("e:", "n:"):
                keyed.update(self._by_key.get(key, ()))
        if article.interval is None:
            found.update(keyed)
            found.update(self._recent)
        else:
            found.update(keyed & self._undated)
        # An undated article with its neighbours' estimate also meets the stories around those days.
        window = article.interval or article.estimate
        if window is not None:
            for day in range(window[0] - self.rule.window_days, window[1] + self.rule.window_days + 1):
                found.update(self._by_day.get(day, ()))
        # Key lists keep closed stories' seqs so that trimming them stays as without eviction.
        return [self.stories[i] for i in sorted(found) if i in self.stories]

    def add(self, article: ArticleFeatures) -> Decision:
        candidates = self.candidates(article)
        if len(candidates) > 1:
            # One matrix product drops the stories far below ``min_cosine`` before the exact rule runs on
            # the rest; the margin keeps float rounding from ever changing a decision.
            slots = np.fromiter((self._slot[c.seq] for c in candidates), dtype=np.int64, count=len(candidates))
            near = self._centroids[slots] @ article.vector >= self.rule.min_cosine - 1e-3
            candidates = [c for c, keep in zip(candidates, near.tolist()) if keep]
        story, cosine, evidence = choose(article, candidates, self.rule)
        new = story is None
        story = self.join(article, story)
        return Decision(story, new, None if new else cosine, None if new else evidence)

    def join(self, article: ArticleFeatures, story: Story | None = None) -> Story:
        """Put ``article`` in ``story`` without asking the rule (a new story when None or no longer held)."""
        if story is None or story.seq not in self.stories:
            story = Story(story_id(article.id, self.kind), self.created, np.zeros_like(article.vector))
            self.stories[story.seq] = story
            self.created += 1
        before = story.interval
        story.absorb(article)
        self._keep_centroid(story)
        self._index(story, before, article)
        if self.evict:
            self._close_old(story, article)
        return story

    def _keep_centroid(self, story: Story) -> None:
        slot = self._slot.get(story.seq)
        if slot is None:
            slot = self._slot[story.seq] = self._free.pop() if self._free else len(self._slot)
        if slot >= len(self._centroids):
            grown = np.zeros((max(1024, 2 * len(self._centroids)), story.vector_sum.shape[0]), dtype=np.float32)
            grown[: len(self._centroids)] = self._centroids
            self._centroids = grown
        self._centroids[slot] = story.centroid()

    def _index(self, story: Story, before: tuple[int, int] | None, article: ArticleFeatures) -> None:
        seq = story.seq
        after = story.interval
        if after is None:
            self._undated.add(seq)
        elif after != before:
            self._undated.discard(seq)
            old = set(range(before[0], before[1] + 1)) if before else set()
            for day in range(after[0], after[1] + 1):
                if day not in old:
                    self._by_day[day].append(seq)
            lo, hi = self._indexed.get(seq, after)
            self._indexed[seq] = (min(lo, after[0]), max(hi, after[1]))
        for key in article.evidence_keys():
            if key[:2] in ("e:", "n:"):
                # The newest stories (highest seq) carrying the key, as the store's index gives them; a story
                # that falls out of them can never come back, so trimming loses nothing.
                stories = self._by_key.setdefault(key, [])
                position = bisect.bisect_left(stories, seq)
                if position == len(stories) or stories[position] != seq:
                    stories.insert(position, seq)
                    del stories[: -self.rule.stories_per_key]
        if seq in self._recent:
            self._recent.remove(seq)
        self._recent.append(seq)

    def _close_old(self, story: Story, article: ArticleFeatures) -> None:
        if article.interval is not None and (self._newest is None or article.interval[0] > self._newest):
            self._newest = article.interval[0]
        if self._newest is None:
            self._undated_start.append(story.seq)  # no date seen yet: nothing can be called old
            return
        touched = [*self._undated_start, story.seq]
        self._undated_start.clear()
        for seq in touched:
            interval = self.stories[seq].interval
            last = max(self._newest, interval[1]) if interval else self._newest
            self._last[seq] = last
            heapq.heappush(self._closing, (last, seq))
        limit = self._newest - self.horizon
        while self._closing and self._closing[0][0] < limit:
            last, seq = heapq.heappop(self._closing)
            if self._last.get(seq) == last:
                self._drop(seq)

    def _drop(self, seq: int) -> None:
        story = self.stories.pop(seq)
        del self._last[seq]
        self._free.append(self._slot.pop(seq))
        self._undated.discard(seq)
        lo, hi = self._indexed.pop(seq, (0, -1))
        for day in range(lo, hi + 1):
            listed = self._by_day.get(day)
            if listed and seq in listed:
                listed.remove(seq)
                if not listed:
                    del self._by_day[day]
        for key in story.counts:
            listed = self._by_key.get(key)
            # A list of closed stories acts as an empty one: new seqs are higher, trimming drops the lowest.
            if listed is not None and not any(s in self.stories for s in listed):
                del self._by_key[key]
