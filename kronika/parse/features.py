"""Feature strings for the parser's two decisions: the next move, and the relation of a found arc.

A word is four attributes the language pack derives from the pipeline's morphology (form, lemma, word
class, case); ``Words`` holds them per position, the root included. Templates follow the usual choice for
greedy transition parsers (Zhang and Nivre 2011): the stack top, the next three words, the stack top's head
and outermost dependents, the next word's leftmost dependent, their pairs and triples, the distance between
the stack top and the next word, and how many dependents the stack top has.
"""

from __future__ import annotations

from dataclasses import dataclass

from kronika.parse.system import State

ROOT = ("<root>", "<root>", "<root>", "<root>")
NONE = ("-", "-", "-", "-")


@dataclass(frozen=True)
class Words:
    """Attributes per position: 0 is the root, 1..n the sentence's words."""

    form: tuple[str, ...]
    lemma: tuple[str, ...]
    cls: tuple[str, ...]
    case: tuple[str, ...]

    @classmethod
    def of(cls, attributes: list[tuple[str, str, str, str]]) -> Words:
        rows = [ROOT] + list(attributes)
        return cls(*(tuple(column) for column in zip(*rows)))


def _bucket(d: int) -> str:
    return str(d) if d < 5 else "5-9" if d < 10 else "10+"


def _get(words: Words, i: int | None) -> tuple[str, str, str, str]:
    if i is None:
        return NONE
    return words.form[i], words.lemma[i], words.cls[i], words.case[i]


def move_features(state: State, words: Words) -> list[str]:
    stack, nxt, n = state.stack, state.next, state.n
    s0 = stack[-1]
    s1 = stack[-2] if len(stack) > 1 else None
    n0 = nxt if nxt <= n else None
    n1 = nxt + 1 if nxt + 1 <= n else None
    n2 = nxt + 2 if nxt + 2 <= n else None
    s0h = state.heads[s0] if s0 and state.heads[s0] > 0 else None
    s0l = state.lefts[s0][0] if state.lefts[s0] else None
    s0r = state.rights[s0][-1] if state.rights[s0] else None
    n0l = state.lefts[n0][0] if n0 is not None and state.lefts[n0] else None
    w_s0, l_s0, c_s0, k_s0 = _get(words, s0)
    w_n0, l_n0, c_n0, k_n0 = _get(words, n0)
    t_s0, t_n0 = f"{c_s0}/{k_s0}", f"{c_n0}/{k_n0}"
    t_n1 = "/".join(_get(words, n1)[2:])
    t_n2 = "/".join(_get(words, n2)[2:])
    t_s1 = "/".join(_get(words, s1)[2:])
    t_s0h = "/".join(_get(words, s0h)[2:])
    t_s0l = "/".join(_get(words, s0l)[2:])
    t_s0r = "/".join(_get(words, s0r)[2:])
    t_n0l = "/".join(_get(words, n0l)[2:])
    l_n1 = _get(words, n1)[1]
    dist = _bucket(n0 - s0) if n0 is not None and s0 else "-"
    return [
        "b",
        f"s0w={w_s0}",
        f"s0l={l_s0}",
        f"s0t={t_s0}",
        f"s0c={c_s0}",
        f"n0w={w_n0}",
        f"n0l={l_n0}",
        f"n0t={t_n0}",
        f"n0c={c_n0}",
        f"n1t={t_n1}",
        f"n1l={l_n1}",
        f"n2t={t_n2}",
        f"s1t={t_s1}",
        f"s0ht={t_s0h}",
        f"s0lt={t_s0l}",
        f"s0rt={t_s0r}",
        f"n0lt={t_n0l}",
        f"s0t,n0t={t_s0},{t_n0}",
        f"s0l,n0t={l_s0},{t_n0}",
        f"s0t,n0l={t_s0},{l_n0}",
        f"s0l,n0l={l_s0},{l_n0}",
        f"s0t,n0t,n1t={t_s0},{t_n0},{t_n1}",
        f"n0t,n1t,n2t={t_n0},{t_n1},{t_n2}",
        f"s0ht,s0t,n0t={t_s0h},{t_s0},{t_n0}",
        f"s0t,s0lt,n0t={t_s0},{t_s0l},{t_n0}",
        f"s0t,s0rt,n0t={t_s0},{t_s0r},{t_n0}",
        f"s0t,n0t,n0lt={t_s0},{t_n0},{t_n0l}",
        f"s1t,s0t,n0t={t_s1},{t_s0},{t_n0}",
        f"d,s0t,n0t={dist},{t_s0},{t_n0}",
        f"d,s0l={dist},{l_s0}",
        f"d,n0l={dist},{l_n0}",
        f"s0v={len(state.lefts[s0])},{len(state.rights[s0])},{t_s0}",
        f"s0h?={state.heads[s0] >= 0},{t_s0},{t_n0}",
    ]


def relation_features(words: Words, head: int, dependent: int, children: dict[int, list[int]]) -> list[str]:
    """Features for the relation of the arc head -> dependent (positions; 0 is the root)."""
    w_d, l_d, c_d, k_d = _get(words, dependent)
    _, l_h, c_h, k_h = _get(words, head)
    side = "L" if dependent < head else "R"
    dist = _bucket(abs(head - dependent)) if head else "root"
    first = children.get(dependent, [])
    f_l, f_c = (words.lemma[first[0]], words.cls[first[0]]) if first else ("-", "-")
    return [
        "b",
        f"dw={w_d}",
        f"dl={l_d}",
        f"dt={c_d}/{k_d}",
        f"dc={c_d}",
        f"hl={l_h}",
        f"ht={c_h}/{k_h}",
        f"hc={c_h}",
        f"side={side}",
        f"dist={dist}",
        f"dt,ht={c_d}/{k_d},{c_h}/{k_h}",
        f"dt,ht,side={c_d}/{k_d},{c_h},{side}",
        f"dk,hl={k_d},{l_h}",
        f"dl,hc={l_d},{c_h}",
        f"dl,hl={l_d},{l_h}",
        f"fl,dk={f_l},{k_d}",
        f"fc,dt={f_c},{c_d}/{k_d}",
        f"fl,dk,hc={f_l},{k_d},{c_h}",
        f"dt,side,dist={c_d}/{k_d},{side},{dist}",
    ]
