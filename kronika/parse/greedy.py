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
from kronika.parse.exact import LANE, MARGIN_BITS, rows_of
from kronika.parse.features import NONE, Words, move_features
from kronika.parse.system import LEFT, REDUCE, RIGHT, SHIFT, State

_BUCKETS = [str(d) if d < 5 else "5-9" if d < 10 else "10+" for d in range(10)]
_NONE_TAG = f"{NONE[2]}/{NONE[3]}"
_ROLES = ("s1t", "s0ht", "s0lt", "s0rt", "n0lt")
# Added to a sum of packed rows, a lane's every possible value (below 2**47 in absolute value) becomes a
# positive value below 2**63: the lanes are then plain bit fields, read with a shift and a mask.
BIAS = 1 << 62
OFFSET = sum(BIAS << (lane * LANE) for lane in range(5))
MASK = (1 << LANE) - 1
# The single templates by the attribute of a word they read (the tag's last five: the other roles, ``_ROLES``).
_BY_FORM, _BY_LEMMA, _BY_CLASS = ("s0w", "n0w"), ("s0l", "n0l", "n1l"), ("s0c", "n0c")
_BY_TAG = ("s0t", "n0t", "n1t", "n2t", *_ROLES)
_ZEROS = (0,) * (len(_BY_TAG) + 1)  # a tag no table has: no rows, no id
_SINGLE = ("b", "s0w", "s0l", "s0t", "s0c", "n0w", "n0l", "n0t", "n0c", "n1t", "n1l", "n2t", *_ROLES, "n0t,n1t,n2t")


def _bucket(d: int) -> str:
    return _BUCKETS[d] if d < 10 else "10+"


