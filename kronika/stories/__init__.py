"""Cross-lingual stories and threads: articles in any language clustered online into the stories they
report (one occurrence: one meeting, one vote; what ``stories.jsonl`` and ``score.py --stories`` call a
story), and stories into threads (the longer story: the meeting and the reactions of the next week).

    from kronika.stories import cluster_levels
    for doc, placed in cluster_levels(records):
        print(doc.id, placed.story.story.id, placed.thread.id, doc.lang)

``cluster_documents`` gives the story level alone.

``cluster_documents`` works in memory (``kronika cluster``); the store keeps the same state in its
tables so ingesting later articles extends the stories already stored (``kronika/stories/store.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kronika.record import Document
from kronika.stories.cluster import Decision, Story, StoryClusterer, StoryRule, story_id
from kronika.stories.features import ArticleFeatures, article_features
from kronika.stories.neighbours import NEIGHBOURS, with_estimates
from kronika.stories.threads import THREAD_RULE, Placement, ThreadClusterer, TwoLevelClusterer

# Articles featurized together (each is encoded alone: ``encoder.embed``).
BATCH = 32


def featurized(docs: Iterable[Document], *, neighbours: int = NEIGHBOURS) -> Iterator[tuple[Document, ArticleFeatures]]:
    """Each record with its clustering features, in input order; vectors are made a batch at a time. An
    undated record gets the estimate of the ``neighbours`` records before and after it (``neighbours.py``;
    0: none), so the stream is read that many records ahead."""
    from kronika.stories.encoder import embed_documents

    if neighbours:
        yield from with_estimates(
            featurized(docs, neighbours=0),
            lambda pair: pair[1],
            lambda pair, features: (pair[0], features),
            k=neighbours,
        )
        return

    batch: list[Document] = []

    def flush():
        vectors = embed_documents(batch)
        for doc, vector in zip(batch, vectors):
            yield doc, article_features(doc, vector)
        batch.clear()

    for doc in docs:
        batch.append(doc)
        if len(batch) >= BATCH:
            yield from flush()
    if batch:
        yield from flush()


def cluster_documents(
    docs: Iterable[Document],
    *,
    rule: StoryRule | None = None,
    clusterer: StoryClusterer | None = None,
    neighbours: int = NEIGHBOURS,
) -> Iterator[tuple[Document, Decision]]:
    """Each record with the story it joined (or started), in input order; batches change nothing but speed."""
    clusterer = StoryClusterer(rule) if clusterer is None else clusterer
    for doc, features in featurized(docs, neighbours=neighbours):
        yield doc, clusterer.add(features)


def cluster_levels(
    docs: Iterable[Document], *, clusterer: TwoLevelClusterer | None = None, neighbours: int = NEIGHBOURS
) -> Iterator[tuple[Document, Placement]]:
    """Each record with its story and the thread holding that story, in input order."""
    clusterer = TwoLevelClusterer() if clusterer is None else clusterer
    for doc, features in featurized(docs, neighbours=neighbours):
        yield doc, clusterer.add(features)


__all__ = [
    "THREAD_RULE",
    "ArticleFeatures",
    "Decision",
    "Placement",
    "Story",
    "StoryClusterer",
    "StoryRule",
    "ThreadClusterer",
    "TwoLevelClusterer",
    "article_features",
    "cluster_documents",
    "cluster_levels",
    "featurized",
    "story_id",
]
