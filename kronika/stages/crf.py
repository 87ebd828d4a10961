"""A CRFsuite model file read into arrays, and CRFsuite's Viterbi tagging over them in numpy.

Why: handing python-crfsuite a sentence converts every feature string of every token (about 65 a token) into
a C++ object and looks it up in the model's string database, which was half the name stage's cost. Here a
word type's feature strings are looked up once (``tag_many`` takes them as the tuples
``ner_features.sentence_parts`` caches per type), all sentences of a document are scored together, and the
arithmetic is the tagger's own, in the same order, so the labels are the same to the bit. ``tag_windows`` takes
a token as its word type and its neighbours' types (``ner_features.sentence_windows``): a type's strings are
translated once per process, each string once for its own row and its rows under every neighbour's prefix (the
pack declares which kinds of strings a type passes to which neighbour), and every token's rows are put together
for the whole document by array indexing, not tuple by tuple in Python:

- a token's score for a label is 0 plus the weight of each of its features, added one after another in the
  order the features are listed (``kronika.rowsums``; a string the model does not know adds nothing, one
  listed twice counts twice);
- Viterbi: ``score[t][j] = max_i(score[t-1][i] + trans[i][j]) + state[t][j]``, the first ``i`` winning a
  tie, and the best last label the first of equal scores (CRFsuite's ``crf1dc_viterbi``).

``tests/stages/test_crf.py`` checks the labels against python-crfsuite's on the shipped model.

File layout (CRFsuite's ``crf1d_model.c``, little-endian): a header ("lCRF", size, "FOMC", version, counts of
features, labels and attributes, offsets of the feature chunk, the label and attribute string databases, and
the reference chunks); the feature chunk ("FEAT", size, count, then per feature its type: 0 a state feature
attribute -> label, 1 a transition label -> label, source, destination and a float64 weight); a string database
(CQDB: "CQDB", size, flag, byte order, count and offset of its id -> record table; a record is id, byte length
with the closing NUL, the UTF-8 bytes).
"""

from __future__ import annotations

import struct
import sys
from functools import lru_cache
from itertools import accumulate, chain, count, islice, repeat
from operator import itemgetter
from pathlib import Path

import numpy as np

from kronika.caches import WORD_TYPES
from kronika.rowsums import sum_in_order

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
STATE, TRANSITION = 0, 1
PARTS_PER_TYPE = 8


