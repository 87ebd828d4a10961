"""Training sentences for the name tagger from articles whose entities are listed but not marked in the text.

A gold file of the eval format (``../shared/eval/GUIDE.md``) lists every named person, organisation and place
of an article by its English name, not where it stands. The mentions are found two ways: the pipeline's own
entities that the grader matches to a gold entity lend their mentions (that is where most inflected and Polish
forms come from), and a gold name the pipeline missed is looked for word by word (each word of the name opens
a capitalised token of the text with the same first letters: "Donald Tusk" finds "Donalda Tuska", "Plac
Zbawiciela" finds "Placu Zbawiciela", and a name with an English word, "Kasprzaka Street", finds nothing).
Every other token is outside a name, except where the evidence is unsure, and then the whole sentence is left
out: a pipeline entity that matches no gold entity (a wrong name, or a right name linked to a wrong spelling),
or a capitalised word inside a sentence that no found mention covers (a gold name not found).
Dates and times keep the shipped tagger's labels, since the gold lists none, and so do the names the linker
reads as a state's adjective or people ("rosyjskich", "Rosjanie", a lower-case span): NKJP and PolEval label
them as names, the gold lists no adjectives, and an O there taught the tagger to miss them.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import kronika
from kronika.stages.link import load_linker
from kronika.stages.morph import _tokens_by_sentence
from kronika.stages.ner import LAYER_SEPARATOR, OUTSIDE, decode, load_tagger

# The tagger's category for a gold type when its own output does not give one.
DEFAULT_CATEGORY = {"PER": "persName", "ORG": "orgName", "GPE": "placeName-settlement", "LOC": "geogName"}
# Letters a text word and a gold name word must share at their start (inflection changes the ending).
PREFIX = 4


@dataclass
class WeakStats:
    articles: int = 0
    sentences: int = 0
    kept: int = 0
    found_by_entity: int = 0
    found_by_words: int = 0
    gold_unfound: int = 0


def fold_of(article_id: str, folds: int) -> int:
    """The cross-validation fold of an article: by crc32 of its id, so folds are fixed whatever the order."""
    return zlib.crc32(article_id.encode()) % folds


def read_articles(path: Path, keep=lambda article_id: True) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    return [a for a in articles if keep(a["id"])]


def matched_entities(grader, gold: dict, entities: list) -> tuple[dict[int, str], list[dict]]:
    """The grader's one-to-one matching: system entity index -> gold type, and the gold entities it left."""
    system = [(i, e) for i, e in enumerate(entities) if e.type in grader.ENTITY_TYPES]
    used: dict[int, str] = {}
    unmatched = []
    for g in gold.get("entities", []):
        if g.get("type", "PER") not in grader.ENTITY_TYPES:
            continue
        keys = grader.entity_keys(g)
        for i, e in system:
            own = {grader.norm(e.name)} | ({e.id.upper()} if str(e.id).upper().startswith("Q") else set())
            if i not in used and keys & own:
                used[i] = g.get("type", "PER")
                break
        else:
            unmatched.append(g)
    return used, unmatched


def is_name(text: str) -> bool:
    """A mention that opens and closes with a capitalised word or a number: not a title the linker read as a
    person ("amerykański prezydent", "Północnokoreański przywódca") nor a lower-case region."""
    words = text.split()
    return all(w[:1].isupper() or w[:1].isdigit() for w in (words[0], words[-1]))


def _word_key(grader, word: str) -> str:
    return grader.norm(word).replace(" ", "")


def find_by_words(grader, tokens: list, name: str) -> list[tuple[int, int]]:
    """Token spans whose capitalised words open with the first letters of the name's words, in order.
    Leading lower-case words of the name ("the") and one-letter words are not looked for."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper() and len(w) > 1]
    if not words:
        return []
    keys = [_word_key(grader, w) for w in words]
    out = []
    for i in range(len(tokens) - len(keys) + 1):
        window = tokens[i : i + len(keys)]
        if all(t.text[:1].isupper() and _fits(_word_key(grader, t.text), k) for t, k in zip(window, keys)):
            out.append((i, i + len(keys)))
    return out


def _fits(text_key: str, name_key: str) -> bool:
    if len(name_key) < PREFIX or len(text_key) < PREFIX:
        return text_key == name_key
    return text_key[:PREFIX] == name_key[:PREFIX] and abs(len(text_key) - len(name_key)) <= 4


def person_labels(length: int) -> list[str]:
    """A person's name without the tagger's parts: the first word a forename, the last a surname."""
    if length == 1:
        return ["B-persName#B-persName-surname"]
    inner = ["B-persName-forename", *["I-persName-forename"] * (length - 2), "B-persName-surname"]
    return ["B-persName#" + inner[0], *[f"I-persName#{x}" for x in inner[1:]]]


def span_labels(tagged: list[str], start: int, end: int, gold_type: str, state: bool) -> list[str]:
    """Labels of one found name: the tagger's own where it found that very span with a type of that kind."""
    types = load_tagger("pl").features.NKJP_TYPES
    for span in decode(tagged):
        same = (span.start, span.end) == (start, end) and types.get(span.category) == gold_type
        if span.layer == 0 and same:
            return tagged[start:end]
    if gold_type == "PER":
        return person_labels(end - start)
    category = "placeName-country" if gold_type == "GPE" and state else DEFAULT_CATEGORY[gold_type]
    return [f"B-{category}", *[f"I-{category}"] * (end - start - 1)]


