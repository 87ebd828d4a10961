"""The learned entity filter: which of the linker's entities to keep.

The linker's hand rules (``link.py`` and its ``link_*`` helpers) fit the articles they were written from: on
train-pl most of its errors are extras (capitalised common words, titles, bodies the gold leaves out, names kept
in a Polish form). A logistic regression trained on train-pl (``scripts/train_entities.py``, 5-fold
cross-validation by article) scores each entity of the record from general evidence: its type, whether it is
linked, the knowledge base's source and size of the entry, its sector and whether its state is one the article
names most, how often and where it is mentioned (sentence openings, quote marks, the first sentence), the shape
and word class of its words and of its neighbours, whether the morphology reads a word of it as a common word
(a lower-case lemma), whether it opens a bracket, whether the name tagger found its mentions and with which
type, whether it is named as written, and whether a longer name of the article contains it. The words
themselves are never features. An entity scored under the model's threshold is dropped, unless an event, a
quote or an amount names it, a place noun before it ("rzeką Galwan") says it is a place, or it is an organisation
of the home state the knowledge base lacks, named in its own language (``filter_home.py``).

The model (``kronika/models/<lang>-entity-filter/model.json``) loads once per process; a language without one
keeps every entity.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

from kronika import prebuilt
from kronika.errors import KronikaError
from kronika.events.linear import LinearModel
from kronika.models import model_dir, rebuild_hint
from kronika.record import Document, Entity
from kronika.stages.entity_titles import drop_title_only
from kronika.stages.filter_home import home_organisations
from kronika.stages.link import load_linker
from kronika.stages.link_streets import place_noun, place_nouns

KEEP = "keep"
REBUILD = ".venv/bin/python scripts/train_entities.py"
WORD_RE = re.compile(r"\w+")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """``n`` as the first edge it does not pass ("1", "2", "3-5" ...): counts as a few coarse classes."""
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def _shape(text: str) -> str:
    words = WORD_RE.findall(text)
    if not words:
        return "none"
    if any(c.isdigit() for c in text):
        return "digit"
    if all(w.isupper() and len(w) > 1 for w in words):
        return "upper"
    if all(w[:1].isupper() for w in words):
        return "title"
    return "mixed"


def _word_class(tag: str | None) -> str:
    return (tag or "none").split(":")[0]


class Context:
    """What the features of one article's entities share: sentence openings, quote marks, token positions and
    the states the article names most."""

    def __init__(self, doc: Document, entities: list[Entity], quotes: str):
        self.doc = doc
        self.quotes = set(quotes) | {'"', "'"}
        self.opening_chars = {s for s, _ in doc.sentences}
        self.first_sentence_end = doc.sentences[0][1] if doc.sentences else 0
        self.token_at = {t.start: k for k, t in enumerate(doc.tokens)}
        self.token_ending = {t.end: k for k, t in enumerate(doc.tokens)}
        counts: Counter = Counter()
        for entity in entities:
            if entity.country:
                counts[entity.country] += len(entity.mentions)
        self.top_states = {c for c, _ in counts.most_common(2)}
        self.names = [(e, set(WORD_RE.findall(e.name.casefold()))) for e in entities]
        self.detected = {(m.start, m.end): m for m in doc.mentions}
        self.detected_starts = {m.start: m for m in doc.mentions}
        self.name_counts = Counter(e.name.casefold() for e in entities)

    def opens_sentence(self, start: int) -> bool:
        k = self.token_at.get(start)
        while k is not None and k > 0:
            prev = self.doc.tokens[k - 1]
            if prev.end in self.opening_chars or prev.start in self.opening_chars:
                return prev.start in self.opening_chars and all(c in self.quotes or c in "-–—(" for c in prev.text)
            if not all(c in self.quotes or c in "-–—(" for c in prev.text):
                return False
            k -= 1
        return start in self.opening_chars

    def quoted(self, start: int, end: int) -> bool:
        text = self.doc.text
        return start > 0 and end < len(text) and text[start - 1] in self.quotes and text[end] in self.quotes

    def common_words(self, start: int, end: int) -> bool:
        """Whether a word of the mention has a lower-case lemma: the morphology read it as a common word
        ("Ruch", "Izby", "Źródło"), where a proper name keeps its capital."""
        k = self.token_at.get(start)
        while k is not None and k < len(self.doc.tokens) and self.doc.tokens[k].end <= end:
            if (self.doc.tokens[k].lemma or "")[:1].islower():
                return True
            k += 1
        return False

    def bracketed(self, start: int) -> bool:
        """Whether the mention opens a bracket: an agency's "(PAP)", an acronym spelled out."""
        return start > 0 and self.doc.text[start - 1] == "("

    def neighbour(self, start: int, end: int) -> tuple[str, str]:
        """The word classes of the tokens right before and after a mention."""
        k, j = self.token_at.get(start), self.token_ending.get(end)
        before = self.doc.tokens[k - 1] if k else None
        after = self.doc.tokens[j + 1] if j is not None and j + 1 < len(self.doc.tokens) else None

        def kind(token) -> str:
            if token is None:
                return "none"
            if not token.text[:1].isalnum():
                return "punct"
            return ("cap:" if token.text[:1].isupper() else "low:") + _word_class(token.tag)

        return kind(before), kind(after)


