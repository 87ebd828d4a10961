"""Combination features as integers: "s0t,n0t=subst/nom,fin/sg" becomes one number made of word ids.

A feature that combines several words' attributes would otherwise be a new string per parser transition,
built and hashed. Here every part (a tag, a lemma, a distance bucket, a count) gets an id once, when the
model is loaded, and a combination of parts is the number ``((i1 * width) + i2) * width + i3``. Ids start
at 1 and 0 stands for any string the model never saw, so a key holding a 0 matches nothing, as its string
would have. Parts are joined by commas in the feature strings, and a lemma may itself hold one ("1,5"):
every way of cutting a value into the template's number of parts is registered, so a runtime combination
finds the row exactly when its joined string is the model's.
"""

from __future__ import annotations

from itertools import combinations

# Templates of the move model that combine parts, with their number of parts, in the order
# ``greedy.ExactMoves.heads`` unpacks them (``features.move_features`` makes their strings).
ARITY = {
    "s0t,n0t": 2,
    "s0l,n0t": 2,
    "s0t,n0l": 2,
    "s0l,n0l": 2,
    "s0t,n0t,n1t": 3,
    "s0ht,s0t,n0t": 3,
    "s0t,s0lt,n0t": 3,
    "s0t,s0rt,n0t": 3,
    "s0t,n0t,n0lt": 3,
    "s1t,s0t,n0t": 3,
    "d,s0t,n0t": 3,
    "d,s0l": 2,
    "d,n0l": 2,
    "s0v": 3,
    "s0h?": 3,
}


def splits(value: str, arity: int):
    """Every way to read a comma-joined value as ``arity`` parts."""
    pieces = value.split(",")
    for cuts in combinations(range(1, len(pieces)), arity - 1):
        bounds = (0, *cuts, len(pieces))
        yield tuple(",".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:]))


def encode(ids: tuple[int, ...], width: int) -> int:
    key = 0
    for i in ids:
        key = key * width + i
    return key


def keyed(templates: dict[str, dict[str, int]]) -> tuple[dict[str, int], int, dict[str, dict[int, int]]]:
    """The part vocabulary (string -> id), the width of a part, and per combining template its rows by key."""
    vocabulary: dict[str, int] = {}
    parted = {
        name: [(parts, row) for value, row in templates.get(name, {}).items() for parts in splits(value, arity)]
        for name, arity in ARITY.items()
    }
    for entries in parted.values():
        for parts, _ in entries:
            for part in parts:
                vocabulary.setdefault(part, len(vocabulary) + 1)
    width = len(vocabulary) + 1
    tables = {
        name: {encode(tuple(vocabulary[p] for p in parts), width): row for parts, row in entries}
        for name, entries in parted.items()
    }
    return vocabulary, width, tables


def lookup(vocabulary: dict[str, int], width: int, table: dict[int, int], value: str, arity: int) -> int | None:
    """The row of one value given as its string (the reference's features), or None."""
    for parts in splits(value, arity):
        ids = tuple(vocabulary.get(p, 0) for p in parts)
        if all(ids):
            row = table.get(encode(ids, width))
            if row is not None:
                return row
    return None
