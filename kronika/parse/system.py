"""The arc-eager transition system (Nivre 2003) and its static oracle.

A state is a stack, a buffer position and the heads found so far. Position 0 is an artificial root that
stays at the bottom of the stack, so every word gets a head; a word whose head is the root is a sentence
root. Four moves: SHIFT the next word onto the stack, REDUCE a stack top that has its head, LEFT makes
the next word the head of the stack top, RIGHT makes the stack top the head of the next word and shifts
it. Greedy parsing costs two moves per word, so time is linear in sentence length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SHIFT, REDUCE, LEFT, RIGHT = range(4)
MOVES = ("shift", "reduce", "left", "right")


@dataclass
class State:
    n: int  # words in the sentence, the root not counted; words are 1..n
    stack: list[int] = field(default_factory=lambda: [0])
    next: int = 1
    heads: list[int] = field(default_factory=list)  # per position 0..n; -1 while unknown
    lefts: list[list[int]] = field(default_factory=list)  # dependents left of each position, in order found
    rights: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.heads = [-1] * (self.n + 1)
        self.lefts = [[] for _ in range(self.n + 1)]
        self.rights = [[] for _ in range(self.n + 1)]

    @property
    def done(self) -> bool:
        return self.next > self.n

    def legal(self) -> list[bool]:
        top = self.stack[-1]
        buffered = self.next <= self.n
        return [buffered, top != 0 and self.heads[top] >= 0, buffered and top != 0 and self.heads[top] < 0, buffered]

    def apply(self, move: int) -> None:
        top = self.stack[-1]
        if move == SHIFT:
            self.stack.append(self.next)
            self.next += 1
        elif move == REDUCE:
            self.stack.pop()
        elif move == LEFT:
            self._arc(self.next, top)
            self.stack.pop()
        else:
            self._arc(top, self.next)
            self.stack.append(self.next)
            self.next += 1

    def _arc(self, head: int, dependent: int) -> None:
        self.heads[dependent] = head
        (self.lefts if dependent < head else self.rights)[head].append(dependent)

    def finish(self) -> list[int]:
        """Heads of words 1..n; a word left without one hangs from the root."""
        return [h if h >= 0 else 0 for h in self.heads[1:]]


def oracle(state: State, gold: list[int]) -> int:
    """The move that keeps a projective gold tree reachable; ``gold[i]`` is the head of position i."""
    top, nxt = state.stack[-1], state.next
    if top != 0 and gold[top] == nxt:
        return LEFT
    if gold[nxt] == top:
        return RIGHT
    if state.heads[top] >= 0 and any(gold[k] == nxt or gold[nxt] == k for k in state.stack[:-1]):
        return REDUCE
    return SHIFT


def is_projective(heads: list[int]) -> bool:
    """Whether no two arcs cross; ``heads[i]`` is the head of word i + 1 (0 for the root)."""
    arcs = [(min(h, d), max(h, d)) for d, h in enumerate(heads, start=1)]
    for a, b in arcs:
        for c, d in arcs:
            if a < c < b < d:
                return False
    return True
