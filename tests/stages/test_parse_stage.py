import pytest

from kronika.record import Token
from kronika.stages.parse import _positions

TOKENS = [Token(k, k + 1, "x") for k in range(5)]


@pytest.mark.parametrize(
    "groups, expected",
    [
        ([TOKENS[:2], TOKENS[2:3], TOKENS[3:]], [[0, 1], [2], [3, 4]]),  # consecutive slices: ranges
        ([TOKENS[3:], TOKENS[:3]], [[3, 4], [0, 1, 2]]),  # out of order: each token found
        ([TOKENS[:2], TOKENS[3:]], [[0, 1], [3, 4]]),  # one left out
        ([], []),
    ],
)
def test_head_positions_in_the_document(groups, expected):
    assert [list(p) for p in _positions(TOKENS, groups)] == expected
