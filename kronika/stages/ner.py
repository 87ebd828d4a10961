"""The name stage: persons, organisations, political and other places found by a trained tagger.

A linear-chain CRF (``kronika/models/<lang>-ner-crf/``, trained by ``scripts/train_ner.py``) labels every
token with a two-layer IOB label, the outer entity and one entity nested in it
("B-persName#B-persName-forename"). The outer names become ``NameMention``s typed by the language
pack's table (``NKJP_TYPES``); dates and times, which the tagger also knows, are left to the temporal
stage, and nested entities are kept for evaluation (``NameTagger.spans``) only. A name tagged once is
then tagged wherever the same words recur untagged in the document (``propagate``).

The tagger loads once per process (``load_tagger``); the stage holds only the language, so it pickles
to worker processes unchanged. Features come from the document alone, so a document gives the same
mentions alone or in a batch.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kronika import models
from kronika.errors import KronikaError
from kronika.lang import get_language
from kronika.record import Document, NameMention
from kronika.stages.crf import CrfModel
from kronika.stages.morph import _tokens_by_sentence

MODEL_FILE = "model.crfsuite"
CLUSTERS_FILE = "clusters.tsv"
META_FILE = "meta.json"
OUTSIDE = "O"
LAYER_SEPARATOR = "#"


def model_dir(lang: str) -> Path:
    return models.model_dir(f"{lang}-ner-crf")


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens ``start`` to ``end`` (exclusive) of a sentence form an entity of ``category``."""

    start: int
    end: int
    category: str
    layer: int  # 0 outer, 1 nested in an outer entity, 2 a person's part inside a nested person


def decode(labels: list[str]) -> list[Span]:
    """Entity spans of a two-layer IOB sequence; an I- that continues nothing starts an entity."""
    if labels.count(OUTSIDE) == len(labels):
        return []  # most sentences: nothing to read
    spans: list[Span] = []
    read = [_read_label(label) for label in [*labels, OUTSIDE]]
    for layer in (0, 1):
        open_start, open_category = None, None
        for i, (outer, layers) in enumerate(read):
            prefix, category = layers[layer]
            # A nested entity never crosses the outer entity it is in.
            continues = prefix == "I" and category == open_category and (layer == 0 or outer.startswith("I-"))
            if open_category is not None and not continues:
                spans.append(Span(open_start, i, open_category, layer))
                open_start, open_category = None, None
            if prefix in ("B", "I") and not continues:
                open_start, open_category = i, category
    return sorted(spans, key=lambda s: (s.start, s.layer, s.end))


@lru_cache(maxsize=4096)
def _read_label(label: str) -> tuple[str, tuple[tuple[str, str], tuple[str, str]]]:
    """A label's outer entity label, and the prefix and category of each layer (a tagger has few labels)."""
    parts = label.split(LAYER_SEPARATOR) if label != OUTSIDE else []
    outer = parts[0] if parts else OUTSIDE
    layers = []
    for layer in (0, 1):
        prefix, _, category = (parts[layer] if layer < len(parts) else OUTSIDE).partition("-")
        layers.append((prefix, category))
    return outer, (layers[0], layers[1])


def propagate(sentences: list[list], found: list[list[Span]]) -> list[list[Span]]:
    """A name tagged once is tagged wherever the same words recur in the document untagged
    (with its nested entities), so one confident context speaks for the weaker ones."""
    names: dict[tuple[str, ...], tuple[Span, list[Span]]] = {}
    for sentence, spans in zip(sentences, found):
        for span in spans:
            if span.layer == 0 and sentence[span.start].text[:1].isupper():
                key = tuple(t.text for t in sentence[span.start : span.end])
                inner = [s for s in spans if s.layer == 1 and span.start <= s.start and s.end <= span.end]
                names.setdefault(key, (span, inner))
    if not names:
        return found
    longest = max(len(k) for k in names)
    firsts = {k[0] for k in names}  # a match starts with a name's first word: other tokens need no lookups
    out = []
    for sentence, spans in zip(sentences, found):
        # Only a token that opens a name may start a match: those are found in one pass, the rest never looked at.
        opening = [i for i, t in enumerate(sentence) if t.text in firsts]
        if not opening:
            out.append(spans)
            continue
        covered = {i for s in spans if s.layer == 0 for i in range(s.start, s.end)}
        added = []
        after = 0  # a match's tokens are not tried again
        for i in opening:
            if i < after:
                continue
            match = None
            for n in range(min(longest, len(sentence) - i), 0, -1):
                key = tuple(t.text for t in sentence[i : i + n])
                if key in names and not covered.intersection(range(i, i + n)):
                    match = (n, *names[key])
                    break
            if match is None:
                continue
            n, outer, inner = match
            added.append(Span(i, i + n, outer.category, 0))
            shift = i - outer.start
            added.extend(Span(s.start + shift, s.end + shift, s.category, 1) for s in inner)
            after = i + n
        out.append(sorted([*spans, *added], key=lambda s: (s.start, s.layer, s.end)) if added else spans)
    return out


