"""Sentences of a CoNLL-U treebank as the parser trains on them: surface tokens, heads, relations.

A multiword token ("zrobiłem" = "zrobił" + "em") becomes one word, as the pipeline's tokenizer leaves it:
the word of the range whose head lies outside the range stands for it, and arcs into the other words of the
range are redirected to it. Relations keep their universal part ("obl:arg" -> "obl"). Empty nodes are
skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class TreeSentence:
    forms: list[str]
    heads: list[int]  # per word, 1-based position of its head, 0 for the root
    relations: list[str]


def read_conllu(path: Path):
    """Yield the sentences of a CoNLL-U file; a malformed line raises ValueError naming file and line."""
    rows: list[list[str]] = []
    ranges: list[tuple[int, int, str]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield _sentence(rows, ranges)
                rows, ranges = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}:{number}: expected 10 tab-separated columns, found {len(cols)}")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                first, last = cols[0].split("-")
                ranges.append((int(first), int(last), cols[1]))
                continue
            rows.append(cols)
    if rows:
        yield _sentence(rows, ranges)


def _sentence(rows: list[list[str]], ranges: list[tuple[int, int, str]]) -> TreeSentence:
    heads = {int(r[0]): int(r[6]) for r in rows}
    forms = {int(r[0]): r[1] for r in rows}
    relations = {int(r[0]): r[7].split(":")[0] for r in rows}
    stands_for: dict[int, int] = {i: i for i in heads}
    for first, last, surface in ranges:
        members = range(first, last + 1)
        main = next((i for i in members if not first <= heads[i] <= last), first)
        for i in members:
            stands_for[i] = main
        forms[main] = surface
    kept = sorted(set(stands_for.values()))
    position = {old: new for new, old in enumerate(kept, start=1)}
    out_heads = [position[stands_for[heads[i]]] if heads[i] else 0 for i in kept]
    return TreeSentence([forms[i] for i in kept], out_heads, [relations[i] for i in kept])
