"""Quotes: the words an article puts in someone's mouth, by whom, with which verb of saying (GUIDE "Quotes").

Candidates are found by form (``kronika/quotes/candidates.py``: between quote marks, after a dialogue dash, before
a dash and a verb of saying, or a mark the article's end leaves open); the quote model keeps those it takes for
speech, not scare quotes, titles or names. Reported speech without marks ("X podkreślił, że ...") is no quote.
The speaker model scores the named parties around each quote, the rule's choice among its features
(``kronika/quotes/speakers.py``), and the article's quotes are decided together (``kronika/quotes/chain.py``:
consecutive quotes tend to keep one speaker); below the model's threshold nobody is named.
``verb`` is the verb of saying as it stands in the text.
"""

from __future__ import annotations

import math
from collections import Counter

from kronika.quotes.chain import NOBODY, decode, link, log_odds
from kronika.quotes.candidates import Candidate, Text, find_candidates, read_text
from kronika.quotes.coref import with_surnames
from kronika.quotes.origin import title_countries, speaker_party
from kronika.quotes.features import quote_features
from kronika.quotes.model import QuoteModels, load_quote_models
from kronika.quotes.native import native_names
from kronika.quotes.roles import office_holder
from kronika.quotes.speakers import (
    Said,
    common_subject,
    named_subject,
    nobody_features,
    speaker_candidates,
    title_state,
)
from kronika.record import Document, Quote
from kronika.stages.link import load_linker

# A person, or an organisation of a known sector, named as the subject of the quote's own verb of saying ("–
# powiedział X", "X podkreślił: „…”") is its speaker, whatever the model ranks first: out of fold on train-pl such a
# subject is right for 173 of 194 quotes, the model's choice for 153. A state or city named so is left to the model
# (15 of 26 against 19), as are news outlets, which pass others' words on ("– podała agencja Reutera": 4 of 17
# either way), and organisations the linker left without a sector, often a name's fragment (1 of 11 against 5).
# The pinned speaker still reaches its neighbours through the chain.
PINNED_TYPES = ("PER", "ORG")
PASSING_ON = frozenset({"MED"})
# The pinned option's probability: log-odds of about 9, above any chain bonus.
PINNED = 1 - 1e-4