class CrfModel:
    """A linear-chain CRF's labels, attribute index (string -> row), state weights (a row per attribute, a
    column per label, then a row of zeros) and transition weights (``trans[i][j]``: from label i to j)."""

    def __init__(self, path: Path):
        data = path.read_bytes()
        if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
            raise ValueError(f"{path} is not a CRFsuite linear-chain model")
        _, n_labels, n_attrs, off_features, off_labels, off_attrs = struct.unpack_from("<6I", data, 16)
        self.labels = _strings(data, off_labels, n_labels)
        self.index = dict(zip(_strings(data, off_attrs, n_attrs), range(n_attrs)))
        self.unknown = n_attrs  # the row of zeros: what a string the model does not know stands for
        if data[off_features : off_features + 4] != b"FEAT":
            raise ValueError(f"{path}: no feature chunk at offset {off_features}")
        (count,) = struct.unpack_from("<I", data, off_features + 8)
        features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
        state = features[features["type"] == STATE]
        self.state = np.zeros((n_attrs + 1, n_labels))
        self.state[state["src"], state["dst"]] = state["weight"]
        # CRFsuite keeps one feature per attribute and label, and none of weight 0: else a sum would differ.
        if np.count_nonzero(self.state) != len(state):
            raise ValueError(f"{path}: an attribute has two features for one label, or one of weight 0")
        trans = features[features["type"] == TRANSITION]
        self.trans = np.zeros((n_labels, n_labels))
        self.trans[trans["src"], trans["dst"]] = trans["weight"]
        self._into = self.trans.T.copy()  # into[j][i]: from label i to label j, so a maximum runs along a row
        # A word type gives a tuple of its own and one for each neighbour it passes features to.
        self._translate = lru_cache(maxsize=PARTS_PER_TYPE * WORD_TYPES)(self._rows_of)
        self._firsts: dict[int, tuple[tuple[str, ...], np.ndarray]] = {}  # id of a first tuple: it, its sum
        self._rows: dict[int, tuple[tuple[str, ...], np.ndarray]] = {}  # id of a later tuple: it, its rows
        # Per what types pass (``tag_windows``' ``passed``), the id of a word type's tuples: them, their rows.
        self._types: dict[tuple, dict[int, tuple]] = {}
        self._passed: dict[tuple, tuple[np.ndarray, dict[str, int]]] = {}  # ``_passed_rows``'s, per ``passed``

    def _rows_of(self, features: tuple[str, ...]) -> tuple[int, ...]:
        return tuple([a for a in map(self.index.get, features) if a is not None])

    def tag(self, sequence: list[list[str]]) -> list[str]:
        """The best label sequence for one feature list per token."""
        return self.tag_many([[((), row) for row in sequence]])[0]

    def tag_many(self, sequences: list[list[tuple[list[tuple[str, ...]], list[str]]]]) -> list[list[str]]:
        """``tag`` of many sentences at once, each token's feature list given as (tuples, further strings), the
        list being the tuples' strings and then the further ones: a tuple met again (a word type's) is
        translated once, and the sum of a token's first tuple (its own word type's features, which open its
        list) is worked out once: a token's sum starts from it and goes on with the rest in order, as adding
        one weight after another from 0 does."""
        tokens = [token for sequence in sequences for token in sequence]
        starts, pieces, piece_counts, extras, extra_counts = self._gather(tokens)
        counts = np.add(piece_counts, extra_counts)
        ends = np.cumsum(counts)
        rows = np.empty(int(ends[-1]) if len(ends) else 0, dtype=np.intp)
        _scatter(rows, ends - counts, np.frombuffer(b"".join(pieces), dtype=np.intp), piece_counts)
        _scatter(rows, ends - counts + piece_counts, extras, extra_counts)
        # Each token's weights added one after another in the order of its features: the tagger's sums (a
        # string the model does not know adds the zero row, which changes no sum).
        state = sum_in_order(self.state, rows, counts, zero=self.unknown, initial=starts)
        lengths = [len(sequence) for sequence in sequences]
        return [[self.labels[k] for k in path] for path in self._viterbi(state, lengths)]

    def tag_windows(self, sentences: list, offsets: tuple[int, ...], edges: tuple, passed: tuple) -> list[list[str]]:
        """``tag_many`` of sentences given as word types: per sentence (types, further) with, per token, its word
        type (a tuple of its own features per kind) and its further strings. A token's list is its type's strings
        of every kind in order, then for each of ``offsets`` what the neighbour there passes (``passed[k]``: a
        prefix and the positions of the kinds passed, whose strings are written after the prefix; ``edges[k]``
        when there is no such neighbour, or nothing when that is None), then the further strings: the same list
        ``tag_many`` is given by tuples, put together here for a whole document in array operations. Each type
        is translated once (``_windows``) and the token sums are ``tag_many``'s."""
        types = [t for sentence, _ in sentences for t in sentence]
        lengths = [len(sentence) for sentence, _ in sentences]
        if not types:
            return [[] for _ in sentences]
        number, own, flat, slot_start, slot_len = self._windows(types, passed)
        further = [f for _, rows in sentences for f in rows]
        extra_counts = np.fromiter(map(len, further), dtype=np.intp, count=len(further))
        extras = np.fromiter(map(self.index.get, chain.from_iterable(further), repeat(self.unknown)), dtype=np.intp)
        edge_rows = [np.array(self._translate(e) if e is not None else (), dtype=np.intp) for e in edges]
        edge_start = len(flat) + np.cumsum([0, *map(len, edge_rows[:-1])])
        kernel = _compiled()
        if kernel is not None:
            edge_len = np.array(list(map(len, edge_rows)), dtype=np.intp)
            state = kernel.window_sums(
                self.state,
                own,
                number,
                flat,
                slot_start,
                slot_len,
                np.array(offsets, dtype=np.intp),
                np.concatenate([np.zeros(0, dtype=np.intp), *edge_rows]),
                np.cumsum(edge_len) - edge_len,
                edge_len,
                np.array(lengths, dtype=np.intp),
                extras,
                extra_counts,
            )
            labels = kernel.viterbi(state, np.array(lengths, dtype=np.intp), self._into).tolist()
            ends = list(accumulate(lengths))
            return [[self.labels[k] for k in labels[end - length : end]] for end, length in zip(ends, lengths)]
        extra_base = len(flat) + sum(map(len, edge_rows))
        source = np.concatenate([flat, *edge_rows, extras])
        n = len(types)
        sentence_length = np.repeat(lengths, lengths)
        position = np.arange(n) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        starts = np.empty((n, len(offsets) + 1), dtype=np.intp)
        counts = np.empty((n, len(offsets) + 1), dtype=np.intp)
        for k, offset in enumerate(offsets):
            there = (position + offset >= 0) & (position + offset < sentence_length)
            neighbour = number[np.clip(np.arange(n) + offset, 0, n - 1)]
            starts[:, k] = np.where(there, slot_start[neighbour, k], edge_start[k])
            counts[:, k] = np.where(there, slot_len[neighbour, k], len(edge_rows[k]))
        starts[:, -1] = extra_base + np.cumsum(extra_counts) - extra_counts
        counts[:, -1] = extra_counts
        sizes = counts.ravel()
        index = np.repeat(starts.ravel() - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
        state = sum_in_order(self.state, source[index], counts.sum(axis=1), zero=self.unknown, initial=own[number])
        return [[self.labels[k] for k in path] for path in self._viterbi(state, lengths)]

    def _windows(self, types: list, passed: tuple) -> tuple:
        """The document's word types numbered in order of first use: per token its type's number, per type the
        sum of its first tuple (as ``_gather``'s ``starts``), its other tuples' rows one after another
        (``flat``), and where each tuple's rows start in ``flat`` and how many there are (a row per type, a
        column per tuple). A type is known by identity, as ``_gather``'s tuples are, and kept with its rows."""
        known = self._types.setdefault(passed, {})
        if len(known) > WORD_TYPES:
            # Drop the quarter used longest ago (a type met again moves to the end, below), not all: the entries of
            # types the feature cache has since let go stand first, while clearing all made every common word's
            # rows be worked out again after each clear, and dropping the older half by first use did so for a
            # common word every other time.
            for stale in list(islice(known, len(known) // 4)):
                del known[stale]
        # Every loop over the tokens runs in C (map, dict, numpy): a token's type is known by its id, the ids in order
        # of first use number the types, and a type's entry is moved to the end of ``known`` (used last).
        ids = list(map(id, types))
        by_id = dict(zip(ids, types))
        numbers = dict(zip(by_id, range(len(by_id))))
        number = np.fromiter(map(numbers.__getitem__, ids), dtype=np.intp, count=len(ids))
        entries = list(map(known.pop, by_id, repeat(None)))
        if None in entries:
            fresh = [t for t, entry in zip(by_id.values(), entries) if entry is None]
            known.update((i, entry) for i, entry in zip(by_id, entries) if entry is not None)
            self._add_types(fresh, passed, known)
            entries = list(map(known.__getitem__, by_id))
        else:
            known.update(zip(by_id, entries))
        sums, rows, lengths = (b"".join(map(itemgetter(k), entries)) for k in (1, 2, 3))
        own = np.frombuffer(sums, dtype=self.state.dtype).reshape(len(entries), self.state.shape[1])
        flat = np.frombuffer(rows, dtype=np.intp)
        slot_len = np.frombuffer(lengths, dtype=np.intp).reshape(len(entries), len(passed))
        slot_start = (np.cumsum(slot_len.ravel()) - slot_len.ravel()).reshape(slot_len.shape)
        return number, own, flat, slot_start, slot_len

    def _add_types(self, fresh: list, passed: tuple, known: dict[int, tuple]) -> None:
        """Keep each new type with the sum of its own strings (``_gather``'s ``starts``), the rows it passes to each
        neighbour one after another (as bytes) and how many each has. Each string of all new types of a document
        is looked up once, in a C loop (``_passed_rows``: its row and its rows under every prefix of ``passed``),
        and the rows for each neighbour are put in the order the kinds are passed; a string the model does not
        know gives no row, as in ``_translate``. The sums and rows come from the compiled loop where numba runs
        (``crf_kernel.type_rows``), else from array operations (``_type_rows``): the same numbers."""
        table, ids = self._passed_rows(passed)
        kinds = len(fresh[0])
        groups = [group for t in fresh for group in t]
        sizes = np.fromiter(map(len, groups), dtype=np.intp, count=len(groups))
        strings = chain.from_iterable(groups)
        base = np.fromiter(map(ids.get, strings, repeat(len(table) - 1)), dtype=np.intp, count=int(sizes.sum()))
        kernel = _compiled()
        if kernel is not None:
            positions, position_counts = _positions(passed)
            sums, rows, counts = kernel.type_rows(self.state, table, base, sizes, kinds, positions, position_counts)
        else:
            sums, rows, counts = self._type_rows(table, base, sizes, kinds, len(fresh), passed)
        ordered = rows.astype(np.intp, copy=False).tobytes()
        ends = (np.cumsum(counts.sum(axis=1)) * np.dtype(np.intp).itemsize).tolist()
        for t, total, lengths, start, end in zip(fresh, sums, counts.astype(np.intp), [0, *ends], ends):
            # As bytes, so that a document's entries are joined into its arrays at once (``_windows``).
            known[id(t)] = (t, total.tobytes(), ordered[start:end], lengths.tobytes())

    def _type_rows(self, table, base, sizes, kinds: int, n: int, passed: tuple) -> tuple:
        """``crf_kernel.type_rows`` in array operations: per type the sum of its own rows, the rows it passes to each
        neighbour (one type and slot after another) and how many each slot has."""
        kind = np.repeat(np.tile(np.arange(kinds), n), sizes)
        owner = np.repeat(np.arange(n).repeat(kinds), sizes)
        own = table[base, 0].astype(np.intp)
        mine = own >= 0
        sums = sum_in_order(self.state, own[mine], np.bincount(owner[mine], minlength=n), self.unknown)
        owners, rows, slots = [], [], []
        for slot, (_prefix, positions) in enumerate(passed):
            rank = np.full(kinds, kinds)
            rank[list(positions)] = np.arange(len(positions))
            chosen = np.flatnonzero(rank[kind] < kinds)
            chosen = chosen[np.argsort(owner[chosen] * (kinds + 1) + rank[kind[chosen]], kind="stable")]
            found = table[base[chosen], slot + 1]
            there = found >= 0
            owners.append(owner[chosen][there])
            rows.append(found[there])
            slots.append(np.full(int(there.sum()), slot, dtype=np.intp))
        key = np.concatenate(owners) * len(passed) + np.concatenate(slots)
        ordered = np.concatenate(rows)[np.argsort(key, kind="stable")]
        counts = np.bincount(key, minlength=n * len(passed)).reshape(n, len(passed))
        return sums, ordered, counts

    def _passed_rows(self, passed: tuple) -> tuple[np.ndarray, dict[str, int]]:
        """For every string the model knows alone or after a prefix of ``passed``: its number in the dictionary,
        and a row of the table with its attribute row alone and after each prefix (-1 where the model has none;
        the last row, all -1, stands for a string it knows in no form). Made once per process and ``passed``
        (0.05-0.1 s of CPU, 166,722 strings; 5.5 MiB of table)."""
        known = self._passed.get(passed)
        if known is not None:
            return known
        # Every loop over the 143,000 attributes runs in C (map, dict, numpy): this is part of a process's start.
        # An attribute's number is its row (``index``'s values are 0 to n - 1), so its own column is its number.
        attributes, n = list(self.index), len(self.index)
        ids = dict(self.index)
        own = np.fromiter(self.index.values(), dtype=np.intp, count=n)  # in the order of ``attributes``
        numbers, slots, rows = [], [], []
        top = n  # a string new here takes the next unused number (numbers left unused by strings known are harmless)
        by_length: dict[int, list[str]] = {}  # prefixes by length: one slice of each attribute finds its prefix
        for prefix, _positions in passed:
            by_length.setdefault(len(prefix), []).append(prefix)
        for length, prefixes in by_length.items():
            codes = {prefix: code for code, prefix in enumerate(dict.fromkeys(prefixes))}
            heads = map(itemgetter(slice(None, length)), attributes)
            head_code = np.fromiter(map(codes.get, heads, repeat(-1)), dtype=np.intp, count=n)
            for prefix, code in codes.items():
                at = np.flatnonzero(head_code == code)
                bases = map(itemgetter(slice(length, None)), map(attributes.__getitem__, at.tolist()))
                base_ids = np.fromiter(map(ids.setdefault, bases, count(top)), dtype=np.intp, count=len(at))
                top += len(at)
                for slot, (other, _positions) in enumerate(passed, 1):
                    if other == prefix:
                        numbers.append(base_ids)
                        slots.append(np.full(len(at), slot, dtype=np.intp))
                        rows.append(own[at])
        table = np.full((top + 1, len(passed) + 1), -1, dtype=np.int32)  # half the memory of intp: rows fit
        table[own, 0] = own
        if numbers:
            table[np.concatenate(numbers), np.concatenate(slots)] = np.concatenate(rows)
        known = self._passed[passed] = (table, ids)
        return known

    def _gather(self, tokens: list) -> tuple:
        """Per token, the sum its first tuple starts it with (a row of ``starts``), the row arrays of its other
        tuples (``pieces``, ``piece_counts`` rows a token) and the rows of its further strings (``extras``).

        The tuples are known by identity: an entry holds its tuple, so while it is kept no other object has
        that id (hashing a tuple would read every string in it, which costs more than the lookup saves)."""
        firsts, rows_of = self._firsts, self._rows
        if len(rows_of) > PARTS_PER_TYPE * WORD_TYPES:
            firsts.clear()
            rows_of.clear()
        if not firsts:
            firsts[0] = ((), np.zeros(self.state.shape[1]))  # no tuples: the sum starts from 0 (id is never 0)
        first_ids = [id(parts[0]) if parts else 0 for parts, _ in tokens]
        fresh = list({i: parts[0] for i, (parts, _) in zip(first_ids, tokens) if i not in firsts}.values())
        if fresh:
            rows = [self._translate(first) for first in fresh]
            sums = sum_in_order(self.state, [r for row in rows for r in row], list(map(len, rows)), self.unknown)
            firsts.update((id(first), (first, total)) for first, total in zip(fresh, sums))
        later = [part for parts, _ in tokens for part in parts[1:]]
        entries = list(map(rows_of.get, map(id, later)))
        if None in entries:
            for n, part in enumerate(later):
                if entries[n] is None:
                    rows = self._translate(part)  # as bytes: a document's are joined at once
                    entries[n] = rows_of[id(part)] = (part, np.array(rows, dtype=np.intp).tobytes(), len(rows))
        owner = np.repeat(np.arange(len(tokens)), [max(len(parts) - 1, 0) for parts, _ in tokens])
        piece_counts = np.bincount(owner, [e[2] for e in entries], minlength=len(tokens)).astype(np.intp)
        further = [f for _, f in tokens]
        extras = list(map(self.index.get, chain.from_iterable(further), repeat(self.unknown)))
        starts = np.array([firsts[i][1] for i in first_ids]).reshape(len(tokens), self.state.shape[1])
        return starts, [e[1] for e in entries], piece_counts, extras, list(map(len, further))

    def _viterbi(self, state: np.ndarray, lengths: list[int]) -> list[list[int]]:
        """CRFsuite's Viterbi for every sentence at once: the sentences longest first, so the ones still going
        at step ``t`` are the first ``active[t]``, and each step is one array operation over them."""
        order = sorted((s for s in range(len(lengths)) if lengths[s]), key=lambda s: -lengths[s])
        longest = lengths[order[0]] if order else 0
        ascending = np.sort(lengths)
        active = (len(lengths) - np.searchsorted(ascending, np.arange(longest), side="right")).tolist()
        firsts = (np.cumsum([0, *lengths[:-1]], dtype=np.intp) if lengths else np.zeros(0, dtype=np.intp))[order]
        score = state[firsts]
        into = self._into
        width = into.shape[0]
        # Where each (sentence, label) row of a step's paths starts in the flattened array: the best path's sum is
        # read at its argmax, the same number a maximum would compute again (a third of the loop's time).
        row_starts = np.arange(len(order) * width) * width
        back = []
        for t in range(1, longest):
            k = active[t]
            paths = score[:k, None, :] + into
            best = paths.argmax(axis=2)  # the first of equal maxima, as the tagger's strict comparison
            back.append(best)
            chosen = paths.reshape(-1)[row_starts[: k * width] + best.reshape(-1)].reshape(k, width)
            score[:k] = chosen + state[firsts[:k] + t]  # the maximum is the path's own sum
        # Back from each sentence's best last label (the first of equal scores), all sentences a step at a time.
        final = score.argmax(axis=1)
        labels = np.zeros((len(order), longest), dtype=np.intp)
        current = np.zeros(len(order), dtype=np.intp)
        for t in range(longest - 1, -1, -1):
            k, ending = active[t], active[t + 1] if t + 1 < longest else 0
            current[ending:k] = final[ending:k]  # the sentences whose last token is t
            labels[:k, t] = current[:k]
            if t:
                current[:k] = back[t - 1][np.arange(k), current[:k]]
        paths_out: list[list[int]] = [[] for _ in lengths]
        for rank, s in enumerate(order):
            paths_out[s] = labels[rank, : lengths[s]].tolist()
        return paths_out


def _compiled():
    """``kronika.stages.crf_kernel`` when numba is already in the process (the parser imports it), else None:
    importing numba for the name tagger alone would add 0.4 s to a one-article start without ``--parse``. The
    labels are the same either way."""
    if "numba" not in sys.modules:
        return None
    from kronika.parse import jit

    return jit.crf_kernel()


@lru_cache(maxsize=8)
def _positions(passed: tuple) -> tuple[np.ndarray, np.ndarray]:
    """The kinds each slot of ``passed`` takes, in order, as a matrix padded with 0 (the compiled loop's form), and
    how many each has."""
    counts = np.array([len(positions) for _prefix, positions in passed], dtype=np.intp)
    matrix = np.zeros((len(passed), max(counts, default=0)), dtype=np.intp)
    for slot, (_prefix, positions) in enumerate(passed):
        matrix[slot, : len(positions)] = positions
    return matrix, counts


def _scatter(rows: np.ndarray, starts, values, counts) -> None:
    """Put each item's ``values`` (``counts`` of them, items one after another) into ``rows`` from its start on."""
    counts = np.asarray(counts, dtype=np.intp)
    if counts.sum():
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        rows[np.repeat(starts, counts) + offsets] = values


def _strings(data: bytes, offset: int, count: int) -> list[str]:
    """The strings of a CQDB database in id order. CRFsuite writes the records in id order, one right after
    another: the keys (each with its closing NUL) are then cut out of the file at once and decoded as one text."""
    if data[offset : offset + 4] != b"CQDB":
        raise ValueError(f"no string database at offset {offset}")
    _size, _flag, _order, n, table = struct.unpack_from("<5I", data, offset + 4)
    if n != count:
        raise ValueError(f"string database at offset {offset} holds {n} strings, the header says {count}")
    if not n:
        return []
    records = np.frombuffer(data, dtype="<u4", count=n, offset=offset + table).astype(np.intp) + offset
    raw = np.frombuffer(data, dtype=np.uint8)
    heads = raw[records[:, None] + np.arange(8)].copy().view("<u4")  # id and byte length of each record
    lengths = heads[:, 1].astype(np.intp)
    if not np.array_equal(heads[:, 0], np.arange(n)):
        raise ValueError(f"string database at offset {offset}: records out of id order")
    if not np.array_equal(records[1:], records[:-1] + 8 + lengths[:-1]):
        return [_record(data, at) for at in records.tolist()]  # records apart: one at a time
    region = raw[records[0] : records[-1] + 8 + lengths[-1]]
    keep = np.ones(len(region), dtype=bool)
    keep[(records - records[0])[:, None] + np.arange(8)] = False  # the records' heads
    keys = region[keep].tobytes().decode("utf-8").split("\0")
    if len(keys) != n + 1 or keys[-1]:
        raise ValueError(f"string database at offset {offset}: a key holds a NUL or lacks its end")
    return keys[:-1]


def _record(data: bytes, at: int) -> str:
    _key, length = struct.unpack_from("<II", data, at)
    return data[at + 8 : at + 7 + length].decode("utf-8")