def entity_features(entity: Entity, context: Context, kb) -> list[str]:
    """What the record says about one entity, as feature strings."""
    entry = kb.get(entity.id)
    linked = "linked" if entry is not None else "local"
    kind = f"{entity.type}:{linked}"
    mentions = entity.mentions
    features = ["bias", f"type={entity.type}", f"linked={linked}", f"kind={kind}"]
    features.append(f"kind={kind}:n={_bucket(len(mentions), (1, 2, 3, 5))}")
    if entry is not None:
        features.append(f"kb={entry.source or 'none'}")
        features.append(f"kb={entry.source or 'none'}:{entity.type}")
        if entry.population:
            features.append(f"pop={_bucket(int(math.log10(entry.population + 1)), (3, 4, 5, 6))}")
        if entry.offices:
            features.append("offices")
    features.append(f"sector={entity.sector or 'none'}:{entity.type}")
    country = "none" if not entity.country else ("top" if entity.country in context.top_states else "other")
    features.append(f"country={country}:{kind}")
    openings = sum(context.opens_sentence(m.start) for m in mentions)
    features.append(f"openings={'all' if openings == len(mentions) else 'some' if openings else 'none'}:{kind}")
    if any(context.quoted(m.start, m.end) for m in mentions):
        features.append(f"quoted:{kind}")
    if any(m.start < context.first_sentence_end for m in mentions):
        features.append(f"first_sentence:{linked}")
    longest = max(mentions, key=lambda m: m.end - m.start)
    n_words = len(WORD_RE.findall(longest.text))
    features.append(f"words={_bucket(n_words, (1, 2, 3))}:{kind}")
    features.append(f"shape={_shape(longest.text)}:{kind}")
    first = context.token_at.get(mentions[0].start)
    if first is not None:
        features.append(f"class={_word_class(context.doc.tokens[first].tag)}:{kind}")
    before, after = context.neighbour(mentions[0].start, mentions[0].end)
    features += [f"before={before}:{linked}", f"after={after}:{linked}"]
    detected = [context.detected.get((m.start, m.end)) for m in mentions]
    tagged = [d for d in detected if d is not None]
    features.append(f"detected={_bucket(len(tagged), (0, 1, 2))}:{kind}")
    if tagged:
        types = {d.type for d in tagged}
        features.append(f"tagger_type={'same' if entity.type in types else 'other'}:{linked}")
    name_words = set(WORD_RE.findall(entity.name.casefold()))
    written = {w for m in mentions for w in WORD_RE.findall(m.text.casefold())}
    features.append(
        f"as_written={'all' if name_words <= written else 'some' if name_words & written else 'none'}:{kind}"
    )
    if name_words and any(other is not entity and name_words < words for other, words in context.names):
        features.append(f"inside_longer:{kind}")
    if context.name_counts[entity.name.casefold()] > 1:
        features.append("same_name_twice")
    lowered = sum(context.common_words(m.start, m.end) for m in mentions)
    features.append(f"lemma_lower={'all' if lowered == len(mentions) else 'some' if lowered else 'none'}:{kind}")
    if any(context.bracketed(m.start) for m in mentions):
        features.append(f"bracketed:{kind}")
    return features