class QuoteStage:
    """Direct and dialogue-dash quotes with their speaker and verb of saying."""

    name = "quotes"
    requires = ("sentences", "tokens.lemma", "tokens.tag", "entities")
    assigns = ("quotes",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        models = load_quote_models(self.language.code)
        doc.quotes = find_quotes(doc, self.language, self.language.data("quotes"), models)
        return doc


def find_quotes(doc: Document, language, data, models: QuoteModels) -> list[Quote]:
    if not doc.tokens:
        return []
    text = speaker_text(doc, language, data)
    candidates = find_candidates(text)
    scores = models.quote.many([quote_features(text, c) for c in candidates])
    kept = [c for c, p in zip(candidates, scores) if p["yes"] >= models.quote_threshold]
    return [to_quote(text, said) for said in attribute(text, kept, models)]


def speaker_text(doc: Document, language, data) -> Text:
    """The article as the quote stage reads it: bare surnames placed as their full names' entities
    (``kronika/quotes/coref.py``), the countries the titles of unlinked persons give (``origin.py``), home
    parties' names in the article's spelling (``native.py``), and the linker, whose knowledge base names the
    offices of the persons a title may mean (``roles.py``)."""
    text = with_surnames(read_text(doc, language, data), language)
    # The linker's knowledge base also tells the speaker model which offices a person held (``roles.py``).
    linker = text.memo["linker"] = load_linker(language.code)
    text.memo["countries"] = title_countries(text, linker.adjective_state)
    text.memo["names"] = native_names(text, data.HOME_STATE)
    return text


def attribute(text: Text, quotes: list[Candidate], models: QuoteModels) -> list[Said]:
    """Each quote's speaker: the option the speaker model ranks first, decided over the article's run of quotes
    (``kronika/quotes/chain.py``: consecutive quotes keep a speaker when the model's bonuses say so), named only
    if it clears the threshold."""
    options, scores = speaker_options(text, quotes, models)
    return choose(text, quotes, options, scores, models.chain, models.speaker_threshold)


def choose(
    text: Text, quotes: list[Candidate], options: list, scores: list, chain: dict[str, float], threshold: float
) -> list[Said]:
    """The speakers of ``quotes`` given their options and the speaker model's probabilities for them."""
    emissions = [
        [(entity.id if entity is not None else NOBODY, log_odds(s["yes"])) for (entity, _), s in zip(group, row)]
        for group, row in zip(options, scores)
    ]
    links = [link(text, quotes[i - 1], quotes[i]) if i else "" for i in range(len(quotes))]
    out: list[Said] = []
    for quote, group, row, best in zip(quotes, options, scores, decode(emissions, links, chain)):
        out.append(Said(quote, group[best][0] if row[best]["yes"] >= threshold else None))
    return out


def speaker_options(text: Text, quotes: list[Candidate], models: QuoteModels) -> tuple[list, list]:
    """Each quote's options (entity or None, features) and the speaker model's probabilities for them."""
    counts = Counter(p.entity.id for p in text.placed)
    options, scores = [], []
    for quote in quotes:
        group = speaker_candidates(text, quote, counts)
        # Nobody named is one more option: "krzyczeli demonstranci" names no party.
        group.append((None, nobody_features(text, quote, len(group))))
        options.append(group)
        row = pin(text, quote, group, models.speaker.many([features for _, features in group]))
        scores.append(favour_nobody(group, row, models.nobody_bias))
    return options, scores


def favour_nobody(group: list, row: list[dict], bias: float) -> list[dict]:
    """``row`` with ``bias`` added to the log-odds of the option that nobody named said the quote."""
    if not bias:
        return row
    out = []
    for (entity, _), p in zip(group, row):
        if entity is None:
            yes = 1 / (1 + math.exp(-(log_odds(p["yes"]) + bias)))
            p = {"yes": yes, "no": 1 - yes}
        out.append(p)
    return out


def pin(text: Text, quote: Candidate, group: list, row: list[dict]) -> list[dict]:
    """``row`` with the option that is the named subject of the quote's verb of saying made certain, if that
    subject is of a ``PINNED_TYPES`` type; with no named subject, the holder of the office its title names
    (``titled_holder``)."""
    subject = named_subject(text, quote)
    if subject is not None:
        key = subject.entity.id if pinned(subject.entity) else None
    else:
        key = titled_holder(text, quote)
    if key is None:
        return row
    return [
        {"yes": PINNED, "no": 1 - PINNED} if entity is not None and entity.id == key else p
        for (entity, _), p in zip(group, row)
    ]


def titled_holder(text: Text, quote: Candidate) -> str | None:
    """When the quote's verb has no named subject, the holder on the article's date of the office its common-noun
    subject's title names for the state the title names ("– stwierdził szef węgierskiego rządu" -> Viktor Orbán).
    Of train-pl's gold quotes whose title gives a holder so, 8 of 8 are the holder's, each named in the article
    (so the option is there to pin). The article's dominant country is not taken for a title with no state (3 of 3
    more on train-pl): a bare "– mówił prezydent" in a report of a visit abroad is then the host's head of state."""
    linker = text.memo.get("linker")
    if quote.verb is None or linker is None:
        return None
    noun = common_subject(text, quote.verb, quote)
    if noun is None:
        return None
    return office_holder(text, linker, noun, title_state(text, noun))


def pinned(entity) -> bool:
    """Whether a named subject of this entity's kind is trusted over the speaker model (``PINNED_TYPES``)."""
    if entity.type not in PINNED_TYPES:
        return False
    return entity.type == "PER" or (entity.sector is not None and entity.sector not in PASSING_ON)


def to_quote(text: Text, said: Said) -> Quote:
    c = said.candidate
    return Quote(
        start=c.start,
        end=c.end,
        text=text.doc.text[c.start : c.end],
        speaker=speaker_party(said.entity, text.memo.get("countries", {}), text.memo.get("names"))
        if said.entity is not None
        else None,
        verb=text.tokens[c.verb].text if c.verb is not None else None,
    )
