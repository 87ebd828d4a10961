"""Entity records: the article's mentions grouped into one entity each (a surname alone joins the full name
mentioned most, or the one person of the base it names), their types settled by vote, and each group written
as an ``Entity`` with its country, sector and id."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from typing import TYPE_CHECKING

from kronika.kb.model import CANONICAL_LANGUAGE as CANONICAL
from kronika.record import Entity, Mention, Token
from kronika.stages.link_acronyms import join_acronyms
from kronika.stages.link_context import article_states
from kronika.stages.link_coref import join_initials, join_surnames, join_variants
from kronika.stages.link_model import WORD_RE, Found, Group, is_capitalised, local_id
from kronika.stages.link_romanize import romanize_names
from kronika.stages.link_streets import PLACE_SOURCE

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker

# Group keys of names the base lacks, before the group's type (and so its local id) is settled.
NAME_KEY = "name:"
# Which type an unlinked name takes when its mentions were typed differently as often: a full name the
# detector ran into a body ("szef administracji Kijowa Serhij Popko") is more often a person.
TYPE_PREFERENCE = {"PER": 4, "GPE": 3, "ORG": 2, "LOC": 1}


def group_entities(linker: Linker, found: list[Found], tokens: list[Token], date: str | None) -> list[Entity]:
    groups: dict[str, Group] = {}
    # Words of every linked or full name in the article, for "Kim" -> Kim Jong Un.
    by_word: dict[str, list[str]] = defaultdict(list)
    # Types the detector gave each unlinked name: one name is one entity whatever type each mention got
    # ("Kijowa Serhij Popko" read as a body, "Serhij Popko" as a person).
    votes: dict[str, Counter] = defaultdict(Counter)
    pending: list[Found] = []
    for f in found:
        # A place named after its noun ("Galwan River") is named in full: no surname, no spelling to romanize.
        if f.entry or f.end - f.start > 1 or f.source in ("title", PLACE_SOURCE):
            key = f.entry or _name_key(f.name)
            group = groups.setdefault(key, Group(key, f.name, f.type or "MISC", f.entry, country=f.country))
            group.mentions.append((f.start, f.end))
            group.country = group.country or f.country
            if not f.entry and f.source != PLACE_SOURCE:
                votes[key][f.type or "MISC"] += 1
            entry = linker.kb.get(f.entry) if f.entry else None
            names = [f.name]
            if entry and entry.type == "PER":
                names += [*entry.aliases_in(linker.language.code), *entry.aliases_in(CANONICAL)]
            names += [" ".join(t.lemma or t.text for t in tokens[f.start : f.end])]
            for name in names:
                for word in WORD_RE.findall(name):
                    if is_capitalised(word) and key not in by_word[word.casefold()]:
                        by_word[word.casefold()].append(key)
        else:
            pending.append(f)
    _settle_types(groups, votes)
    join_variants(groups, votes)
    named_states = cache(lambda: set(article_states(linker, tokens, found)))
    for f in pending:
        word = f.name.casefold()
        candidates = [
            k for k in by_word.get(word, ()) if k in groups and (f.type is None or groups[k].type in (f.type, "PER"))
        ]
        alone = linker.surname_entry(f.name, named_states, date) if not candidates and f.type == "PER" else None
        if candidates:
            # The entity mentioned most often so far: "Kim" is Kim Jong Un, not his daughter Kim Ju Ae.
            key = max(candidates, key=lambda k: len(groups[k].mentions))
        elif alone:
            # A surname alone that only one person of the base bears ("Morawiecki"): that person.
            key = alone.id
            groups.setdefault(key, Group(key, alone.name, alone.type, alone.id))
        else:
            key = _name_key(f.name)
            votes[key][f.type or "MISC"] += 1
        group = groups.setdefault(key, Group(key, f.name, f.type or "MISC", f.entry, country=f.country))
        group.mentions.append((f.start, f.end))
    _settle_types(groups, votes)
    join_surnames(linker, groups, by_word, tokens)
    join_initials(linker, groups, by_word, tokens)
    join_acronyms(groups, tokens)
    romanize_names(linker, groups, votes, tokens)
    entities = []
    for group in groups.values():
        entry = linker.kb.get(group.entry) if group.entry else None
        country = entry.country if entry else group.country
        sector = None
        if entry:
            code = linker.kb.actor_code(entry, date) or ""
            sector = code[len(country or "") :] or entry.sector
        mentions = sorted({(tokens[s].start, tokens[e - 1].end) for s, e in group.mentions})
        key = group.key if entry or not group.key.startswith(NAME_KEY) else local_id(group.type, group.name)
        entities.append(
            Entity(
                id=key,
                # An apostrophe as the English names write it ("N'Tchama", "Côte d'Ivoire"), not the typographic
                # one Polish text sets.
                name=group.name if entry else group.name.replace("’", "'"),
                type=group.type if group.type in ("PER", "ORG", "GPE", "LOC") else "MISC",
                country=country,
                sector=sector or None,
                mentions=[Mention(s, e, "") for s, e in mentions],
            )
        )
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


def _settle_types(groups: dict[str, Group], votes: dict[str, Counter]) -> None:
    for key, counts in votes.items():
        if key in groups:
            groups[key].type = max(counts, key=lambda t: (counts[t], TYPE_PREFERENCE.get(t, 0)))


def _name_key(name: str) -> str:
    return NAME_KEY + name.casefold()