def article_features(doc: Document, entities: list[Entity], kb, quotes: str) -> list[list[str]]:
    context = Context(doc, entities, quotes)
    return [entity_features(e, context, kb) for e in entities]


def filter_path(lang: str) -> Path:
    return model_dir(f"{lang}-entity-filter") / "model.json"


@cache
def load_filter(lang: str) -> tuple[LinearModel, float] | None:
    """The language's entity filter and its threshold, once per process; None for a language without one."""
    path = filter_path(lang)
    if not path.parent.is_dir():
        return None
    try:
        data = prebuilt.read_json(path)
        return LinearModel.from_json(data["model"]), float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KronikaError(
            "E403",
            f"entity filter {path} is missing or broken ({type(error).__name__}: {error}); {rebuild_hint(REBUILD)}",
        ) from None


def participants(doc: Document) -> set[str]:
    """The entities the record's events (sides and sources), quotes and amounts name: an entity something else
    points to stays."""
    named = {p.entity for event in doc.events for p in (*event.actor, *event.recipient, *event.reported_by)}
    named |= {q.speaker.entity for q in doc.quotes if q.speaker}
    named |= {a.claimant.entity for a in doc.amounts if a.claimant}
    return named


def named_after_nouns(doc: Document, language) -> set[str]:
    """The ids of the places named after one of the language's place nouns ("nad rzeką Galwan", "ul.
    Kasprzaka": ``link_streets.py``). The noun says what the name is, evidence the filter's features lack: they
    see an unlinked place the text does not write as the record names it, which is most often an extra."""
    token_at = {t.start: k for k, t in enumerate(doc.tokens)}
    forms, nouns = place_nouns(language)

    def after_noun(start: int) -> bool:
        k = token_at.get(start)
        return bool(k) and place_noun(forms, nouns, doc.tokens[k - 1]) is not None

    return {e.id for e in doc.entities if e.type in ("GPE", "LOC") and any(after_noun(m.start) for m in e.mentions)}


class EntityFilterStage:
    """Drops the entities the language's filter scores under its threshold, unless an event, quote or amount
    names them, or a place noun names them a place: the events layer was trained on the linker's entities, and a
    participant stays an entity of the record, except a person the text names only by a title
    (``entity_titles.py``), whom the participant, speaker or claimant still names by id. It runs last, so what it
    drops changes nothing but the entity list."""

    name = "entity filter"
    requires = ("entities", "mentions", "events", "quotes", "amounts")
    assigns = ("entities",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        loaded = load_filter(self.language.code)
        if not doc.entities:
            return doc
        linker = load_linker(self.language.code)
        if loaded is not None:
            rows = article_features(doc, doc.entities, linker.kb, "".join(self.language.quotes))
            kept = set(map(id, choose(doc.entities, rows, *loaded)))
            named = participants(doc) | named_after_nouns(doc, self.language)
            named |= home_organisations(doc, linker, getattr(self.language.data("quotes"), "HOME_STATE", None))
            doc.entities = [e for e in doc.entities if id(e) in kept or e.id in named]
        # A person the text names only by a title is no entity, even one an event or quote names (they keep it).
        doc.entities = drop_title_only(doc, linker)
        return doc


def choose(entities: list[Entity], rows: list[list[str]], model: LinearModel, threshold: float) -> list[Entity]:
    """The entities whose probability of being right, by ``model`` on their feature ``rows``, reaches ``threshold``."""
    shares = model.many(rows)
    return [e for e, p in zip(entities, shares) if p[KEEP] >= threshold]
