"""Polish polarity lexicon for document tone: lemma -> score in [-1, 1], read from ``tone.tsv``.

Sources: see the header of ``tone.tsv`` (written for kronika from Polish agency-news vocabulary, on the
polarity scale of GDELT's tone and plWordNet-emo; no entry copied). Negation cues are the event cues'.
"""

from importlib.resources import files

from kronika.lang.pl.events import NEGATION


def _read(name: str) -> dict[str, float]:
    lexicon = {}
    for line in files(__package__).joinpath(name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, score = line.split("\t")[:2]
        value = float(score)
        if not -1.0 <= value <= 1.0:
            raise ValueError(f"{name}: score {value} of '{lemma}' is outside [-1, 1]; fix the row")
        lexicon[lemma] = value
    return lexicon


POLARITY = _read("tone.tsv")
# "nie" right before a polar word turns it round ("nie osiągnięto porozumienia").
NEGATORS = NEGATION
