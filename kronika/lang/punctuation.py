"""Character classes shared by every language pack; packs import and extend them, never copy them."""

SENTENCE_TERMINALS = frozenset(".!?…")
# Quote marks whose direction differs between conventions („…“ in German and Polish handwriting, “…”
# in English, »…« and «…»): the segmenter tells opening from closing by which side touches a word.
QUOTES = frozenset("\"'„”“‟«»‚‘’‹›")
OPENING_BRACKETS = frozenset("([{")
CLOSING_BRACKETS = frozenset(")]}")
# Hyphen-minus, en dash, em dash, minus: news uses all of them as a dialogue or parenthetical dash.
DASHES = frozenset("-–—−")
