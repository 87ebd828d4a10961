"""The greedy move loop compiled by numba: ``kronika.parse.greedy.ExactMoves.heads`` over integer arrays.

The same decisions, step for step: weights as scaled integers (float16 values times 2**24, so sums are exact
in int64), the single features of each position summed once per sentence, and the combinations found in an
open-addressing hash table of their integer keys (``kronika.parse.keys``; template t's keys are offset by
t * width**3) whose entries hold the key and the weights themselves, one cache line per lookup. A decision
whose best score does not lead by the margin goes back to Python, which asks the reference and resumes the
loop with that move (``decode``'s ``cursor``).

Import only through ``kronika.parse.jit``, which picks numba's cache directory before numba is imported.
"""

from __future__ import annotations

import numba
import numpy as np

from kronika.parse.exact import MARGIN_BITS
from kronika.parse.system import LEFT, REDUCE, RIGHT, SHIFT

EMPTY = -1  # the key of a free slot of the hash table (keys are never negative)
# Columns of the value tables (``kronika.parse.compiled``): a form's rows in s0w and n0w; a lemma's in s0l,
# n0l, n1l, then its key part id; a tag's in s0t n0t n1t n2t s1t s0ht s0lt s0rt n0lt, its part id, its
# trigram id; a class's in s0c and n0c.
S1T, S0HT, S0LT, S0RT, N0LT, TAG_ID, TRIGRAM_ID, LEMMA_ID = 4, 5, 6, 7, 8, 9, 10, 3
# The rows of a document's words (their value table indexes), one column per position.
FORM, LEMMA, TAG, CLASS = range(4)
TEMPLATES = 15  # combination templates (``keys.ARITY``); the trigram of tags comes after them
# Cursor fields: the sentence being decoded, its next word, stack depth, and a move forced by the reference
# (-1: none); ``decode`` leaves the state of a close call in them and in the scratch arrays.
SENTENCE, NEXT, DEPTH, FORCED = range(4)
CLOSE, DONE = 1, 0


@numba.njit(cache=True)
def slot(key, mask):
    """The hash table slot a key's search starts at. No product leaves int64 (keys are not negative), so
    numba and plain Python compute the same slot."""
    x = key ^ (key >> 29)
    mixed = (x & 0x3FFFFFFF) * 0x9E3779B1 + ((x >> 30) & 0x3FFFFFFF) * 0x85EBCA77 + (x >> 60)
    return (mixed >> 20) & mask


@numba.njit(cache=True)
def find(table, key):
    """The slot holding ``key``, or -1."""
    mask = table.shape[0] - 1
    i = slot(key, mask)
    while True:
        k = table[i, 0]
        if k == key:
            return i
        if k == EMPTY:
            return -1
        i = (i + 1) & mask


@numba.njit(cache=True)
def fill(table, keys, weights):
    """Put each key with its weights (a row of ``weights``) into the empty hash table."""
    mask = table.shape[0] - 1
    for j in range(keys.shape[0]):
        i = slot(keys[j], mask)
        while table[i, 0] != EMPTY:
            i = (i + 1) & mask
        table[i, 0] = keys[j]
        table[i, 1:] = weights[j]


@numba.njit(cache=True)
def _add_found(acc, table, key):
    i = find(table, key)
    if i >= 0:
        for c in range(acc.shape[0]):
            acc[c] += table[i, c + 1]


@numba.njit(cache=True)
def _add_all(acc, table, wanted, touched):
    """Add the weights of every key found: first one read of each key's first slot, independent of each
    other, so the processor waits for their cache misses together rather than one after another."""
    mask = table.shape[0] - 1
    for j in range(wanted.shape[0]):
        touched[j] = table[slot(wanted[j], mask), 0]
    for j in range(wanted.shape[0]):
        _add_found(acc, table, wanted[j])


@numba.njit(cache=True)
def _singles(weights, table, values, bias, tri, words, base, n, own, ahead, k3):
    """Each position's single features summed: as the stack top (own), as the next word with the two after
    it (ahead, with the bias and the trigram of tags)."""
    forms, lemmas, tags, classes = values
    lanes = weights.shape[1]
    for p in range(n + 3):
        f, le, t, c = words[FORM, base + p], words[LEMMA, base + p], words[TAG, base + p], words[CLASS, base + p]
        for j in range(lanes):
            own[j, p] = weights[forms[f, 0], j] + weights[lemmas[le, 0], j] + weights[tags[t, 0], j]
            own[j, p] += weights[classes[c, 0], j]
            ahead[j, p] = 0
        if 1 <= p <= n:
            t1, t2 = words[TAG, base + p + 1], words[TAG, base + p + 2]
            for j in range(lanes):
                ahead[j, p] = weights[bias, j] + weights[forms[f, 1], j] + weights[lemmas[le, 1], j]
                ahead[j, p] += weights[tags[t, 1], j] + weights[classes[c, 1], j]
                ahead[j, p] += weights[lemmas[words[LEMMA, base + p + 1], 2], j]
                ahead[j, p] += weights[tags[t1, 2], j] + weights[tags[t2, 3], j]
            a, b, c3 = tags[t, TRIGRAM_ID], tags[t1, TRIGRAM_ID], tags[t2, TRIGRAM_ID]
            if a and b and c3:
                i = find(table, TEMPLATES * k3 + (a * tri + b) * tri + c3)
                if i >= 0:
                    for j in range(lanes):
                        ahead[j, p] += table[i, j + 1]


