"""A suffix-rewrite guesser for Polish name forms Morfeusz does not know ("Jinpingiem" -> Jinping).

Rules are learnt by ``scripts/train_guesser.py`` from (form, lemma, tag) pairs of known names and
stored as ``kronika/models/pl-name-guesser/rules.tsv``: a form ending ``suffix`` is lemmatised by dropping
its last ``remove`` characters and appending ``add``; ``count`` is how many training lemmas showed
that rewrite with that tag. The longest suffix of a word found in the table decides.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kronika.caches import WORD_TYPES
from kronika.errors import KronikaError
from kronika.models import model_dir, rebuild_hint

MODEL_DIR = model_dir("pl-name-guesser")
RULES_FILE = "rules.tsv"
META_FILE = "meta.json"

# A rewrite needs this many stem characters before it, so "em" alone never decides.
CONTEXT_CHARS = (1, 2, 3, 4)
MIN_RULE_COUNT = 2
MAX_REWRITES_PER_SUFFIX = 6
# Training pairs are whole paradigms, where the nominative is one form in seven; in text a name
# stands in the nominative about a third of the time, so the unchanged form is weighted up.
IDENTITY_WEIGHT = 3.0


@dataclass(frozen=True, slots=True)
class Guess:
    lemma: str
    tag: str
    score: float


def rewrite_of(form: str, lemma: str) -> tuple[int, str]:
    """How many final characters of ``form`` to drop and what to append to reach ``lemma``."""
    common = 0
    for a, b in zip(form, lemma):
        if a != b:
            break
        common += 1
    return len(form) - common, lemma[common:]


def learn_rules(pairs: Iterable[tuple[str, str, str]]) -> list[tuple[str, int, str, str, int]]:
    """Suffix rules (suffix, remove, add, tag, count) from (form, lemma, tag) training pairs."""
    counts: dict[str, Counter] = defaultdict(Counter)
    # Sorted, so ties between rewrites break the same way on every run and the rules file is stable.
    for form, lemma, tag in sorted(set(pairs)):
        remove, add = rewrite_of(form, lemma)
        if remove >= len(form):
            continue  # suppletive or unrelated pair: nothing a suffix rule can learn from it
        low = form.lower()
        for context in CONTEXT_CHARS:
            size = remove + context
            if size > len(form):
                break
            # "^" marks a suffix that is the whole word, so short names get exact rules.
            key = ("^" + low) if size == len(form) else low[-size:]
            counts[key][(remove, add, tag)] += 1
    rules = []
    for suffix in sorted(counts):
        top = counts[suffix].most_common(MAX_REWRITES_PER_SUFFIX)
        for (remove, add, tag), count in top:
            if count >= MIN_RULE_COUNT:
                rules.append((suffix, remove, add, tag, count))
    return rules


class SuffixGuesser:
    def __init__(self, rules: Iterable[tuple[str, int, str, str, int]]):
        self.rules: dict[str, list[tuple[int, str, str, int]]] = defaultdict(list)
        for suffix, remove, add, tag, count in rules:
            self.rules[suffix].append((int(remove), add, tag, int(count)))
        self.max_suffix = max((len(s) for s in self.rules), default=0)
        self.guess = lru_cache(maxsize=WORD_TYPES)(self._guess)

    def _guess(self, word: str) -> tuple[Guess, ...]:
        low = word.lower()
        keys = ["^" + low] + [low[-size:] for size in range(min(len(low), self.max_suffix), 0, -1)]
        for key in keys:
            options = self.rules.get(key)
            if not options:
                continue
            weighted = [(r, a, t, c * (IDENTITY_WEIGHT if r == 0 and not a else 1.0)) for r, a, t, c in options]
            total = sum(count for *_, count in weighted)
            scores: Counter = Counter()
            for remove, add, tag, count in weighted:
                stem = word[: len(word) - remove]
                if len(stem) < 2:
                    continue
                # Endings are lower case even when the training lemma had a capital inside it.
                ending = add if word.isupper() else add.lower()
                scores[(stem + ending, tag)] += count / total
            if scores:
                return _merge_genders(scores)
        return ()


GENDERS = ("m1", "m2", "m3", "f", "n")


def _merge_genders(scores: Counter) -> tuple[Guess, ...]:
    """One guess per lemma and reading, its genders joined: a form rarely shows its gender."""
    merged: dict[tuple[str, str], tuple[set[str], float]] = {}
    for (lemma, tag), score in scores.items():
        fields = tag.split(":")
        at = next((i for i, f in enumerate(fields) if f.split(".")[0] in GENDERS), None)
        genders = set(fields[at].split(".")) if at is not None else set()
        if at is not None:
            fields[at] = "*"
        key = (lemma, ":".join(fields))
        old_genders, old_score = merged.get(key, (set(), 0.0))
        merged[key] = (old_genders | genders, old_score + score)
    guesses = []
    for (lemma, pattern), (genders, score) in merged.items():
        gender = ".".join(g for g in GENDERS if g in genders)
        guesses.append(Guess(lemma, pattern.replace("*", gender), score))
    guesses.sort(key=lambda g: -g.score)
    return tuple(guesses)


def read_rules(path: Path) -> list[tuple[str, int, str, str, int]]:
    rules = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            suffix, remove, add, tag, count = line.rstrip("\n").split("\t")
            rules.append((suffix, int(remove), add, tag, int(count)))
    return rules


def write_rules(path: Path, rules: list[tuple[str, int, str, str, int]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write("# suffix\tremove\tadd\ttag\tcount\n")
        for suffix, remove, add, tag, count in rules:
            f.write(f"{suffix}\t{remove}\t{add}\t{tag}\t{count}\n")


def load_guesser(model_dir: Path = MODEL_DIR) -> SuffixGuesser:
    path = model_dir / RULES_FILE
    if not path.exists():
        raise KronikaError(
            "E103",
            f"name guesser rules not found at {path}; {rebuild_hint('python scripts/train_guesser.py')}",
        )
    return SuffixGuesser(read_rules(path))


def guesser_meta(model_dir: Path = MODEL_DIR) -> dict:
    return json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
