"""Cross-lingual stories: articles in any language clustered online into the stories they report.

    from kronika.stories import cluster_documents
    for doc, decision in cluster_documents(records):
        print(doc.id, decision.story.id, doc.lang)

``cluster_documents`` works in memory (``kronika cluster``); the store keeps the same state in its
tables so ingesting later articles extends the stories already stored (``kronika/stories/store.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kronika.record import Document
from kronika.stories.cluster import Decision, Story, StoryClusterer, StoryRule, story_id
from kronika.stories.features import ArticleFeatures, article_features

# Articles encoded together: the encoder is several times faster on a batch than one by one.
BATCH = 32


def cluster_documents(docs: Iterable[Document], *, rule: StoryRule | None = None,
                      clusterer: StoryClusterer | None = None) -> Iterator[tuple[Document, Decision]]:
    """Each record with the story it joined (or started), in input order; batches change nothing but speed."""
    from kronika.stories.encoder import embed_documents

    clusterer = StoryClusterer(rule) if clusterer is None else clusterer
    batch: list[Document] = []

    def flush():
        vectors = embed_documents(batch)
        for doc, vector in zip(batch, vectors):
            yield doc, clusterer.add(article_features(doc, vector))
        batch.clear()

    for doc in docs:
        batch.append(doc)
        if len(batch) >= BATCH:
            yield from flush()
    if batch:
        yield from flush()


__all__ = ["ArticleFeatures", "Decision", "Story", "StoryClusterer", "StoryRule", "article_features",
           "cluster_documents", "story_id"]
