"""The article's states as context for linking: a national body named without its state belongs to the state
the article is about.

News writes a foreign ministry, a supreme court or an election commission without naming the state when the
article makes it plain: "MSZ" in a report from Tehran is Iran's, "Sąd Najwyższy" in a report on a Russian
verdict is Russia's. The knowledge base links such a bare title to the home state's body (a bare "MSZ" in Polish
news is usually Poland's). That default holds while the home state has any part in the article: one of its
people, places, bodies or its adjective. An article where it has none, and one other state is named more often
than any other, is about that state, and the body is that state's. Bodies named with their state ("MSZ Rosji",
"rosyjskie MSZ") are settled before this and are left as they are; a body whose official is named right after
it ("szef MSZ Radosław Sikorski") is the one that person serves.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.record import Token
    from kronika.stages.link import Found, Linker

# The source of a body's title found without its state and missed by the name detector ("Kongresu"): kept only
# when the article's context settles whose body it is.
BARE_TITLE = "bare title"

# Mentions of a news medium say who reported, not what the article is about ("Źródło: PAP").
REPORTER_SECTORS = frozenset({"MED"})


def settle_bodies(linker: Linker, tokens: list[Token], found: list[Found], text: str) -> None:
    """Re-link bare national bodies ("MSZ", "Sąd Najwyższy") to the state the article is about, in place;
    ``text`` is the article the tokens point into."""
    roles = {id(f): role for f in found if (role := _bare_body_role(linker, tokens, f))}
    if not roles:
        return
    bare = [f for f in found if id(f) in roles]
    states = article_states(linker, tokens, [f for f in found if f not in bare])
    by_start = {f.start: f for f in found}
    for f in bare:
        role = roles[id(f)]
        # A title the base links to no body ("Sąd Konstytucyjny") has the home state of the titles that do.
        home = linker.kb.get(f.entry).country if f.entry else _titles_home(linker)
        person = by_start.get(f.end)
        if person is not None and person.type == "PER":
            # "szef MSZ Radosław Sikorski", "wiceszef MON Jan Kowalski": the body is the one its official
            # serves, which the person's entry tells; a person the base lacks leaves the default standing.
            entry = linker.kb.get(person.entry) if person.entry else None
            state = entry.country if entry is not None and entry.country != home else None
        else:
            state = _subject_state(states, home)
            if state is not None and linker.kb.body(role, state) is None:
                # A body the state has none of in the base goes to the state named most of those that have
                # one: a constitutional court in an article about Peru that quotes the State Department.
                having = Counter({s: n for s, n in states.items() if s == home or linker.kb.body(role, s)})
                state = _subject_state(having, home) or state
        if state is None:
            if f.source == BARE_TITLE:
                found.remove(f)  # a title nothing settles, as "Kongres" in news about Poland, is no name
            continue
        entry = linker.kb.body(role, state)
        if entry is not None:
            f.entry, f.name, f.type = entry.id, entry.name, entry.type
        elif f.source == BARE_TITLE:
            found.remove(f)
        else:
            # The state's body the base lacks: a name of its own, serving that state.
            f.entry, f.type, f.country = None, "ORG", state
            f.name = linker.base_form(tokens, f.start, f.end, text)


def article_states(linker: Linker, tokens: list[Token], found: list[Found]) -> Counter:
    """How often the article names each state: the states themselves and their places, people and bodies (by
    mention), and the states' adjectives ("irańskim", "polskich"). News media are left out."""
    counts: Counter = Counter()
    for f in found:
        entry = linker.kb.get(f.entry) if f.entry else None
        if entry is not None:
            if entry.country and entry.sector not in REPORTER_SECTORS:
                counts[entry.country] += 1
        elif f.country:
            counts[f.country] += 1
    for token in tokens:
        country = linker.adjective_state(token)
        if country:
            counts[country] += 1
    return counts


def _subject_state(states: Counter, home: str | None) -> str | None:
    """The one state the article is about, when the home state has no part in it; else None."""
    if home is None or states[home] > 0:
        return None
    ranked = states.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


@cache
def _titles_home(linker: Linker) -> str | None:
    """The one state whose bodies the base links bare titles to ("MSZ", "MON": Poland's in Polish news)."""
    homes = {
        e.country
        for title in linker.bodies
        for e in linker.kb.lookup(" ".join(title))
        if e.extra and e.extra.get("body")
    }
    return homes.pop() if len(homes) == 1 else None


def _bare_body_role(linker: Linker, tokens: list[Token], f: Found) -> str | None:
    """The role of a national body named by a title without its state ("MSZ", not "MSZ Rosji"), or None: linked
    to the home state's body by default, or left unlinked as a name the base lacks ("Sąd Konstytucyjny")."""
    if f.source == "body":
        return None  # "body" mentions were linked with their state, or after one named with it
    title = linker.bodies.get(tuple(linker.title_lemmas(tokens[f.start : f.end])))
    if f.entry is None or title is None:
        # A name of one body ("Duma", "Pentagon", "Kneset") is that body wherever the article is.
        return title
    entry = linker.kb.get(f.entry)
    role = entry.extra.get("body") if entry and entry.extra else None
    if role is None or entry.country is None:
        return None
    if any(linker.names_state(token, entry.country) for token in tokens[f.start : f.end]):
        return None  # "Sejm RP", "Ministerstwo Obrony Narodowej RP": the state is in the name
    return role
