"""The parser's moves at run time: the same decisions as ``move_features`` and ``Perceptron.scores``, cheaper.

Per transition the reference builds 33 feature strings and sums their float32 rows with numpy. Here the
features that depend on one word in one role (the stack top's own four, the next word's with the two after
it, the tag of the second stack word, of the top's head and outer dependents, of the next word's leftmost
dependent) are summed once per word and sentence, so a transition looks up only the 15 that pair the stack
top with the next word, and every row is one integer holding all four classes (``kronika.parse.exact``).
A decision too close for the exact sum to vouch for the float32 one goes to the reference computation.
"""

from __future__ import annotations

import numpy as np

from kronika.parse import keys
from kronika.parse.exact import MARGIN_BITS, rows_of, unpack
from kronika.parse.features import NONE, Words, move_features
from kronika.parse.system import LEFT, REDUCE, RIGHT, SHIFT, State

_BUCKETS = [str(d) if d < 5 else "5-9" if d < 10 else "10+" for d in range(10)]
_NONE_TAG = f"{NONE[2]}/{NONE[3]}"
_ROLES = ("s1t", "s0ht", "s0lt", "s0rt", "n0lt")
_SINGLE = ("b", "s0w", "s0l", "s0t", "s0c", "n0w", "n0l", "n0t", "n0c", "n1t", "n1l", "n2t", *_ROLES, "n0t,n1t,n2t")


def _bucket(d: int) -> str:
    return _BUCKETS[d] if d < 10 else "10+"


