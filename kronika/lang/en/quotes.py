"""English verbs of saying and the quote marks that open and close a direct quote.

Sources: the attribution verbs of the AP Stylebook ("said" above all; "told", "added", "stated", "asked") and the
reporting formulas of agency copy ("according to"); English typography's double quotes “…” with the single pair
‘…’ inside (Chicago Manual of Style §6.9), and straight quotes as typed. The marks come from the shared classes
in ``kronika/lang/punctuation.py``; here they are only paired. The quote stage keeps a candidate only with the
quote model, which English lacks, so these are what a model for English would read.
"""

from kronika.lang.en.events import REPORTING_VERBS, SOURCE_PREPOSITIONS as EVENT_SOURCES
from kronika.lang.en.triggers import TRIGGERS
from kronika.lang.punctuation import DASHES, QUOTES

SAYING = frozenset({"add", "ask", "explain", "insist", "note", "stress", "tell", "warn", "urge", "reply", "recall",
                    "write", "tweet", "describe", "deny", "argue", "claim", "declare", "say"})
SPEECH_VERBS = frozenset({t.head for t in TRIGGERS if t.speech}) | REPORTING_VERBS | SAYING

SOURCE_PREPOSITIONS = EVENT_SOURCES

# The conjunction that opens reported speech: "she said that ...".
THAT = frozenset({"that"})

# Opening mark -> the marks that may close it. Single quotes are left out: "O'Brien", "'90s".
QUOTE_PAIRS = {
    "“": frozenset("”\""),
    "\"": frozenset("\"”"),
}
assert set(QUOTE_PAIRS) <= QUOTES

# English news does not set dialogue with a dash; the class is shared so the stage reads one shape.
DIALOGUE_DASHES = DASHES

COORDINATORS = frozenset({"and"})