@numba.njit(cache=True)
def _score(acc, buffers, model, words, sums, k, base, state):
    """The move scores of one state (classes, then the bound) into ``acc``: the stack top's and the next word's
    single features (``sums``: own, ahead), the five roles' tags, then the 15 combinations. ``state``: the
    stack's top two, the next word, the top's head (-1 unknown) or else "no word", its first left and last
    right dependent, the next word's first left one, the top's left and right dependent counts."""
    wanted, touched = buffers
    weights, table, values, ids = model
    own, ahead = sums
    lemmas, tags = values[1], values[2]
    s0, s1, nxt, h, s0h, s0l, s0r, n0l, left_count, right_count = state
    k2 = k * k
    k3 = k2 * k
    lanes = acc.shape[0]
    t_s0, t_s1, t_n0 = words[TAG, base + s0], words[TAG, base + s1], words[TAG, base + nxt]
    t_s0h, t_s0l = words[TAG, base + s0h], words[TAG, base + s0l]
    t_s0r, t_n0l = words[TAG, base + s0r], words[TAG, base + n0l]
    b, lb = tags[t_n0, TAG_ID], lemmas[words[LEMMA, base + nxt], LEMMA_ID]
    lemma_s0 = lemmas[words[LEMMA, base + s0], LEMMA_ID]
    top_tag, top_lemma = tags[t_s0, TAG_ID] * k, lemma_s0 * k
    pair = top_tag + b
    d = (ids[min(nxt - s0, 10)] if s0 else ids[11]) * k
    for c in range(lanes):
        acc[c] = (
            own[c, s0]
            + ahead[c, nxt]
            + weights[tags[t_s1, S1T], c]
            + weights[tags[t_s0h, S0HT], c]
            + weights[tags[t_s0l, S0LT], c]
            + weights[tags[t_s0r, S0RT], c]
            + weights[tags[t_n0l, N0LT], c]
        )
    wanted[0] = pair
    wanted[1] = k3 + top_lemma + b
    wanted[2] = 2 * k3 + top_tag + lb
    wanted[3] = 3 * k3 + top_lemma + lb
    wanted[4] = 4 * k3 + pair * k + tags[words[TAG, base + nxt + 1], TAG_ID]
    wanted[5] = 5 * k3 + tags[t_s0h, TAG_ID] * k2 + pair
    wanted[6] = 6 * k3 + (top_tag + tags[t_s0l, TAG_ID]) * k + b
    wanted[7] = 7 * k3 + (top_tag + tags[t_s0r, TAG_ID]) * k + b
    wanted[8] = 8 * k3 + pair * k + tags[t_n0l, TAG_ID]
    wanted[9] = 9 * k3 + tags[t_s1, TAG_ID] * k2 + pair
    wanted[10] = 10 * k3 + d * k + pair
    wanted[11] = 11 * k3 + d + lemma_s0
    wanted[12] = 12 * k3 + d + lb
    valency = (ids[14 + left_count] * k + ids[14 + right_count]) * k + tags[t_s0, TAG_ID]
    wanted[13] = 13 * k3 + valency
    wanted[14] = 14 * k3 + (ids[13] if h >= 0 else ids[12]) * k2 + pair
    _add_all(acc, table, wanted, touched)


@numba.njit(cache=True)
def _decide(acc, s0, h):
    """As ExactMoves.heads: the legal move with the highest score, or -1 when it does not lead by the margin."""
    shift, right = acc[SHIFT], acc[RIGHT]
    if shift >= right:
        move, best, second = SHIFT, shift, right
    else:
        move, best, second = RIGHT, right, shift
    if s0:
        if h >= 0:
            other, score = REDUCE, acc[REDUCE]
        else:
            other, score = LEFT, acc[LEFT]
        if score > best:
            move, best, second = other, score, best
        elif score > second:
            second = score
    if (best - second) << MARGIN_BITS <= acc[acc.shape[0] - 1]:
        return -1
    return move