class NameTagger:
    """The CRF (CRFsuite's model, tagged by ``kronika.stages.crf``) with its feature extractor and word
    clusters; one per language and process."""

    def __init__(self, lang: str):
        directory = model_dir(lang)
        path = directory / MODEL_FILE
        if not path.exists():
            raise KronikaError(
                "E103",
                f"name tagger model {path} is missing; "
                f"{models.rebuild_hint('python scripts/train_ner.py --data ../shared/data')} (see {directory / META_FILE})",
            )
        try:
            self.crf = CrfModel(path)
        except (OSError, ValueError, struct.error) as error:
            raise KronikaError(
                "E103",
                f"name tagger model {path} is broken ({error}); "
                f"{models.rebuild_hint('python scripts/train_ner.py --data ../shared/data')}",
            ) from None
        self.features = get_language(lang).data("ner_features")
        self.clusters = read_clusters(directory / CLUSTERS_FILE)
        meta = directory / META_FILE
        self.meta = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}

    def label(self, sentence: list, name_forms: frozenset[str]) -> list[str]:
        return self.label_many([sentence], name_forms)[0]

    def label_many(self, sentences: list[list], name_forms: frozenset[str]) -> list[list[str]]:
        """The labels of every sentence of a document, tagged together (``CrfModel.tag_windows`` when the pack
        hands over word types: its ``sentence_windows`` with ``WINDOW``, ``WINDOW_EDGES`` and ``WINDOW_KINDS``, which
        say what a type passes to each neighbour; else ``CrfModel.tag_many``)."""
        windows = getattr(self.features, "sentence_windows", None)
        if windows is not None:
            typed = [windows(s, name_forms, self.clusters) for s in sentences]
            return self.crf.tag_windows(
                typed, self.features.WINDOW, self.features.WINDOW_EDGES, self.features.WINDOW_KINDS
            )
        parts = getattr(self.features, "sentence_parts", None)
        if parts is None:
            every = [self.features.sentence_features(s, name_forms, self.clusters) for s in sentences]
            return self.crf.tag_many([[((), row) for row in features] for features in every])
        return self.crf.tag_many([parts(s, name_forms, self.clusters) for s in sentences])

    def spans(self, doc: Document) -> list[tuple[list, Span]]:
        """Every entity of every layer and category, with the sentence tokens its indices refer to."""
        sentences = _tokens_by_sentence(doc)
        name_forms = self.features.document_name_forms(sentences)
        found = [decode(labels) for labels in self.label_many(sentences, name_forms)]
        found = propagate(sentences, found)
        if hasattr(self.features, "inner_names"):
            found = [self.nest(sentence, spans) for sentence, spans in zip(sentences, found)]
        return [(sentence, span) for sentence, spans in zip(sentences, found) for span in spans]

    def nest(self, sentence: list, spans: list[Span]) -> list[Span]:
        """Add the names the language pack finds inside outer names the tagger left without them."""
        hosts = [s for s in spans if s.layer == 0 and s.category in self.features.HOST_CATEGORIES]
        if not hosts:
            return spans
        words = [t.text for t in sentence]
        added = []
        for host in hosts:
            taken = {
                i
                for s in spans
                if s.layer > 0 and host.start <= s.start and s.end <= host.end
                for i in range(s.start, s.end)
            }
            added.extend(Span(*found) for found in self.features.inner_names(words, host.start, host.end, taken))
        return sorted([*spans, *added], key=lambda s: (s.start, s.layer, s.end)) if added else spans


def read_clusters(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    clusters = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, bits = line.rstrip("\n").partition("\t")
            clusters[word] = bits
    return clusters


@cache
def load_tagger(lang: str) -> NameTagger:
    return NameTagger(lang)


class NerStage:
    name = "ner"
    requires = ("sentences", "tokens", "tokens.lemma")
    assigns = ("mentions",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        if not doc.tokens:
            return doc
        tagger = load_tagger(self.language.code)
        types = tagger.features.NKJP_TYPES
        inhabitant = getattr(tagger.features, "is_inhabitant", lambda word: False)
        morphology = self.language.morphology()
        document_forms = frozenset(t.text for t in doc.tokens)
        mentions = [m for m in doc.mentions if m.source != "model"]
        lemmas: dict[str, str] = {}  # a name's lemma, once per document: the same words, the same evidence
        for sentence, span in tagger.spans(doc):
            if span.layer != 0 or span.category not in types:
                continue
            if span.end - span.start == 1 and inhabitant(sentence[span.start].text):
                continue  # "Kurdowie", "Turcy": members of a people, not a name (the pack's predicate)
            start, end = sentence[span.start].start, sentence[span.end - 1].end
            text = doc.text[start:end]
            lemma = lemmas.get(text)
            if lemma is None:
                lemma = lemmas[text] = morphology.lemmatize_phrase(text, document_forms)
            mentions.append(NameMention(start, end, text, types[span.category], lemma, source="model"))
        doc.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        return doc