class ExactMoves:
    """Greedy arc-eager decoding with a move model as packed rows: the features of one word by their value
    string (``single``: template -> value -> row), the combinations by integer key (``kronika.parse.keys``)."""

    def __init__(self, classes: list[str], single: dict[str, dict[str, int]], vocabulary: dict[str, int],
                 width: int, tables: dict[str, dict[int, int]]):
        self.classes, self.single = classes, single
        self.vocabulary, self.width, self.tables = vocabulary, width, tables
        self.fallbacks = 0  # decisions left to the reference computation, for the curious
        ids = vocabulary.get
        self._dist = [ids(_bucket(d), 0) for d in range(11)]
        self._no_dist, self._known = ids("-", 0), (ids("False", 0), ids("True", 0))
        self._counts = [ids(str(k), 0) for k in range(64)]

    @classmethod
    def of(cls, classes: list[str], table: dict[str, int]) -> ExactMoves:
        """From one table of whole feature strings ("s0t,n0t=subst/nom,fin/sg") to packed rows."""
        templates: dict[str, dict[str, int]] = {}
        for feature, row in table.items():
            name, _, value = feature.partition("=")
            templates.setdefault(name, {})[value] = row
        single = {name: templates.get(name, {}) for name in _SINGLE}
        return cls(classes, single, *keys.keyed(templates))

    def compact(self) -> tuple:
        """What ``ExactMoves(*value)`` is made from, in marshal's types."""
        return self.classes, self.single, self.vocabulary, self.width, self.tables

    def heads(self, words: Words, n: int) -> list[int]:
        t = {name: table.get for name, table in self.single.items()}
        # Positions 0..n, then n + 1 standing for "no word" (NONE).
        lemma = [*words.lemma, NONE[1]]
        tag = [f"{c}/{k}" for c, k in zip(words.cls, words.case)] + [_NONE_TAG]
        own = [t["s0w"](f, 0) + t["s0l"](le, 0) + t["s0t"](g, 0) + t["s0c"](c, 0)
               for f, le, g, c in zip(words.form, lemma, tag, words.cls)]
        ahead = self._ahead(words, lemma, tag, n)
        s1t, s0ht, s0lt, s0rt, n0lt = ([t[role](g, 0) for g in tag] for role in _ROLES)
        ids = self.vocabulary.get
        tid, lid = [ids(g, 0) for g in tag], [ids(le, 0) for le in lemma]
        k = self.width
        kk = k * k
        g = {name: table.get for name, table in self.tables.items()}
        (st_nt, sl_nt, st_nl, sl_nl, st_nt_n1t, sht_st_nt, st_slt_nt, st_srt_nt, st_nt_nlt, s1t_st_nt, d_st_nt,
         d_sl, d_nl, valency, head_known) = (g[name] for name in keys.ARITY)
        dists, counts, known = self._dist, self._counts, self._known
        stack, nxt, none = [0], 1, n + 1
        heads = [-1] * (n + 1)
        lefts: list[list[int]] = [[] for _ in range(n + 1)]
        rights: list[list[int]] = [[] for _ in range(n + 1)]
        while nxt <= n:
            s0 = stack[-1]
            s1 = stack[-2] if len(stack) > 1 else none
            h = heads[s0]
            s0h = h if s0 and h > 0 else none
            ls, rs, ln = lefts[s0], rights[s0], lefts[nxt]
            s0l = ls[0] if ls else none
            s0r = rs[-1] if rs else none
            n0l = ln[0] if ln else none
            a, b, la, lb = tid[s0], tid[nxt], lid[s0], lid[nxt]
            pair = a * k + b
            d = dists[min(nxt - s0, 10)] if s0 else self._no_dist
            total = (own[s0] + ahead[nxt] + s1t[s1] + s0ht[s0h] + s0lt[s0l] + s0rt[s0r] + n0lt[n0l]
                     + st_nt(pair, 0) + sl_nt(la * k + b, 0) + st_nl(a * k + lb, 0) + sl_nl(la * k + lb, 0)
                     + st_nt_n1t(pair * k + tid[min(nxt + 1, none)], 0) + sht_st_nt(tid[s0h] * kk + pair, 0)
                     + st_slt_nt((a * k + tid[s0l]) * k + b, 0) + st_srt_nt((a * k + tid[s0r]) * k + b, 0)
                     + st_nt_nlt(pair * k + tid[n0l], 0) + s1t_st_nt(tid[s1] * kk + pair, 0)
                     + d_st_nt(d * kk + pair, 0) + d_sl(d * k + la, 0) + d_nl(d * k + lb, 0)
                     + valency((_count(counts, ids, len(ls)) * k + _count(counts, ids, len(rs))) * k + a, 0)
                     + head_known(known[h >= 0] * kk + pair, 0))
            move = _best(total, s0, h)
            if move is None:
                move = self._reference(words, n, stack, nxt, heads, lefts, rights)
            if move == SHIFT:
                stack.append(nxt)
                nxt += 1
            elif move == REDUCE:
                stack.pop()
            elif move == LEFT:
                heads[s0] = nxt
                lefts[nxt].append(s0)
                stack.pop()
            else:
                heads[nxt] = s0
                rights[s0].append(nxt)
                stack.append(nxt)
                nxt += 1
        return [h if h >= 0 else 0 for h in heads[1:]]

    def _ahead(self, words: Words, lemma: list[str], tag: list[str], n: int) -> list[int]:
        """Per position as the next word: the bias, its own four features, those of the two words after it."""
        t = {name: table.get for name, table in self.single.items()}
        out, bias = [0], t["b"]("", 0)
        for i in range(1, n + 1):
            n1, n2 = min(i + 1, n + 1), min(i + 2, n + 1)
            out.append(bias + t["n0w"](words.form[i], 0) + t["n0l"](lemma[i], 0) + t["n0t"](tag[i], 0)
                       + t["n0c"](words.cls[i], 0) + t["n1t"](tag[n1], 0) + t["n1l"](lemma[n1], 0)
                       + t["n2t"](tag[n2], 0) + t["n0t,n1t,n2t"](f"{tag[i]},{tag[n1]},{tag[n2]}", 0))
        return out

    def _reference(self, words: Words, n: int, stack, nxt, heads, lefts, rights) -> int:
        """The reference's own decision: its feature strings, its float32 rows summed the same way."""
        self.fallbacks += 1
        state = State(n)
        state.stack, state.next, state.heads, state.lefts, state.rights = stack, nxt, heads, lefts, rights
        packed = []
        for feature in move_features(state, words):
            name, _, value = feature.partition("=")
            if name in keys.ARITY:
                row = keys.lookup(self.vocabulary, self.width, self.tables[name], value, keys.ARITY[name])
            else:
                row = self.single[name].get(value)
            if row is not None:
                packed.append(row)
        scores = rows_of(packed, len(self.classes)).sum(axis=0) if packed else np.zeros(len(self.classes),
                                                                                          dtype=np.float32)
        return int(np.where(state.legal(), scores, -np.inf).argmax())


def _count(ids: list[int], vocabulary, count: int) -> int:
    return ids[count] if count < len(ids) else vocabulary(str(count), 0)


def _best(total: int, s0: int, h: int) -> int | None:
    """The legal move with the highest exact score when it leads the next by the margin, else None.
    SHIFT and RIGHT are always legal while words are left; REDUCE needs a top with a head, LEFT one without;
    the root is never reduced nor given a head. Ties go to the lower move, as argmax does."""
    shift, reduce, left, right, bound = unpack(total, 5)
    best, top, second = (SHIFT, shift, right) if shift >= right else (RIGHT, right, shift)
    if s0:
        move, score = (REDUCE, reduce) if h >= 0 else (LEFT, left)
        if score > top or (score == top and move < best):
            best, top, second = move, score, top
        elif score > second:
            second = score
    return best if (top - second) << MARGIN_BITS > bound else None
