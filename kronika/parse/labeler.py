"""Relations of a document's arcs all at once: the same labels as ``relation_features`` and
``Perceptron.scores`` per arc, as one key search, one gather and one sum over a matrix of feature rows.

Once the heads are known every arc's relation is independent of the others, so all arcs of all sentences
given are scored together in float64, exact for float16 weights (``kronika.parse.exact``); an arc whose best
relation does not lead by the margin that rules out float32 rounding is scored the reference's way. Features
are found by integer keys made of the ids of their parts (form, lemma, tag, class, case, side, distance), as
the move model's combinations are (``kronika.parse.keys``): no feature string is made per arc.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np

from kronika.parse import keys, wordtypes
from kronika.parse.exact import MARGIN_BITS, bounded
from kronika.parse.features import Words, relation_features
from kronika.parse.perceptron import Perceptron

ROOT_RELATION = "root"
# The parts of an arc (d: the dependent, h: its head, f: the dependent's first dependent), and of each
# template of ``relation_features`` but the bias, in its order of parts.
PARTS = ("dw", "dl", "dt", "dc", "dk", "hl", "ht", "hc", "side", "dist", "fl", "fc")
TEMPLATES = {
    "dw": ("dw",),
    "dl": ("dl",),
    "dt": ("dt",),
    "dc": ("dc",),
    "hl": ("hl",),
    "ht": ("ht",),
    "hc": ("hc",),
    "side": ("side",),
    "dist": ("dist",),
    "dt,ht": ("dt", "ht"),
    "dt,ht,side": ("dt", "hc", "side"),
    "dk,hl": ("dk", "hl"),
    "dl,hc": ("dl", "hc"),
    "dl,hl": ("dl", "hl"),
    "fl,dk": ("fl", "dk"),
    "fc,dt": ("fc", "dt"),
    "fl,dk,hc": ("fl", "dk", "hc"),
    "dt,side,dist": ("dt", "side", "dist"),
}
_BUCKETS = [str(d) if d < 5 else "5-9" if d < 10 else "10+" for d in range(11)]


def children_of(heads: list[int]) -> dict[int, list[int]]:
    """Dependents of each head position, in order (the head list is of words 1..n, 0 for the root)."""
    children: dict[int, list[int]] = {}
    for dependent, head in enumerate(heads, start=1):
        children.setdefault(head, []).append(dependent)
    return children


def keyed(model: Perceptron) -> tuple:
    """The relation model's features as keys: the part vocabulary, its width, the keys in order (bytes, a last
    key above all) and their rows (bytes), the bias row; in marshal's types."""
    templates: dict[str, dict[str, int]] = {}
    for feature, row in model.features.items():
        name, _, value = feature.partition("=")
        templates.setdefault(name, {})[value] = row
    unknown = set(templates) - set(TEMPLATES) - {"b"}
    if unknown:
        raise ValueError(f"relation model: templates {sorted(unknown)} are not among the labeler's")
    parted = {
        name: [
            (split, row) for value, row in templates.get(name, {}).items() for split in keys.splits(value, len(parts))
        ]
        for name, parts in TEMPLATES.items()
    }
    vocabulary: dict[str, int] = {}
    for entries in parted.values():
        for split, _ in entries:
            for part in split:
                vocabulary.setdefault(part, len(vocabulary) + 1)
    width = len(vocabulary) + 1
    if width**3 * len(TEMPLATES) >= 2**63:
        raise ValueError(f"relation model: {width} key parts are too many for int64 keys")
    combined = {
        t * width**3 + keys.encode(tuple(vocabulary[p] for p in split), width): row
        for t, entries in enumerate(parted.values())
        for split, row in entries
    }
    order = sorted(combined)
    found = np.array([*order, 2**63 - 1], dtype="<i8").tobytes()
    rows = np.array([*(combined[k] for k in order), len(model.features)], dtype="<i8").tobytes()
    return vocabulary, width, found, rows, templates.get("b", {}).get("", len(model.features))


