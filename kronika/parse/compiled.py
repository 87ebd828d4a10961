"""The move model as integer arrays for the compiled loop (``kronika.parse.kernel``), and the Python around it.

``ExactMoves`` (``kronika.parse.greedy``) decides with Python integers, about 10 us per transition. Here the
same model is a matrix of scaled integer weights (row 0 all zeros: a feature the model lacks), tables that
give each form, lemma, tag and class its rows in the single templates and its key part ids, and a hash table
of the combinations. Per document, Python only looks each word's four strings up once; the compiled loop
makes every move of every sentence. A close call (``kronika.parse.exact``) comes back here and is decided
the reference's way, from the same weights in float32, as ``ExactMoves._reference`` does.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np

from kronika.parse import keys, wordtypes
from kronika.parse.exact import SCALE, bounded
from kronika.parse.features import Words, move_features
from kronika.parse.greedy import _BY_CLASS, _BY_FORM, _BY_LEMMA, _BY_TAG, ExactMoves, _bucket, _dependents
from kronika.parse.perceptron import Perceptron
from kronika.parse.system import State

# Where a single template's value finds its row: (which of the four value tables, which column).
_AT = {
    name: (t, c) for t, names in enumerate((_BY_FORM, _BY_LEMMA, _BY_TAG, _BY_CLASS)) for c, name in enumerate(names)
}
_TRIGRAM = "n0t,n1t,n2t"


def compact(model: Perceptron, kernel: ModuleType) -> tuple:
    """A move model with float16 weights in the form ``CompiledMoves`` is made from, in marshal's types: its
    classes; per attribute (form, lemma, tag, class) each value's index and the table of rows by index
    (bytes, int64, with its number of columns); the bias row; the part vocabulary and width; the base of
    trigram keys; the weights (bytes, classes and bound per row); the hash table (bytes)."""
    ordered = sorted(model.features, key=model.features.get)
    moves = ExactMoves.of(model.classes, {feature: row for row, feature in enumerate(ordered, start=1)})
    scaled = np.rint(bounded(model.weights)[:-1] * SCALE).astype(np.int64)
    weights = np.vstack([np.zeros((1, scaled.shape[1]), dtype=np.int64), scaled])
    k = moves.width
    # A tag's trigram id: the trigram template's keys are made of them, as combinations' of part ids.
    trigrams = [(parts, row) for value, row in moves.single[_TRIGRAM].items() for parts in keys.splits(value, 3)]
    trigram_ids: dict[str, int] = {}
    for parts, _ in trigrams:
        for part in parts:
            trigram_ids.setdefault(part, len(trigram_ids) + 1)
    tri = len(trigram_ids) + 1
    if k**3 * (kernel.TEMPLATES + 1) >= 2**63 or tri**3 > k**3:
        raise ValueError(f"move model: {k} key parts are too many for the compiled decoder's keys")
    tags = {
        tag: (*moves._by_value[2].get(tag, (0,) * (len(_BY_TAG) + 1)), trigram_ids.get(tag, 0))
        for tag in {*moves._by_value[2], *trigram_ids}
    }
    indexes, tables = [], []
    widths = (len(_BY_FORM), len(_BY_LEMMA) + 1, len(_BY_TAG) + 2, len(_BY_CLASS))
    for values, width in zip((moves._by_value[0], moves._by_value[1], tags, moves._by_value[3]), widths):
        names = sorted(values)
        indexes.append({name: i for i, name in enumerate(names, start=1)})
        table = np.zeros((len(names) + 1, width), dtype=np.int64)
        if names:
            table[1:] = [values[name] for name in names]
        tables.append((table.tobytes(), width))
    found = {t * k**3 + key: row for t, name in enumerate(keys.ARITY) for key, row in moves.tables[name].items()}
    for parts, row in trigrams:
        a, b, c = (trigram_ids[p] for p in parts)
        found[kernel.TEMPLATES * k**3 + (a * tri + b) * tri + c] = row
    table = np.full((1 << max(4, (2 * len(found)).bit_length()), 1 + weights.shape[1]), kernel.EMPTY, dtype=np.int64)
    wanted = np.array(list(found), dtype=np.int64)
    kernel.fill(table, wanted, weights[np.array(list(found.values()), dtype=np.int64)])
    bias = moves.single["b"].get("", 0)
    return (
        moves.classes,
        indexes,
        tables,
        bias,
        moves.vocabulary,
        k,
        tri,
        weights.tobytes(),
        weights.shape[1],
        table.tobytes(),
    )


class CompiledMoves:
    """Greedy arc-eager decoding of whole documents in compiled code; ``compact``'s value and the kernel."""

    def __init__(self, value: tuple, kernel: ModuleType):
        classes, indexes, tables, bias, vocabulary, width, tri, weights, lanes, table = value
        self.classes, self.indexes, self.bias, self.kernel = classes, indexes, bias, kernel
        self.vocabulary, self.width, self.tri = vocabulary, width, tri
        self.values = tuple(np.frombuffer(data, dtype=np.int64).reshape(-1, columns) for data, columns in tables)
        self.weights = np.frombuffer(weights, dtype=np.int64).reshape(-1, lanes)
        self.table = np.frombuffer(table, dtype=np.int64).reshape(-1, 1 + lanes)
        self.fallbacks = 0  # decisions left to the reference computation, for the curious
        ids = vocabulary.get
        self._ids = [ids(_bucket(d), 0) for d in range(11)] + [ids("-", 0), ids("False", 0), ids("True", 0)]
        self._types: wordtypes.WordTypes | None = None  # for ``heads_all``; a parser keeps its own
        self._counts = np.array(self._ids, dtype=np.int64)  # and the counts' ids after them (``_count_ids``)

    def word_tables(self) -> list[tuple[dict[str, int], int]]:
        """What ``WordTypes`` needs of this model: the index of forms, lemmas, tags and classes."""
        return list(zip(self.indexes, (wordtypes.FORM, wordtypes.LEMMA, wordtypes.TAG, wordtypes.CLASS)))

    def heads(self, words: Words, n: int) -> list[int]:
        attributes = list(zip(words.form, words.lemma, words.cls, words.case))[1:]
        return self.heads_all([attributes])[0]

    def heads_all(self, sentences: list[list[tuple[str, str, str, str]]]) -> list[list[int]]:
        """The heads of each sentence's words (1-based positions, 0 for a root)."""
        if self._types is None:
            self._types = wordtypes.WordTypes(self.word_tables())
        columns, offsets = self._types.document(sentences)
        heads = self.decode(columns, offsets, sentences).tolist()
        return [[h if h >= 0 else 0 for h in heads[a + 1 : b - 2]] for a, b in zip(offsets, offsets[1:])]

    def decode(self, columns: np.ndarray, offsets: np.ndarray, sentences: list) -> np.ndarray:
        """Heads per position (``WordTypes.document``'s layout, -1 for none) of a document whose words are
        ``columns`` (form, lemma, tag and class ids, one row each); ``sentences`` for the close calls."""
        longest = int(np.diff(offsets).max()) if len(offsets) > 1 else 3
        ids = self._count_ids(longest)
        heads = np.full(offsets[-1], -1, dtype=np.int64)
        scratch = np.zeros((5 + 2 * self.weights.shape[1], longest), dtype=np.int64)
        cursor = np.array([0, 1, 2, -1], dtype=np.int64)
        k = self.kernel
        args = (self.weights, self.table, self.values, self.width, ids, self.bias, self.tri, offsets, columns)
        while k.decode(*args, heads, scratch, cursor) == k.CLOSE:
            s = cursor[k.SENTENCE]
            n = offsets[s + 1] - offsets[s] - 3
            found = heads[offsets[s] : offsets[s] + n + 1].tolist()
            stack = scratch[0, 1 : cursor[k.DEPTH]].tolist()
            words = Words.of(sentences[s])
            cursor[k.FORCED] = self._reference(words, n, stack, int(cursor[k.NEXT]), found)
        return heads

    def _count_ids(self, longest: int) -> np.ndarray:
        """The fixed ids, then the ids of the counts 0 .. ``longest`` - 1 (at least), kept for the next document."""
        if len(self._counts) < len(self._ids) + longest:
            counts = range(max(longest, 2 * (len(self._counts) - len(self._ids))))
            self._counts = np.array(self._ids + [self.vocabulary.get(str(c), 0) for c in counts], dtype=np.int64)
        return self._counts

    def _reference(self, words: Words, n: int, stack: list[int], nxt: int, heads: list[int]) -> int:
        """The reference's own decision: its feature strings, its float32 rows summed the same way."""
        self.fallbacks += 1
        state = State(n)
        state.stack, state.next, state.heads = stack, nxt, heads
        state.lefts, state.rights = _dependents(heads, n)
        found = []
        for feature in move_features(state, words):
            name, _, value = feature.partition("=")
            row = self._weights(name, value)
            if row is not None:
                found.append(row)
        classes = len(self.classes)
        rows = (np.array(found, dtype=np.int64).reshape(len(found), -1)[:, :classes] / SCALE).astype(np.float32)
        scores = rows.sum(axis=0) if found else np.zeros(classes, dtype=np.float32)
        return int(np.where(state.legal(), scores, -np.inf).argmax())

    def _weights(self, name: str, value: str) -> np.ndarray | None:
        """The scaled weights of one feature given as its template and value strings, None if the model lacks it."""
        if name in _AT:
            table, column = _AT[name]
            row = self.values[table][self.indexes[table].get(value, 0), column]
            return self.weights[row] if row else None
        if name == "b":
            return self.weights[self.bias] if self.bias else None
        if name == _TRIGRAM:
            t, width, index = self.kernel.TEMPLATES, self.tri, self.indexes[2]
            part_ids = [
                [self.values[2][index.get(p, 0), self.kernel.TRIGRAM_ID] for p in parts]
                for parts in keys.splits(value, 3)
            ]
        else:
            t, width = list(keys.ARITY).index(name), self.width
            part_ids = [[self.vocabulary.get(p, 0) for p in parts] for parts in keys.splits(value, keys.ARITY[name])]
        for ids in part_ids:
            if all(ids):
                slot = self.kernel.find(self.table, t * self.width**3 + keys.encode(tuple(ids), width))
                if slot >= 0:
                    return self.table[slot, 1:]
        return None
