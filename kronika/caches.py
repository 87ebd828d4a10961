"""How many word types a per-word cache keeps (morphology, name features, event readings, transliteration).

The caches are keyed by word form (with its lemma, tag or context), so a long `kronika watch` run over real
news meets new keys in every article and a cache bounded at 100,000-600,000 entries grows for days: about
8 KiB per word type over all of them, 385 MiB after the 1,098 BSNLP articles (45,444 word types). LRU stack
distances on those articles (every cache's key sequence replayed at each size, times the CPU time of a miss)
say 20,000 costs about 2% more analysis time than unbounded caches, 10,000 about 8%; the caches then stop at
roughly 150 MiB instead of growing (docs/live.md, the watch soak paragraph).
"""

WORD_TYPES = 20_000
# A word's Morfeusz readings and their context-free scores (the morphology's ``analyse`` and ``_scored``) take
# about 1.3 KiB a word type together, against 4.4 KiB for the name tagger's type and its rows, and a miss is the
# dearest of all (Morfeusz and the scoring of every reading): three times the bound holds the 45,000 word types of
# the 1,098 BSNLP articles for some 50 MiB at the full bound, and a later pass over them spends 1.6 ms an article
# in the morphology stage instead of 3.8 (the 20,000 bound evicted every type but the commonest between passes).
MORPHOLOGY_WORDS = 3 * WORD_TYPES
# A cache that only serves another cache's misses (the features of a word type being put together) needs
# to hold the words of one sentence, not the vocabulary.
SCRATCH = 4_096