@numba.njit(cache=True)
def decode(weights, table, values, width, ids, bias, tri, offsets, words, heads, scratch, cursor):
    """Greedy moves over the sentences from ``cursor[SENTENCE]`` on; DONE when all are decoded, CLOSE at a
    decision the reference must make (the state is left in ``heads``, ``scratch`` and ``cursor``).

    ``values``: the form, lemma, tag and class tables; ``ids``: the part ids of distance buckets 0..10, "-",
    "False", "True", then of counts 0, 1, ...; ``bias``: the row every decision has; ``tri``: the base of
    trigram keys (tags' trigram ids are below it); ``offsets[s]``: where
    sentence s's columns of ``words`` start (0 the root, 1..n its words, n + 1 and n + 2 "no word"); ``heads``
    per position, -1 while unknown; ``scratch`` rows: stack, first left and last right dependent, left and
    right counts, the summed single features (own, ahead) of each position."""
    k = width
    k3 = k * k * k
    lanes = weights.shape[1]
    acc = np.zeros(lanes, dtype=np.int64)
    wanted, touched = np.zeros(TEMPLATES, dtype=np.int64), np.zeros(TEMPLATES, dtype=np.int64)
    stack, first_left, last_right, lefts, rights = scratch[0], scratch[1], scratch[2], scratch[3], scratch[4]
    own, ahead = scratch[5 : 5 + lanes], scratch[5 + lanes : 5 + 2 * lanes]
    for s in range(cursor[SENTENCE], offsets.shape[0] - 1):
        base = offsets[s]
        n = offsets[s + 1] - base - 3
        none = n + 1
        if cursor[FORCED] < 0:  # a new sentence: its start state and its single features
            for p in range(n + 3):
                first_left[p], last_right[p], lefts[p], rights[p] = none, none, 0, 0
            _singles(weights, table, values, bias, tri, words, base, n, own, ahead, k3)
            stack[0], stack[1] = none, 0
            cursor[NEXT], cursor[DEPTH] = 1, 2
        nxt, depth = cursor[NEXT], cursor[DEPTH]
        while nxt <= n:
            s0, s1 = stack[depth - 1], stack[depth - 2]
            h = heads[base + s0]
            s0h = h if h > 0 else none
            s0l, s0r, n0l = first_left[s0], last_right[s0], first_left[nxt]
            move = cursor[FORCED]
            cursor[FORCED] = -1
            if move < 0:
                state = (s0, s1, nxt, h, s0h, s0l, s0r, n0l, lefts[s0], rights[s0])
                _score(acc, (wanted, touched), (weights, table, values, ids), words, (own, ahead), k, base, state)
                move = _decide(acc, s0, h)
                if move < 0:
                    cursor[SENTENCE], cursor[NEXT], cursor[DEPTH] = s, nxt, depth
                    return CLOSE
            if move == SHIFT:
                stack[depth] = nxt
                depth += 1
                nxt += 1
            elif move == REDUCE:
                depth -= 1
            elif move == LEFT:
                heads[base + s0] = nxt
                if first_left[nxt] == none:
                    first_left[nxt] = s0
                lefts[nxt] += 1
                depth -= 1
            else:
                heads[base + nxt] = s0
                last_right[s0] = nxt
                rights[s0] += 1
                stack[depth] = nxt
                depth += 1
                nxt += 1
        cursor[FORCED] = -1
    return DONE


@numba.njit(cache=True)
def label(table, weights, bias, coefficients, offsets, dists, sides, dash, sentences, words, heads, out):
    """The best relation of every arc (``kronika.parse.labeler``): per word, its ``weights`` rows (float64,
    classes then the bound; exact for float16 values) summed over the 18 templates, whose keys are the
    template's ``offsets`` plus its ``coefficients`` times the arc's part ids, found in ``table`` (key,
    row). ``words`` rows: form, lemma, tag, class and case ids per position, in ``decode``'s layout
    (``sentences`` as its ``offsets``); ``heads`` per position, below 1 for a root. ``out`` per position:
    the class, then whether it leads the next by the margin (0 or 1); -1 where the word is a root."""
    lanes = weights.shape[1]
    classes = lanes - 1
    acc = np.zeros(lanes, dtype=np.float64)
    parts = np.zeros(12, dtype=np.int64)
    first = np.zeros(words.shape[1] + 1, dtype=np.int64)
    out[:] = -1
    for s in range(sentences.shape[0] - 1):
        base, end = sentences[s], sentences[s + 1] - 2  # the root and the words; "no word" after them
        for p in range(base, end):  # each word's first dependent, else "no word" (end)
            first[p] = end
        for p in range(end - 1, base, -1):
            if heads[p] > 0:
                first[base + heads[p]] = p
        for p in range(base + 1, end):
            if heads[p] <= 0:
                continue
            g = base + heads[p]
            f = first[p]
            for q in range(5):
                parts[q] = words[q, p]
            parts[5], parts[6], parts[7] = words[1, g], words[2, g], words[3, g]
            parts[8] = sides[0] if p < g else sides[1]
            parts[9] = dists[min(abs(g - p), 10)]
            parts[10], parts[11] = (words[1, f], words[3, f]) if f < end else (dash, dash)
            for c in range(lanes):
                acc[c] = weights[bias, c]
            for t in range(coefficients.shape[0]):
                key = offsets[t]
                for q in range(12):
                    key += coefficients[t, q] * parts[q]
                i = find(table, key)
                if i >= 0:
                    row = table[i, 1]
                    for c in range(lanes):
                        acc[c] += weights[row, c]
            best, second, choice = -np.inf, -np.inf, 0
            for c in range(classes):
                if acc[c] > best:
                    best, second, choice = acc[c], best, c
                elif acc[c] > second:
                    second = acc[c]
            if classes == 1:
                second = best
            out[0, p] = choice
            out[1, p] = 1 if (best - second) * 2.0**MARGIN_BITS > acc[classes] else 0
