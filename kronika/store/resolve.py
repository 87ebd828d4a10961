"""Names as people type them, resolved to the store's actor keys and to country codes: one resolver for the
CLI, the API, the web UI and Python.

An actor is named by its entity id (Q7747), its actor key, its stored name in any case, a code (RUS, RUSGOV),
any alias the knowledge base knows in Polish or English ("Władimir Putin", "Putin", "Chiny", "Korea
Północna"), any case form of one ("Władimira Putina", "Korei Północnej": read with the same segmentation,
morphology and gazetteer as the articles) or a part of a stored name ("putin"). Tiers are tried cheapest
first and the first that names anyone wins, so a code or an id never loads the knowledge base. A state's
name means its country code, as GDELT users read "China": every actor of that country.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

from kronika.errors import KronikaError
from kronika.reading import current_reader
from kronika.store import filters, sql

CODE_RE = re.compile(r"^([A-Z]{3})([A-Z]{3})?$")
# What a part of a name may be made of: a typed "kim%" or "' OR '1'='1" is no name to look for.
NAME_LIKE = re.compile(r"[^\W_][\w\s.'’-]*")


def actor_keys(connection: sqlite3.Connection, text: str) -> list[str]:
    """The actor keys ``text`` names (see the module docstring); empty when it names no stored actor."""
    text = text.strip()
    if not text:
        return []
    code = CODE_RE.match(text)
    params = {"q": text, "country": code.group(1) if code else None, "sector": code.group(2) if code else None}
    keys = _column(connection, sql.RESOLVE_ACTOR, params)
    if keys:
        return keys
    entry = knowledge_base_entry(text, inflected=False)
    if entry is not None:
        return _entry_keys(connection, entry)
    for words in _word_sets(text) if NAME_LIKE.fullmatch(text) else ():
        keys = _partial(connection, words)
        if keys:
            return keys
    entry = knowledge_base_entry(text, inflected=True)
    return _entry_keys(connection, entry) if entry is not None else []


def knowledge_base_entry(text: str, *, inflected: bool):
    """The knowledge-base entry ``text`` names: an alias as typed, or (``inflected``) a case form of one."""
    from kronika.kb import load_kb

    if not inflected:
        hits = load_kb().lookup(text)
        return hits[0] if hits else None
    return current_reader().named_entry(text)


def _entry_keys(connection: sqlite3.Connection, entry) -> list[str]:
    if entry.is_state():
        return _column(connection, sql.RESOLVE_ACTOR, {"q": None, "country": entry.country, "sector": None})
    return _column(connection, sql.RESOLVE_ACTOR, {"q": entry.id, "country": None, "sector": None})


def _word_sets(text: str) -> list[list[tuple[str, ...]]]:
    """The words of ``text`` as typed, then each as typed or as its lemma ("Putinem" -> Putin)."""
    typed = [(word,) for word in re.findall(r"\w+", text)]
    lemmas = [tuple({form, lemma}) for form, lemma in current_reader().words(text) if any(ch.isalnum() for ch in form)]
    return [typed, lemmas] if lemmas != typed else [typed]


def _partial(connection: sqlite3.Connection, words: list[tuple[str, ...]]) -> list[str]:
    """Actors whose stored name has a word starting with each word typed (any of its forms), in any case:
    "putin" finds "Vladimir Putin", "or" does not find "Armed Forces"."""
    if not words:
        return []
    conditions, params = [], {}
    for i, forms in enumerate(words):
        alternatives = []
        for j, form in enumerate(forms):
            escaped = form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            for k, pattern in enumerate((f"{escaped}%", f"% {escaped}%", f"%-{escaped}%")):
                params[f"w{i}_{j}_{k}"] = pattern
                alternatives.append(f"name LIKE :w{i}_{j}_{k} ESCAPE '\\'")
        conditions.append("(" + " OR ".join(alternatives) + ")")
    statement = sql.ACTORS_NAMED_LIKE.format(conditions=" AND ".join(conditions))
    return _column(connection, statement, params)


def _column(connection: sqlite3.Connection, statement: str, params: dict) -> list[str]:
    return [row[0] for row in connection.execute(statement, params)]


# --- countries -------------------------------------------------------------------------------------------


@cache
def country_names() -> dict[str, str]:
    """Every state's code by its names (the knowledge base's English and Polish names, ISO's English name)."""
    import pycountry

    from kronika.kb import load_kb

    names = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
    names.update({c.name: c.alpha_3 for c in pycountry.countries})
    for entry in load_kb():
        if entry.is_state():
            names.setdefault(entry.country, entry.country)
            # The first alias of each language: the state's usual name in it ("Chiny").
            for name in (entry.name, *(aliases[0] for aliases in entry.aliases.values() if aliases)):
                names.setdefault(name, entry.country)
    return names


def country_code(text: str | None, option: str = "--country") -> str | None:
    """The ISO 3166-1 alpha-3 code ``text`` names: a code in any case, or a state's name in Polish or English
    in any case form ("Chiny", "Korei Północnej", "North Korea"); a clear error naming the value otherwise."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    if re.fullmatch(r"[A-Za-z]{3}", text) and text.upper() in country_names():
        return text.upper()
    for inflected in (False, True):
        entry = knowledge_base_entry(text, inflected=inflected)
        if entry is not None and entry.is_state():
            return entry.country
    names = country_names()
    near = _nearest(text, names)
    hint = (
        ""
        if near is None
        else f"; did you mean {near}?"
        if near == names[near]
        else f"; did you mean {near} ({names[near]})?"
    )
    raise KronikaError(
        filters.BAD_VALUE,
        f"{option} {text!r} is not a country; give an ISO 3166-1 "
        f"alpha-3 code (CHN, PRK, POL) or a country's name{hint}",
    )


def _nearest(text: str, names: dict[str, str]) -> str | None:
    import difflib

    folded = {name.casefold(): name for name in names}
    near = difflib.get_close_matches(text.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[near[0]] if near else None