def weak_training(path: Path, grader, keep, clusters: dict[str, str]) -> tuple[list, WeakStats]:
    """(features, labels) of the settled sentences of the articles of ``path`` whose id ``keep`` accepts."""
    stats = WeakStats()
    features = load_tagger("pl").features
    out = []
    for article in read_articles(path, keep):
        sentences, name_forms = article_sentences(grader, article, stats)
        out.extend((features.sentence_features(t, name_forms, clusters), labels) for t, labels in sentences)
    return out, stats


def article_sentences(grader, article: dict, stats: WeakStats) -> tuple[list[tuple[list, list[str]]], frozenset]:
    """(tokens, labels) of the sentences of one article whose labels the evidence settles, and the article's
    name forms (``document_name_forms``) for their features."""
    doc = kronika.analyze(article["text"], date=article.get("date"), id=article["id"])
    linker = load_linker("pl")
    tagger = load_tagger("pl")
    matched, unmatched = matched_entities(grader, article, doc.entities)
    spans: list[tuple[int, int, str, bool]] = []  # characters, gold type, a state
    unsure: list[tuple[int, int]] = []
    for i, entity in enumerate(doc.entities):
        state = i in matched and entity.id in linker.kb and linker._is_state(entity.id)
        for m in entity.mentions:
            if i not in matched:
                unsure.append((m.start, m.end))
            elif is_name(m.text):
                spans.append((m.start, m.end, matched[i], state))
                stats.found_by_entity += 1
    sentences = _tokens_by_sentence(doc)
    name_forms = tagger.features.document_name_forms(sentences)
    word_spans: list[tuple[int, int, str]] = []
    for g in unmatched:
        found = [
            (sentence[a].start, sentence[b - 1].end, g.get("type", "PER"))
            for sentence in sentences
            for name in [g["name"], *g.get("aliases", [])]
            for a, b in find_by_words(grader, sentence, name)
        ]
        stats.found_by_words += bool(found)
        stats.gold_unfound += not found
        word_spans.extend(found)
    out = []
    for sentence in sentences:
        stats.sentences += 1
        labels = settle(sentence, tagger, name_forms, spans, word_spans, unsure)
        if labels is not None:
            stats.kept += 1
            out.append((sentence, labels))
    stats.articles += 1
    return out, name_forms


def adjectival(tokens: list) -> bool:
    """Whether the tagger's name span is what the linker takes for a state's adjective or its people, not a
    mention: such a name never reaches the gold lists, so its absence there says nothing against it."""
    text = " ".join(t.text for t in tokens)
    base = " ".join(t.lemma or t.text for t in tokens)
    return load_linker("pl").is_demonym(text, base)


def _clear(labels: list[str], start: int, end: int) -> None:
    """Make room for a found name: a kept tagger span it overlaps goes whole, so no I- is left dangling."""
    spans = [s for s in decode(labels) if s.layer == 0 and s.start < end and start < s.end]
    for span in spans:
        labels[span.start : span.end] = [OUTSIDE] * (span.end - span.start)


def settle(sentence, tagger, name_forms, spans, word_spans, unsure) -> list[str] | None:
    """One sentence's labels, or None when a token's label is unsure."""
    if not sentence:
        return None
    lo, hi = sentence[0].start, sentence[-1].end
    tagged = tagger.label(sentence, name_forms)
    types = tagger.features.NKJP_TYPES
    labels = [OUTSIDE] * len(sentence)
    for span in decode(tagged):  # dates, times and adjectival names: the tagger's own
        if span.layer == 0 and (span.category not in types or adjectival(sentence[span.start : span.end])):
            labels[span.start : span.end] = tagged[span.start : span.end]
    index = {t.start: n for n, t in enumerate(sentence)}
    ends = {t.end: n + 1 for n, t in enumerate(sentence)}
    covered = set()
    found = [(a, b, t, s) for a, b, t, s in spans if lo <= a < hi]
    found += [(a, b, t, False) for a, b, t in word_spans if lo <= a < hi]
    for a, b, gold_type, state in sorted(found, key=lambda x: (x[0], -x[1])):
        if a not in index or b not in ends:
            return None  # a mention that cuts a token
        start, end = index[a], ends[b]
        if covered.intersection(range(start, end)):
            continue
        _clear(labels, start, end)
        labels[start:end] = span_labels(tagged, start, end, gold_type, state)
        covered.update(range(start, end))
    for a, b in unsure:
        if lo <= a < hi and not covered.intersection(n for n, t in enumerate(sentence) if a <= t.start < b):
            return None
    for n, token in enumerate(sentence[1:], 1):
        opening = not sentence[n - 1].text[:1].isalnum()  # after a quote mark, colon or dash
        if token.text[:1].isupper() and not opening and n not in covered and labels[n] == OUTSIDE:
            return None
    return [LAYER_SEPARATOR.join(x.split(LAYER_SEPARATOR)[:2]) for x in labels]
