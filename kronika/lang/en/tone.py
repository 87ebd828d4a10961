"""English polarity lexicon for document tone: none yet.

The tone stage runs only for a pack whose lexicon has entries (``kronika/pipeline.py``): an empty one here says
that English articles get no tone rather than a neutral one. Negation cues are the event cues'.
"""

from kronika.lang.en.events import NEGATION

POLARITY: dict[str, float] = {}
NEGATORS = NEGATION
