"""Fewer young garbage collections in a process that analyses articles.

Python collects its youngest generation every 700 net container allocations. An article allocates thousands
(tokens, readings, features), most of which live until its record is written: with 700 the collector runs
several times an article, walks the article's live objects each time, and moves them to the older
generations, whose growth then sets off full collections over everything not frozen, the word caches
included. Measured over the 1,098 BSNLP articles, three passes, one process (`bench/throughput.py --parse
--repeat 3`, the collector's own time by ``gc.callbacks``): 24.0 s of collection (16.7 s of it full
collections) at the default, 7.1 s (0.3 s full) with the youngest generation collected every 10,000; the same
peak memory (952 MiB). The older generations keep their default ratios, so full collections still come and
cyclic garbage stays bounded. A threshold the process already changed is kept.

Every 100,000 since session 21: the articles make no cyclic garbage (no collection over 300 BSNLP articles freed
an object), so a collection only walks live objects; at 10,000 a young collection came every ~20 articles and
every tenth of them walked the second generation (~30 ms each). Over the 1,098 BSNLP articles, two passes, one
process per setting (``bench/collector.py``'s child): the collector's CPU 1.27 ms an article at 10,000, 0.38 at
100,000, 0.22 at 200,000, peak memory the same (862-866 MiB). The count is of net allocations, so
cyclic garbage, were some code to make it, still sets off a collection once ~100,000 of its containers pile up
(some tens of MB at most).
"""

from __future__ import annotations

import gc

DEFAULT = (700, 10, 10)
YOUNG_THRESHOLD = 100_000


def fewer_collections() -> None:
    """Collect the youngest generation every ``YOUNG_THRESHOLD`` allocations, unless the process already set
    its own thresholds; forked processes inherit the setting."""
    threshold = gc.get_threshold()
    if threshold == DEFAULT:
        gc.set_threshold(YOUNG_THRESHOLD, *threshold[1:])
