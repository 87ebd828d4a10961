"""A speaker named only by a common noun: "oświadczył rzecznik MSZ", "armia przekazała", "szef węgierskiego rządu
powiedział". No entity stands for such a speaker, but the gold names them by their state ("Majed al-Ansari|QAT")
and the grader, like a reader, takes the state's code as naming the party; so the noun is offered to the speaker
model as one more option, the body of its state (``kronika/quotes/bodies.py``): the state's adjective beside the
noun or a state named in its title ("rzecznik rządu Kataru"), else the article's dominant country. Whether the body
or a named party or nobody said the quote ("krzyczeli demonstranci") the model decides from the features here.
"""

from __future__ import annotations

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.quotes.bodies import Body, body_name, body_party, dominant_country
from kronika.quotes.candidates import Candidate, Text
from kronika.quotes.mentions import mentions_between

# How many tokens after the noun its title may name its state ("rzecznik rządu Kataru", "szef dyplomacji Rosji").
STATE_REACH = 3


def title_body(text: Text, quote: Candidate, noun: int | None) -> Body | None:
    """The body the common-noun subject at ``noun`` of the quote's verb of saying names, or None (no such noun,
    a name right after it, or no country to give it)."""
    if noun is None or not _titled(text, noun):
        return None
    lo, hi = text.sentence(noun)
    after = mentions_between(text.placed, text.mention_starts, noun + 1, min(hi, noun + 1 + STATE_REACH))
    if any(p.entity.type != "GPE" for p in after):
        return None  # "rzecznik MSZ Maciej Wewiór", "rzecznik MSZ Kataru": the named party is an option of its own
    memo = text.memo
    if "dominant" not in memo:
        memo["dominant"] = dominant_country(text.placed)
    words = {**getattr(text.data, "OFFICE_WORDS", {}), **getattr(text.data, "BODY_WORDS", {})}
    states = [p for p in after if p.entity.country]
    if states:
        lemma = text.tokens[noun].lemma or text.tokens[noun].text
        country = states[0].entity.country
        return Body(body_name(words.get(lemma, lemma), country), country, "title")
    linker = memo.get("linker")
    adjective_state = linker.adjective_state if linker is not None else (lambda token: None)
    return body_party(text.tokens, noun, lo, hi, adjective_state, memo["dominant"], words)


def body_features(text: Text, quote: Candidate, noun: int, body: Body) -> list[str]:
    """What the speaker model reads of a body option: where its country came from, whether the noun is one of the
    state's organs the language lists, its number, and the verb of saying."""
    lemma = text.tokens[noun].lemma or text.tokens[noun].text
    organ = lemma in getattr(text.data, "BODY_WORDS", {})  # else an office's title
    plural = ud.plural(morph(text.tokens[noun].tag))
    features = [
        "body",
        f"body|source={body.source}",
        f"body|organ={organ}",
        f"body|plural={plural}",
        f"body|organ={organ}|source={body.source}",
        f"body|kind={quote.kind}",
    ]
    if quote.verb is not None:
        features.append(f"body|verb_lemma={text.lemmas[quote.verb]}")
    return features


def _titled(text: Text, noun: int) -> bool:
    """Whether the noun is a state's organ or the head of an office's title: "wojsko", "rzecznik", "premier";
    any other common noun ("demonstranci", "nagranie") names no state's party."""
    lemma = text.tokens[noun].lemma or text.tokens[noun].text
    return lemma in getattr(text.data, "BODY_WORDS", {}) or lemma in getattr(text.data, "OFFICE_WORDS", ())
