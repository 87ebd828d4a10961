"""Imported by the forkserver of ``kronika.batch.pool`` when articles' languages are identified (``--lang auto``,
the default): loads the language identifier's models once for every worker forked from the server.

Each worker used to load them itself (``load_worker`` warms the identifier): 3 s of CPU each at a load of 10
on two cores, where one process (``ingest --jobs 1``) loads them once, on the first article no language pack
recognises (55 of the 1,098 BSNLP articles). Importing this module is the load; its objects then leave the
garbage collector's reach (``kronika.batch.pool.preload``).
"""

from __future__ import annotations

from kronika.batch.pool import preload


def _preload() -> None:
    from kronika.lang.langid import detect_language

    # No pack recognises it, and it is as long as an article: lingua reads a text of 120 characters or more by
    # its trigrams alone, and loads those models. A short warm-up ("warm-up") made it load the models of one- to
    # five-letter n-grams besides, which articles never use: 3.6 s of CPU in the forkserver instead of 0.4.
    detect_language(" ".join(["warm-up"] * 120))


preload(_preload, "language identifier")
