"""The arc-eager system: the oracle rebuilds every projective tree, and illegal moves are masked."""

from __future__ import annotations

import pytest

from kronika.parse.system import LEFT, REDUCE, RIGHT, SHIFT, State, is_projective, oracle

# Heads of words 1..n (0 = root), written for sentences of the shapes news has: a subject before the verb,
# objects after it, a prepositional phrase, coordination, a word hanging from a later head.
TREES = [
    [0],
    [2, 0, 2],
    [2, 0, 4, 2, 2],
    [3, 3, 0, 5, 3, 3, 8, 6],
    [0, 1, 1, 3, 3, 5],
    [4, 1, 2, 0, 4],
]


@pytest.mark.parametrize("heads", TREES)
def test_oracle_rebuilds_projective_trees(heads):
    assert is_projective(heads)
    gold = [-1] + heads
    state = State(len(heads))
    while not state.done:
        move = oracle(state, gold)
        assert state.legal()[move]
        state.apply(move)
    assert state.finish() == heads


@pytest.mark.parametrize(
    "heads, projective",
    [
        ([2, 0, 2], True),
        ([3, 3, 0, 3], True),
        ([3, 4, 0, 3], False),  # 1->3 crosses 4->2
        ([3, 4, 0, 1], False),  # 1->4 crosses 3->2
    ],
)
def test_projectivity(heads, projective):
    assert is_projective(heads) is projective


def test_initial_state_allows_only_shift_or_right():
    state = State(3)
    legal = state.legal()
    assert legal[SHIFT] and legal[RIGHT] and not legal[REDUCE] and not legal[LEFT]


def test_unattached_words_hang_from_the_root():
    state = State(2)
    state.apply(SHIFT)
    state.apply(SHIFT)
    assert state.done and state.finish() == [0, 0]
