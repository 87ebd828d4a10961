"""The name tagger's token sums and Viterbi (``kronika.stages.crf``) compiled by numba: the same additions in the
same order, so the same labels to the bit.

``CrfModel.tag_windows`` in numpy builds index arrays for every row of every token and adds the k-th row of all
tokens in step k, and its Viterbi makes some six array operations per step of the longest sentence: about 3 ms of
a warm article, most of it numpy calls on small arrays. Here a token's sum is its type's own sum plus each row of
its neighbours' tuples and its further strings, one after another (numpy's ``sum_in_order`` adds them in that
order too, with zero rows where an item has fewer: adding 0 changes no sum), and Viterbi is CRFsuite's loop: the
first of equal maxima wins.

Import only through ``kronika.parse.jit.crf_kernel``, which uses the parser's numba cache directory.
"""

from __future__ import annotations

import numba
import numpy as np


@numba.njit(cache=True)
def window_sums(
    state,
    own,
    number,
    flat,
    slot_start,
    slot_len,
    offsets,
    edge_rows,
    edge_start,
    edge_len,
    lengths,
    extras,
    extra_counts,
):
    """Per token, its type's own sum (``own[number[i]]``), then for each offset the rows of the tuple its
    neighbour there passes (``flat[slot_start:slot_start + slot_len]`` of the neighbour's type, or the edge rows
    where there is no neighbour), then its further strings' rows (``extras``, ``extra_counts`` a token), each
    added in turn."""
    n = number.shape[0]
    width = state.shape[1]
    total = np.empty((n, width))
    i = 0
    extra = 0
    for length in lengths:
        for position in range(length):
            row = total[i]
            row[:] = own[number[i]]
            for k in range(offsets.shape[0]):
                there = position + offsets[k]
                if 0 <= there < length:
                    kind = number[i + offsets[k]]
                    start, count = slot_start[kind, k], slot_len[kind, k]
                    for r in range(start, start + count):
                        source = state[flat[r]]
                        for c in range(width):
                            row[c] += source[c]
                else:
                    for r in range(edge_start[k], edge_start[k] + edge_len[k]):
                        source = state[edge_rows[r]]
                        for c in range(width):
                            row[c] += source[c]
            for r in range(extra, extra + extra_counts[i]):
                source = state[extras[r]]
                for c in range(width):
                    row[c] += source[c]
            extra += extra_counts[i]
            i += 1
    return total


@numba.njit(cache=True)
def viterbi(state, lengths, into):
    """CRFsuite's Viterbi for each sentence in turn: ``score[t][j] = max_i(score[t-1][i] + into[j][i]) +
    state[t][j]``, the first ``i`` winning a tie, and the best last label the first of equal scores. The labels
    of all sentences one after another."""
    width = into.shape[0]
    labels = np.zeros(state.shape[0], dtype=np.intp)
    longest = 0
    for length in lengths:
        longest = max(longest, length)
    back = np.zeros((max(longest, 1), width), dtype=np.intp)
    score = np.empty(width)
    fresh = np.empty(width)
    first = 0
    for length in lengths:
        if length == 0:
            continue
        score[:] = state[first]
        for t in range(1, length):
            for j in range(width):
                best = score[0] + into[j, 0]
                chosen = 0
                for i in range(1, width):
                    value = score[i] + into[j, i]
                    if value > best:
                        best = value
                        chosen = i
                back[t, j] = chosen
                fresh[j] = best + state[first + t, j]
            score[:] = fresh
        current = 0
        for j in range(1, width):
            if score[j] > score[current]:
                current = j
        for t in range(length - 1, -1, -1):
            labels[first + t] = current
            if t:
                current = back[t, current]
        first += length
    return labels


@numba.njit(cache=True)
def type_rows(state, table, base, sizes, kinds, positions, position_counts):
    """``CrfModel._add_types`` for the new types of a document: each type is ``kinds`` groups of strings, one type
    after another (``sizes`` strings a group, their numbers in ``base``, the rows of a number in ``table``: its own
    in column 0, under the prefix of slot s in column s + 1, -1 where the model has none). Per type the sum of its
    own rows added one after another from 0, the rows it passes to each slot's neighbour (for each slot the groups
    ``positions[slot, :position_counts[slot]]`` in that order), one type and slot after another, and how many each
    slot has."""
    n_types = sizes.shape[0] // kinds
    width = state.shape[1]
    slots = positions.shape[0]
    start = np.zeros(sizes.shape[0] + 1, dtype=np.intp)
    for g in range(sizes.shape[0]):
        start[g + 1] = start[g] + sizes[g]
    sums = np.zeros((n_types, width))
    counts = np.zeros((n_types, slots), dtype=np.intp)
    rows = np.empty(base.shape[0] * slots, dtype=np.intp)
    m = 0
    for t in range(n_types):
        total = sums[t]
        for r in range(start[t * kinds], start[(t + 1) * kinds]):
            own = table[base[r], 0]
            if own >= 0:
                source = state[own]
                for c in range(width):
                    total[c] += source[c]
        for s in range(slots):
            for q in range(position_counts[s]):
                group = t * kinds + positions[s, q]
                for r in range(start[group], start[group + 1]):
                    found = table[base[r], s + 1]
                    if found >= 0:
                        rows[m] = found
                        m += 1
                        counts[t, s] += 1
    return sums, rows[:m], counts
