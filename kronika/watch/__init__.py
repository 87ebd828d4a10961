"""`kronika watch`: news feeds and folders kept in the store, round after round.

    >>> from kronika.store import Store
    >>> from kronika.stories.store import StoryAssigner
    >>> from kronika.watch import Fetcher, Watcher, read_sources
    >>> with Store("kronika.db", stories=StoryAssigner()) as store, Fetcher() as fetcher:
    ...     print(Watcher(store, read_sources("feeds.txt"), fetcher=fetcher).run_round().summary())

Modules: ``sources`` (the SOURCES file), ``fetch`` (HTTP with conditional GET, limits and per-host slots),
``state`` (feeds' validators and backoff, entries seen: the store's watch migration), ``rounds`` (one round) and
``loop`` (rounds every N minutes).
"""

from kronika.watch.fetch import Fetcher
from kronika.watch.rounds import RoundReport, Watcher
from kronika.watch.sources import Source, read_sources

__all__ = ["Fetcher", "RoundReport", "Source", "Watcher", "read_sources"]
