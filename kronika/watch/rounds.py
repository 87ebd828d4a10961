"""One round of `kronika watch`: fetch every due feed, find the entries not yet seen, fetch the pages of
those the feed only summarises, then analyse and store them as `kronika ingest` does (its own functions),
and remember what was seen. A failing feed is reported and retried with backoff; the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

from kronika.errors import InputError
from kronika.ingest.article import Article
from kronika.ingest.decoding import decode
from kronika.ingest.detect import HTML, is_feed, kind_from_content
from kronika.ingest.feed import FeedEntry, feed_entries
from kronika.ingest.html import read_html
from kronika.batch.ingest import IngestReport, Progress, ingest_articles
from kronika.options import LIBRARY_DEFAULTS, AnalysisOptions
from kronika.watch import folders, state
from kronika.watch.fetch import Fetched, Fetcher, Request
from kronika.watch.sources import FEED, Source

MAX_ENTRY_ATTEMPTS = 3  # a page that fails this many rounds in a row is given up (remembered as failed)


@dataclass
class RoundReport:
    number: int
    started: datetime
    feeds: int = 0
    fetched: int = 0
    unchanged: int = 0
    waiting: int = 0
    failures: list[tuple[InputError, datetime]] = field(default_factory=list)
    entries: int = 0
    pages: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the round, then one line per failed feed with when it is tried again."""
        ingest = self.ingest
        line = (
            f"kronika: round {self.number} ({state.stamp(self.started)}): {self.feeds} feed(s): "
            f"{self.fetched} fetched, {self.unchanged} unchanged (304), {len(self.failures)} failed, "
            f"{self.waiting} backing off; {self.entries} new entr(ies), {self.pages} page(s) fetched; "
            f"{ingest.added} article(s) stored, {ingest.skipped} already stored, {ingest.failed} failed; "
            f"{self.seconds:.1f} s"
        )
        lines = [line] + [
            f"kronika: feed failed: {error}; "
            + (f"next try after {state.stamp(when)}" if when > self.started else "tried again next round")
            for error, when in self.failures
        ]
        return "\n".join(lines)


@dataclass
class _Pending:
    """A new entry (or one article of a new folder file) on its way to the store."""

    source: str
    key: str
    article: Article | InputError
    attempts: int = 0
    link: str | None = None
    full_text: bool = True  # False: the feed only summarises it, its page is fetched


