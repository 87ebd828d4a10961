"""What the quote model reads about a candidate stretch: its form, its length, where its verb of saying stands,
what stands around it, and whether it is a name.

Scare quotes, titles of works and names of operations are short, often capitalised word by word, governed by a
noun or a preposition and with no verb of saying of their own; speech is longer, opens with a capital, holds a verb
and has its verb of saying after it or before it. The weights are learned (``scripts/train_quotes.py``); the
features are language-neutral: classes of the morphological tags, never words.
"""

from __future__ import annotations

from kronika.quotes.candidates import Candidate, Text
from kronika.quotes.mentions import WORD, is_verb, mentions_between, tag_class

LENGTHS = ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (20, "9-20"))


def word_bucket(count: int) -> str:
    return next((name for top, name in LENGTHS if count <= top), "21+")


def neighbour_class(text: Text, i: int) -> str:
    """The class of the token at ``i``: punctuation by itself, verbs as one class, else the tag's class."""
    if i < 0 or i >= len(text.tokens):
        return "edge"
    token = text.tokens[i]
    if not WORD.search(token.text):
        return token.text if token.text in {":", ",", ".", "(", ")", "-", "–", "—"} else "punct"
    if is_verb(token):
        return "verb"
    return tag_class(token.tag) or "none"


def quote_features(text: Text, candidate: Candidate) -> list[str]:
    tokens, doc = text.tokens, text.doc
    a, b = candidate.first, candidate.last
    words = [t for t in tokens[a:b] if WORD.search(t.text)]
    kind = candidate.kind
    length = word_bucket(len(words))
    if candidate.verb is None:
        where = "none"
    elif candidate.verb >= b:
        where = "after" if candidate.verb - b <= 4 else "later"
    else:
        where = "before"
    lo, hi = text.sentence(a)
    paragraph_start = doc.text.rfind("\n", 0, candidate.start) + 1
    whole_line = doc.text[paragraph_start : text.paragraph_end(candidate.end)].strip(' "„”“«»-–—.') == doc.text[
        candidate.start : candidate.end
    ].strip(" .")
    capitals = sum(1 for t in words if t.text[:1].isupper())
    # A name between marks ("Haaretz", "Israel Hayom") or a name's part: a title, not speech.
    named = sum(min(b, p.end) - max(a, p.start) for p in overlapping(text, a, b))
    inside_name = named * 2 >= b - a
    marks = 1 if kind in ("marked", "open") else 0
    features = [
        f"kind={kind}",
        f"len={length}",
        f"verb={where}",
        f"kind={kind}|verb={where}",
        f"kind={kind}|len={length}",
        f"verb={where}|len={length}",
        f"prev={neighbour_class(text, a - 1 - marks)}",
        f"next={neighbour_class(text, b + marks)}",
        f"cap={words[0].text[:1].isupper() if words else False}",
        f"has_verb={any(is_verb(t) for t in words)}",
        f"ends={doc.text[candidate.end - 1 : candidate.end] in '.!?'}",
        f"line={whole_line}",
        f"line={whole_line}|verb={where}",
        f"titlecase={len(words) > 1 and capitals == len(words)}",
        f"name={inside_name}",
        f"sentence_start={a - marks <= lo}",
    ]
    if candidate.verb is not None:
        features.append(f"verb_lemma={text.lemmas[candidate.verb]}")
    if text.data.THAT & set(text.lemmas[lo:a]):
        features.append("in_reported_speech")
    if a >= 2 and tokens[a - 2].text == ":" or a >= 1 and tokens[a - 1].text == ":":
        features.append("after_colon")
    return features


def overlapping(text: Text, a: int, b: int) -> list:
    """The mentions that share a token with [a, b): those starting in it, or up to the longest mention's length
    before it (found by bisection, so each quote candidate costs its own length, not the article's)."""
    longest = text.memo.get("longest")
    if longest is None:
        longest = text.memo["longest"] = max((p.end - p.start for p in text.placed), default=0)
    return [p for p in mentions_between(text.placed, text.mention_starts, a - longest, b) if a < p.end]