class ExactRelations:
    """Relations by numpy sums, or with ``kernel`` (``kronika.parse.kernel``) in compiled code: the same keys,
    found in a hash table, and the same sums (``label_columns``)."""

    def __init__(self, model: Perceptron, compact: tuple | None = None, kernel: ModuleType | None = None):
        self.model = model
        self.rows = bounded(model.weights)  # features x (classes + bound), a zero row last
        self.vocabulary, width, found, rows, bias = compact if compact is not None else keyed(model)
        self.keys, self.key_rows = np.frombuffer(found, dtype="<i8"), np.frombuffer(rows, dtype="<i8")
        self.bias, self.bias_row = self.rows[bias], bias
        self.kernel, self._types = kernel, None  # word types for ``label_all``; a parser keeps its own
        if kernel is not None:
            self.table = np.full((1 << max(4, (2 * len(self.keys)).bit_length()), 2), kernel.EMPTY, dtype=np.int64)
            kernel.fill(self.table, self.keys[:-1].copy(), self.key_rows[:-1].reshape(-1, 1).copy())
        self.coefficients = np.zeros((len(TEMPLATES), len(PARTS)), dtype=np.int64)
        for t, parts in enumerate(TEMPLATES.values()):
            for power, part in enumerate(reversed(parts)):
                self.coefficients[t, PARTS.index(part)] = width**power
        self.offsets = np.arange(len(TEMPLATES), dtype=np.int64) * width**3
        ids = self.vocabulary.get
        self.sides, self.dash = (ids("L", 0), ids("R", 0)), ids("-", 0)
        self._sides = np.array(self.sides, dtype=np.int64)
        self.dists = np.array([ids(b, 0) for b in _BUCKETS], dtype=np.int64)
        self.fallbacks = 0

    def label(self, words: Words, heads: list[int]) -> list[str]:
        return self.label_all([(words, heads)])[0]

    def label_all(self, sentences: list[tuple[Words, list[int]]]) -> list[list[str]]:
        """The relation of every word of every sentence (given with its heads), all arcs scored together."""
        if self.kernel is not None:
            return self._label_compiled(sentences)
        labels = [[ROOT_RELATION] * len(heads) for _, heads in sentences]
        arcs, parts = self._arcs(sentences)
        if not len(arcs):
            return labels
        wanted = self.coefficients @ parts + self.offsets[:, None]
        at = self.keys.searchsorted(wanted)
        # A missing feature reads the zero row; the order of rows does not matter, the sums being exact.
        found = np.where(self.keys[at] == wanted, self.key_rows[at], self.rows.shape[0] - 1)
        sums = self.bias + self.rows[found[0]]
        for rows in found[1:]:
            sums += self.rows[rows]
        scores, bound = sums[:, :-1], sums[:, -1]
        best = scores.argmax(axis=1)
        top_two = np.partition(scores, -2, axis=1)[:, -2:] if scores.shape[1] > 1 else np.hstack([scores] * 2)
        decided = (top_two[:, 1] - top_two[:, 0]) * 2.0**MARGIN_BITS > bound
        classes = self.model.classes
        for (s, d, h), choice, sure in zip(arcs.tolist(), best.tolist(), decided.tolist()):
            if not sure:
                self.fallbacks += 1
                words, heads = sentences[s]
                features = relation_features(words, h, d, children_of(heads))
                choice = int(self.model.scores(features).argmax())
            labels[s][d - 1] = classes[choice]
        return labels

    def word_tables(self) -> list[tuple[dict[str, int], int]]:
        """What ``WordTypes`` needs of this model: the part ids of forms, lemmas, tags, classes and cases."""
        order = (wordtypes.FORM, wordtypes.LEMMA, wordtypes.TAG, wordtypes.CLASS, wordtypes.CASE)
        return [(self.vocabulary, attribute) for attribute in order]

    def _label_compiled(self, sentences: list[tuple[Words, list[int]]]) -> list[list[str]]:
        if self._types is None:
            self._types = wordtypes.WordTypes(self.word_tables())
        words = [list(zip(w.form, w.lemma, w.cls, w.case))[1:] for w, _ in sentences]
        columns, offsets = self._types.document(words)
        heads = np.full(offsets[-1], -1, dtype=np.int64)
        for (_, found), start in zip(sentences, offsets.tolist()):
            heads[start + 1 : start + 1 + len(found)] = found
        return self.label_columns(columns, offsets, heads, words)

    def label_columns(self, columns: np.ndarray, offsets: np.ndarray, heads: np.ndarray, sentences: list) -> list:
        """The relations of a document in ``WordTypes.document``'s layout (``columns``: form, lemma, tag,
        class and case ids, one row each) with its heads per position (as ``CompiledMoves.decode`` leaves
        them); ``sentences``, each word's attributes, for the close calls."""
        out = np.empty((2, offsets[-1]), dtype=np.int64)
        self.kernel.label(
            self.table, self.rows, self.bias_row, self.coefficients, self.offsets, self.dists,
            self._sides, self.dash, offsets, columns, heads, out,
        )  # fmt: skip
        # A word with a head takes its best relation, a root the last name; the close calls are redone below.
        names = (*self.model.classes, ROOT_RELATION)
        choices = np.where(heads > 0, out[0], len(names) - 1).tolist()
        unsure = np.flatnonzero((out[1] == 0) & (heads > 0)).tolist()
        if unsure:
            self._close_calls(unsure, choices, offsets, heads, sentences)
        pick = names.__getitem__
        bounds = offsets.tolist()  # a sentence: its root, its words, two "no word"
        return [list(map(pick, choices[a + 1 : b - 2])) for a, b in zip(bounds, bounds[1:])]

    def _close_calls(self, unsure: list[int], choices: list[int], offsets: np.ndarray, heads: np.ndarray, sentences):
        """The reference's relation at each position of ``unsure`` (a close call of the compiled sums), in place."""
        found = heads.tolist()
        memo: dict[int, tuple] = {}  # per sentence: its words and heads, made once
        for p in unsure:
            s = int(np.searchsorted(offsets, p, side="right")) - 1
            start, attributes = int(offsets[s]), sentences[s]
            if s not in memo:
                tree = [max(h, 0) for h in found[start + 1 : start + 1 + len(attributes)]]
                memo[s] = Words.of(attributes), tree, children_of(tree)
            words, tree, children = memo[s]
            d = p - start
            self.fallbacks += 1
            choices[p] = int(self.model.scores(relation_features(words, tree[d - 1], d, children)).argmax())

    def _arcs(self, sentences: list[tuple[Words, list[int]]]) -> tuple[np.ndarray, np.ndarray]:
        """Every arc but the roots' as (sentence, dependent, head), and the ids of its ``PARTS`` (rows)."""
        ids = self.vocabulary.get
        forms, lemmas, tags, classes, cases, heads, sentence, position = [], [], [], [], [], [], [], []
        for s, (words, found) in enumerate(sentences):
            forms += words.form
            lemmas += words.lemma
            tags += [f"{c}/{k}" for c, k in zip(words.cls, words.case)]
            classes += words.cls
            cases += words.case
            heads += [-1, *found]  # the root, then its words
            sentence += [s] * len(words.form)
            position += range(len(words.form))
        head, at = np.array(heads, dtype=np.int64), np.array(position, dtype=np.int64)
        dependent = np.flatnonzero(head > 0)  # positions in the concatenation; a head is its sentence's
        governor = dependent - at[dependent] + head[dependent]
        # Each word's first dependent (its leftmost): where a head first occurs, dependents being in order.
        first = np.full(len(heads) + 1, len(heads), dtype=np.int64)  # one past the end: "-" for none
        value, index = np.unique(governor, return_index=True)
        first[value] = dependent[index]
        lemma = np.array([*(ids(le, 0) for le in lemmas), self.dash], dtype=np.int64)
        cls = np.array([*(ids(c, 0) for c in classes), self.dash], dtype=np.int64)
        tag, case = np.array([ids(g, 0) for g in tags], dtype=np.int64), np.array([ids(k, 0) for k in cases])
        form = np.array([ids(f, 0) for f in forms], dtype=np.int64)
        distance = np.minimum(np.abs(governor - dependent), 10)
        f = first[dependent]
        parts = np.stack(
            [
                form[dependent],
                lemma[dependent],
                tag[dependent],
                cls[dependent],
                case[dependent],
                lemma[governor],
                tag[governor],
                cls[governor],
                np.where(dependent < governor, self.sides[0], self.sides[1]),
                self.dists[distance],
                lemma[f],
                cls[f],
            ]
        )
        arcs = np.stack([np.array(sentence, dtype=np.int64)[dependent], at[dependent], head[dependent]], axis=1)
        return arcs, parts