class Watcher:
    """Rounds over ``sources`` into ``store``, analysed as ``options`` say; ``every`` spaces the backoff of
    failing feeds."""

    def __init__(
        self,
        store,
        sources: list[Source],
        *,
        fetcher: Fetcher,
        options: AnalysisOptions = LIBRARY_DEFAULTS,
        jobs: int = 1,
        batch_size: int = 64,
        every: timedelta = timedelta(minutes=15),
        progress: Progress | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ):
        self.store, self.sources, self.fetcher = store, sources, fetcher
        self.options, self.jobs, self.batch_size, self.every = options, jobs, batch_size, every
        self.progress, self.clock = progress, clock
        self.rounds = 0

    def run_round(self) -> RoundReport:
        self.rounds += 1
        report = RoundReport(self.rounds, self.clock())
        started = time.perf_counter()
        writes = state.RoundWrites([], [], [])
        fetched: dict[str, Fetched] = {}
        pending = self._new_entries(report, writes, fetched)
        self._fetch_pages(pending, report)
        pending += self._folder_entries(report)
        report.ingest = ingest_articles(
            self.store,
            [p.article for p in pending],
            self.options,
            jobs=self.jobs,
            batch_size=self.batch_size,
            progress=self.progress,
        )
        self._remember(pending, writes, fetched)
        state.save(self.store.connection, writes, self.clock())
        report.seconds = time.perf_counter() - started
        return report

    def _new_entries(
        self, report: RoundReport, writes: state.RoundWrites, fetched: dict[str, Fetched]
    ) -> list[_Pending]:
        feeds = [s.location for s in self.sources if s.kind == FEED]
        states = state.feed_states(self.store.connection)
        states = {url: states.get(url) or state.FeedState(url) for url in feeds}
        due = [url for url in feeds if states[url].due(report.started)]
        report.feeds, report.waiting = len(feeds), len(feeds) - len(due)
        answers = self.fetcher.get_many(Request(url, states[url].etag, states[url].last_modified) for url in due)
        pending: list[_Pending] = []
        for url, answer in zip(due, answers):
            if isinstance(answer, Fetched) and answer.status == 304:
                report.unchanged += 1
                writes.feed_ok(url, answer.etag, answer.last_modified, "unchanged")
                continue
            entries = _entries(answer, url, report.started)
            if isinstance(entries, InputError):
                when = writes.feed_failed(states[url], str(entries), self.every, report.started)
                report.failures.append((entries, when))
                continue
            report.fetched += 1
            fetched[url] = answer
            pending += self._unseen(url, entries)
        report.entries = len(pending)
        return pending

    def _unseen(self, url: str, entries: list[FeedEntry]) -> list[_Pending]:
        seen = state.entries_seen(self.store.connection, url, [e.key for e in entries])
        pending = []
        for entry in dict((e.key, e) for e in entries).values():  # an entry listed twice counts once
            status, attempts = seen.get(entry.key, (None, 0))
            if status is None or (status == state.RETRY and attempts < MAX_ENTRY_ATTEMPTS):
                pending.append(_Pending(url, entry.key, entry.article, attempts, entry.link, entry.full_text))
        return pending

    def _folder_entries(self, report: RoundReport) -> list[_Pending]:
        from kronika.ingest import read_articles

        pending = []
        for folder in (s.location for s in self.sources if s.kind != FEED):
            for key, path in folders.unseen_files(self.store.connection, folder):
                articles = read_articles([path], date=self.options.date, max_bytes=self.options.max_bytes)
                pending += [_Pending(folder, key, article) for article in articles]
        report.entries += len(pending)
        return pending

    def _fetch_pages(self, pending: list[_Pending], report: RoundReport) -> None:
        """The article page of each entry that carries only a summary, text extracted by trafilatura."""
        wanted = [p for p in pending if isinstance(p.article, Article) and not p.full_text and p.link]
        report.pages = len(wanted)
        for item, answer in zip(wanted, self.fetcher.get_many(Request(p.link) for p in wanted)):
            item.article = _page_article(answer, item.article)

    def _remember(self, pending: list[_Pending], writes: state.RoundWrites, fetched: dict[str, Fetched]) -> None:
        ids = [p.article.id for p in pending if isinstance(p.article, Article) and p.article.id]
        stored = self.store.known_ids(ids)
        outcomes: dict[tuple[str, str], list[tuple[str, str | None, str | None]]] = {}
        for item in pending:
            article = item.article
            if isinstance(article, Article) and article.id in stored:
                outcome = (state.STORED, article.id, None)
            elif isinstance(article, _PageError) and item.attempts + 1 < MAX_ENTRY_ATTEMPTS:
                outcome = (state.RETRY, None, str(article))
            else:  # no text, a broken entry, an analysis failure, or a page that failed too often
                outcome = (state.FAILED, None, str(article)[:500])
            outcomes.setdefault((item.source, item.key), []).append(outcome)
        retried = set()
        for (source, key), found in outcomes.items():
            # A folder file holds several articles: it is retried if one must be, stored if one was.
            status, article, error = min(found, key=lambda o: (o[0] != state.RETRY, o[0] != state.STORED))
            writes.entry(source, key, status, article, error)
            if status == state.RETRY:
                retried.add(source)
        for url, answer in fetched.items():
            # Validators are kept only when every entry is settled: else the next round must get the whole
            # feed again, not a 304, to retry the entries whose pages failed.
            keep = url not in retried
            writes.feed_ok(url, answer.etag if keep else None, answer.last_modified if keep else None, "fetched")


class _PageError(InputError):
    """An entry's page could not be fetched or read: the entry is tried again next round."""


def _entries(answer: Fetched | InputError, url: str, fetched: datetime) -> list[FeedEntry] | InputError:
    """A feed's entries, or one error for the whole feed (unreachable, not a feed, unreadable)."""
    if isinstance(answer, InputError):
        return answer
    try:
        text = decode(answer.body, url)
    except InputError as error:
        return error
    if not is_feed(text):
        what = "an HTML page" if kind_from_content(text) == HTML else "neither RSS nor Atom"
        return InputError("E904", url, f"is {what}, not an RSS/Atom feed; check the feed's address")
    # An entry without a date of its own is dated by the day it was fetched, as GDELT dates by its crawl.
    entries = list(feed_entries(text, source=url, date=fetched.date().isoformat()))
    if len(entries) == 1 and isinstance(entries[0], InputError):
        return entries[0]
    if all(isinstance(e.article, InputError) for e in entries):
        # Truncated or broken XML: nothing readable is a failure of the feed, retried with backoff.
        return InputError("E210", url, f"has no readable entry ({entries[0].article.problem})")
    return entries


def _page_article(answer: Fetched | InputError, summary: Article) -> Article | InputError:
    """The entry's article with its page's text; the feed's title, date and link stay (they are the entry's)."""
    if isinstance(answer, InputError):
        return _PageError(answer.code, summary.source, f"its page {answer.problem}")
    try:
        found = next(read_html(decode(answer.body, answer.url), source=answer.url), None)
    except InputError as error:
        found = error
    if not isinstance(found, Article):
        problem = found.problem if isinstance(found, InputError) else "has no article text"
        return _PageError("E207", summary.source, f"its page {summary.url}: {problem}")
    return replace(
        summary,
        text=found.text,
        title=summary.title or found.title,
        lang=summary.lang or found.lang,
        date=summary.date or found.date,
    )
