"""A speaker named by the office their title names: "– stwierdził szef węgierskiego rządu" after "premier Węgier
Viktor Orban", "– oznajmił szef dyplomacji" after "minister spraw zagranicznych Abbas Aragczi".

The linker resolves an office's title to its holder only with the state named and the article dated; the quote
stage needs less: of the persons the article names, those the knowledge base knows in the office the speaking
noun's title names (the language's ``titles``: "premier", "szef rządu", "szef dyplomacji", ...), at any date.
"""

from __future__ import annotations


def title_role(text, linker, noun: int) -> str | None:
    """The office the title starting or ending at token ``noun`` names ("szef rządu" -> head_of_government)."""
    lemmas = text.lemmas
    for start in range(max(0, noun - linker.max_title + 1), noun + 1):
        for n in range(linker.max_title, 0, -1):
            if start + n <= noun:
                break
            role = linker.titles.get(tuple(_skip_adjectives(text, lemmas, start, start + n, linker)))
            if role is not None:
                return role
    return None


def _skip_adjectives(text, lemmas, lo, hi, linker) -> list[str]:
    """The lemmas of tokens [lo, hi) less the states' adjectives ("szef węgierskiego rządu" is "szef rządu")."""
    return [lemmas[k] for k in range(lo, min(hi, len(lemmas))) if not linker.adjective_state(text.tokens[k])]


def entity_roles(linker, entity) -> frozenset[str]:
    """The offices the knowledge base knows ``entity`` to have held, at any date."""
    entry = linker.kb.get(entity.id)
    return frozenset(office.role for office in entry.offices) if entry is not None else frozenset()


def office_holder(text, linker, noun: int, state: str | None) -> str | None:
    """The knowledge base's id of whoever held, on the article's date, the office the title at ``noun`` names
    for ``state`` ("– stwierdził szef węgierskiego rządu" on 2024-06-27 -> Viktor Orbán), or None."""
    role = title_role(text, linker, noun)
    date = text.doc.date
    if role is None or state is None or not date:
        return None
    entry = linker.kb.holder(role, state, str(date)[:10])
    return entry.id if entry is not None else None
