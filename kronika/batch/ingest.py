"""Ingest: read articles, skip those already stored, analyse the rest (in N processes), store in batches.

The runner that analyses and writes: articles go through the local engine (``kronika.batch.local``: this
process, or a warm pool) and their records into the store, which only persists them. Writes happen only
here, in the parent process, one transaction per batch: a kill loses at most the batch being written, and
the next run skips every article already committed (ids are content hashes, checked before any analysis),
so rerunning finishes the job without duplicates.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from kronika.batch.local import analysed
from kronika.errors import InputError, KronikaError
from kronika.options import LIBRARY_DEFAULTS, AnalysisOptions
from kronika.record import Document, content_id
from kronika.store.write import ArticleColumns, article_columns

# progress(kind, error): once per article, with ADDED, SKIPPED or FAILED and the error of a failure.
Progress = Callable[[str, "KronikaError | None"], None]

ADDED, SKIPPED, FAILED = "added", "skipped", "failed"
DEFAULT_BATCH = 64
COMMIT_SECONDS = 2.0  # commit at least this often, so a slow stream of articles is saved as it goes


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[KronikaError] = field(default_factory=list)
    seconds: float = 0.0
    languages: Counter = field(default_factory=Counter)  # analysed articles per language, for the CLI's notes

    @property
    def rate(self) -> float:
        """Articles analysed and stored per second."""
        return self.added / self.seconds if self.seconds else 0.0

    def note(self, kind: str, error: KronikaError | None = None, progress: Progress | None = None) -> None:
        """Count one article as ``added``, ``skipped`` or ``failed`` and tell ``progress``."""
        setattr(self, kind, getattr(self, kind) + 1)
        if error is not None:
            self.errors.append(error)
        if progress:
            progress(kind, error)

    def store(
        self,
        store,
        docs: list[Document],
        progress: Progress | None = None,
        features: list | None = None,
        columns: list | None = None,
    ) -> None:
        """Store ``docs`` in one transaction and count each: a record that cannot be written fails alone
        (E507), and an id another process committed meanwhile is skipped by the store, not stored twice.
        ``features`` and ``columns``: the story hook's features and the stored columns of each record, made
        where it was analysed (``writer_work``)."""
        failures: list = []
        added = store.add_many(docs, failures, features=features, columns=columns)
        failed = {id(doc) for doc, _ in failures}
        self.languages.update(doc.lang for doc in docs if id(doc) not in failed)
        for doc, error in failures:
            self.note(
                FAILED, InputError("E507", doc.id, f"could not be stored: {type(error).__name__}: {error}"), progress
            )
        for _ in range(added):
            self.note(ADDED, None, progress)
        for _ in range(len(docs) - added - len(failures)):
            self.note(SKIPPED, None, progress)


def ingest(
    store,
    inputs: Iterable[str],
    options: AnalysisOptions = LIBRARY_DEFAULTS,
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
) -> IngestReport:
    """Analyse and store the articles in ``inputs`` (files, directories, ``-``) as ``options`` say; see
    ``IngestReport``.

    ``progress(kind, error)`` is called once per article with ``added``, ``skipped`` or ``failed``.
    """
    from kronika.ingest import read_articles

    articles = read_articles(inputs, date=options.date, max_bytes=options.max_bytes)
    return ingest_articles(store, articles, options, jobs=jobs, batch_size=batch_size, progress=progress)


def ingest_articles(
    store,
    articles: Iterable,
    options: AnalysisOptions = LIBRARY_DEFAULTS,
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
) -> IngestReport:
    """Analyse and store ``articles`` (``Article`` objects, or errors to count as failed), as :func:`ingest`
    does for files: known ids skipped before analysis, one transaction per batch. Each article's ``id`` is set
    (its content hash when it had none), so a caller can tell afterwards which of its articles are stored."""
    report = IngestReport()
    started = time.perf_counter()

    def note(kind: str, error: KronikaError | None = None) -> None:
        report.note(kind, error, progress)

    def new_articles() -> Iterator:
        seen: set[str] = set()
        for article in articles:
            if isinstance(article, KronikaError):
                yield article
                continue
            article.id = article.id or article_id(article.text)
            if article.id in seen or article.id in store:
                note(SKIPPED)
                continue
            seen.add(article.id)
            yield article

    batch: list[Document] = []
    features: list = []
    columns: list = []
    last_commit = time.monotonic()
    # The writer's per-record work (the record's JSON and lemma text; the story hook's vectors and evidence)
    # is done where each record is analysed: in the workers with --jobs N, leaving the writer the writes.
    hook = getattr(store, "story_hook", None)
    made_features = getattr(hook, "features", None)
    extra = partial(writer_work, features=made_features)
    can_cut = getattr(hook, "can_cut", None)

    def flush() -> None:
        nonlocal last_commit
        if batch:
            report.store(store, batch, progress, features if made_features else None, columns)
            batch.clear()
            features.clear()
            columns.clear()
        last_commit = time.monotonic()

    try:
        for result in analysed(
            new_articles(), options, jobs=jobs, extra=extra, preload=getattr(hook, "preload", ()), drop=DROPPED
        ):
            if isinstance(result, KronikaError):
                note(FAILED, result)
                continue
            result, made = result
            columns.append(made[0] if made else None)
            features.append(made[1] if made else None)
            batch.append(result)
            due = len(batch) >= batch_size or time.monotonic() - last_commit >= COMMIT_SECONDS
            # Cut where the story hook's estimates for undated articles do not depend on the cut (up to a
            # bound, so a long run of undated articles is still committed): the clock must not change stories.
            if due and (len(batch) >= 2 * batch_size or can_cut is None or can_cut(batch)):
                flush()
        flush()
    finally:
        report.seconds = time.perf_counter() - started
    return report


# What the writer needs of a record no longer once ``writer_work`` has run: the tokens (the lemma text is
# made of them) and the name mentions (only in the record's JSON). A BSNLP article's tokens were two thirds
# of what a worker sent the writer; the writer is the one serial process of `ingest --jobs N`.
DROPPED = ("tokens", "mentions")


def writer_work(doc: Document, features: Callable[[Document], object] | None = None) -> tuple[ArticleColumns, object]:
    """What the writer would make of a record besides its rows: its stored columns, and the story hook's
    ``features`` (None without a hook). The hook's first, as the writer's columns came after it."""
    made = features(doc) if features is not None else None
    return article_columns(doc), made


def article_id(text: str) -> str:
    """The id ``Document`` would give this article: the hash of its normalised text."""
    from kronika.ingest.decoding import normalize_text

    return content_id(normalize_text(text))