class ExactMoves:
    """Greedy arc-eager decoding with a move model as packed rows: the features of one word by their value
    string (``single``: template -> value -> row), the combinations by integer key (``kronika.parse.keys``)."""

    def __init__(
        self,
        classes: list[str],
        single: dict[str, dict[str, int]],
        vocabulary: dict[str, int],
        width: int,
        tables: dict[str, dict[int, int]],
        by_value: tuple | None = None,
    ):
        self.classes, self.single = classes, single
        self.vocabulary, self.width, self.tables = vocabulary, width, tables
        self.fallbacks = 0  # decisions left to the reference computation, for the curious
        ids = vocabulary.get
        self._dist = [ids(_bucket(d), 0) for d in range(11)]
        self._no_dist, self._known = ids("-", 0), (ids("False", 0), ids("True", 0))
        self._counts = [ids(str(k), 0) for k in range(64)]
        # Per form, lemma, tag and class: its row in each single template reading it, then its key part id.
        self._by_value = by_value or tuple(
            _by_value([single.get(name, {}) for name in names], vocabulary if part else None)
            for names, part in ((_BY_FORM, False), (_BY_LEMMA, True), (_BY_TAG, True), (_BY_CLASS, False))
        )

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
        return self.classes, self.single, self.vocabulary, self.width, self.tables, self._by_value

    def heads(self, words: Words, n: int) -> list[int]:
        # Positions 0..n, then n + 1 standing for "no word" (NONE), which also lies under the root on the stack.
        none, k = n + 1, self.width
        tid, lid, own, ahead, s1t, s0ht, s0lt, s0rt, n0lt = self._positions(words, n)
        tk, lk, tkk = [t * k for t in tid], [i * k for i in lid], [t * k * k for t in tid]
        (
            st_nt,
            sl_nt,
            st_nl,
            sl_nl,
            st_nt_n1t,
            sht_st_nt,
            st_slt_nt,
            st_srt_nt,
            st_nt_nlt,
            s1t_st_nt,
            d_st_nt,
            d_sl,
            d_nl,
            valency,
            head_known,
        ) = (self.tables[name].get for name in keys.ARITY)
        dists = self._dist + self._dist[-1:] * (n - 10)  # by distance: 10 and more share a bucket
        counts = (
            self._counts
            if n < len(self._counts)
            else self._counts + [self.vocabulary.get(str(c), 0) for c in range(len(self._counts), n + 1)]
        )
        no_dist, (unknown, known) = self._no_dist, self._known
        stack, nxt = [none, 0], 1
        heads = [-1] * (n + 2)
        # Per position: its first left and last right dependent found, and how many each side.
        first_left, last_right, lefts, rights = [none] * (n + 2), [none] * (n + 2), [0] * (n + 2), [0] * (n + 2)
        while nxt <= n:
            s0, s1 = stack[-1], stack[-2]
            h = heads[s0]
            s0h = h if h > 0 else none  # the root's own head stays unknown
            s0l, s0r, n0l = first_left[s0], last_right[s0], first_left[nxt]
            b, lb, top_tag, top_lemma = tid[nxt], lid[nxt], tk[s0], lk[s0]
            pair = top_tag + b
            d = dists[nxt - s0] * k if s0 else no_dist * k
            total = (
                own[s0]
                + ahead[nxt]
                + s1t[s1]
                + s0ht[s0h]
                + s0lt[s0l]
                + s0rt[s0r]
                + n0lt[n0l]
                + st_nt(pair, 0)
                + sl_nt(top_lemma + b, 0)
                + st_nl(top_tag + lb, 0)
                + sl_nl(top_lemma + lb, 0)
                + st_nt_n1t(pair * k + tid[nxt + 1], 0)
                + sht_st_nt(tkk[s0h] + pair, 0)
                + st_slt_nt((top_tag + tid[s0l]) * k + b, 0)
                + st_srt_nt((top_tag + tid[s0r]) * k + b, 0)
                + st_nt_nlt(pair * k + tid[n0l], 0)
                + s1t_st_nt(tkk[s1] + pair, 0)
                + d_st_nt(d * k + pair, 0)
                + d_sl(d + lid[s0], 0)
                + d_nl(d + lb, 0)
                + valency((counts[lefts[s0]] * k + counts[rights[s0]]) * k + tid[s0], 0)
                + head_known((known if h >= 0 else unknown) * k * k + pair, 0)
            ) + OFFSET
            # The legal move with the highest exact score, when it leads the next by the margin; else the
            # reference decides. SHIFT and RIGHT are legal while words are left; REDUCE needs a top with a
            # head, LEFT one without; the root is never reduced nor given a head. A tie never leads.
            shift, right = total & MASK, (total >> RIGHT * LANE) & MASK
            move, best, second = (SHIFT, shift, right) if shift >= right else (RIGHT, right, shift)
            if s0:
                other, score = (REDUCE, (total >> LANE) & MASK) if h >= 0 else (LEFT, (total >> 2 * LANE) & MASK)
                if score > best:
                    move, best, second = other, score, best
                elif score > second:
                    second = score
            if (best - second) << MARGIN_BITS <= (total >> 4 * LANE) - BIAS:
                move = self._reference(words, n, stack[1:], nxt, heads[:none], _dependents(heads, n))
            if move == SHIFT:
                stack.append(nxt)
                nxt += 1
            elif move == REDUCE:
                stack.pop()
            elif move == LEFT:
                heads[s0] = nxt
                if first_left[nxt] == none:
                    first_left[nxt] = s0
                lefts[nxt] += 1
                stack.pop()
            else:
                heads[nxt] = s0
                last_right[s0] = nxt
                rights[s0] += 1
                stack.append(nxt)
                nxt += 1
        return [h if h >= 0 else 0 for h in heads[1:none]]

    def _positions(self, words: Words, n: int) -> tuple:
        """Per position and "no word" (twice): tag and lemma key parts, the stack top's own features, the next
        word's with those of the two after it, and the tag in each of the five other roles."""
        forms, lemmas, tags, classes = self._by_value
        tag_names = [f"{c}/{k}" for c, k in zip(words.cls, words.case)] + [_NONE_TAG, _NONE_TAG]
        form = [forms.get(f, (0, 0)) for f in words.form]
        lemma = [lemmas.get(le, (0,) * (len(_BY_LEMMA) + 1)) for le in (*words.lemma, NONE[1], NONE[1])]
        tag = [tags.get(g, _ZEROS) for g in tag_names]
        cls = [classes.get(c, (0, 0)) for c in words.cls]
        own = [f[0] + le[0] + g[0] + c[0] for f, le, g, c in zip(form, lemma, tag, cls)]
        bias, trigram = self.single["b"].get("", 0), self.single["n0t,n1t,n2t"].get
        ahead = [0] + [
            bias
            + form[i][1]
            + lemma[i][1]
            + tag[i][1]
            + cls[i][1]
            + lemma[i + 1][2]
            + tag[i + 1][2]
            + tag[i + 2][3]
            + trigram(f"{tag_names[i]},{tag_names[i + 1]},{tag_names[i + 2]}", 0)
            for i in range(1, n + 1)
        ]
        by_tag = list(zip(*tag))
        return (by_tag[-1], list(zip(*lemma))[-1], own, ahead, *by_tag[len(_BY_TAG) - len(_ROLES) : len(_BY_TAG)])

    def _reference(self, words: Words, n: int, stack, nxt, heads, dependents) -> int:
        """The reference's own decision: its feature strings, its float32 rows summed the same way."""
        self.fallbacks += 1
        state = State(n)
        state.stack, state.next, state.heads = stack, nxt, heads
        state.lefts, state.rights = dependents
        packed = []
        for feature in move_features(state, words):
            name, _, value = feature.partition("=")
            if name in keys.ARITY:
                row = keys.lookup(self.vocabulary, self.width, self.tables[name], value, keys.ARITY[name])
            else:
                row = self.single[name].get(value)
            if row is not None:
                packed.append(row)
        scores = (
            rows_of(packed, len(self.classes)).sum(axis=0) if packed else np.zeros(len(self.classes), dtype=np.float32)
        )
        return int(np.where(state.legal(), scores, -np.inf).argmax())


def _by_value(tables: list[dict[str, int]], ids: dict[str, int] | None) -> dict[str, tuple[int, ...]]:
    """Each value of the tables (and of ``ids``) with its row in each table, 0 where it has none, and its id."""
    values = set().union(*tables, ids or ())
    return {v: (*(t.get(v, 0) for t in tables), *((ids.get(v, 0),) if ids is not None else ())) for v in values}


def _dependents(heads: list[int], n: int) -> tuple[list[list[int]], list[list[int]]]:
    """Each position's left and right dependents in the order the moves found them (``State.lefts``): left
    ones nearest first (each LEFT takes the stack top, further left than the last), right ones left to right."""
    lefts: list[list[int]] = [[] for _ in range(n + 1)]
    rights: list[list[int]] = [[] for _ in range(n + 1)]
    for d in range(n, 0, -1):
        if heads[d] > d:
            lefts[heads[d]].append(d)
    for d in range(1, n + 1):
        if 0 <= heads[d] < d:
            rights[heads[d]].append(d)
    return lefts, rights
