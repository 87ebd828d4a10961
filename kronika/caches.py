"""How many word types a per-word cache keeps (morphology, name features, event readings, transliteration).

The caches are keyed by word form (with its lemma, tag or context), so a long `kronika watch` run over real
news meets new keys in every article and a cache bounded at 100,000-600,000 entries grows for days: about
8 KiB per word type over all of them, 385 MiB after the 1,098 BSNLP articles (45,444 word types). LRU stack
distances on those articles (every cache's key sequence replayed at each size, times the CPU time of a miss)
say 20,000 costs about 2% more analysis time than unbounded caches, 10,000 about 8%; the caches then stop at
roughly 150 MiB instead of growing (docs/live.md, the watch soak paragraph).
"""

WORD_TYPES = 20_000
# A cache that only serves another cache's misses (the features of a word type being put together) needs
# to hold the words of one sentence, not the vocabulary.
SCRATCH = 4_096
