"""The knowledge base prebuilt: its entries as dicts of field values, and its alias indexes.

Reading the JSON Lines files and keying 70,000 aliases takes a second or more at every start; the same
knowledge base read back from ``kronika.prebuilt``'s cache takes a tenth of that. The cache is keyed by
the data files and by the code that reads and keys them (this package), so an edit to either rebuilds it.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from kronika import prebuilt
from kronika.kb.base import DATA_FILES, KnowledgeBase, read_entries
from kronika.kb.model import Entry, Office


# Strings up to this length (types, sources, state codes and ids of the parents) are shared between entries.
SHARED_LENGTH = 16


def entry_fields(entry: Entry) -> dict:
    """The entry's fields by name, its offices as dicts of theirs."""
    values = {f.name: getattr(entry, f.name) for f in fields(Entry)}
    values["offices"] = tuple({f.name: getattr(office, f.name) for f in fields(Office)} for office in entry.offices)
    return values


def entry_from_fields(values: dict) -> Entry:
    """``entry_fields`` reversed. The values were an Entry's already, so the constructor's work (one frozen
    field at a time) is skipped: the dict, as marshal made it, becomes the instance's own."""
    if values["offices"]:
        values["offices"] = tuple(_record(Office, office) for office in values["offices"])
    return _record(Entry, values)


def _record(cls, values: dict):
    record = object.__new__(cls)
    object.__setattr__(record, "__dict__", values)
    return record


def pack(kb: KnowledgeBase) -> tuple:
    shared: dict = {}
    return tuple(_shared(entry_fields(entry), shared) for entry in kb), kb._exact, kb._loose


def _shared(values: dict, shared: dict) -> dict:
    """``values`` with its short strings and empty containers made one object each across entries (marshal
    writes an object it has written before as a reference): the 30,000 towns' "GPE", "geonames", state codes
    and empty alias dicts are read back once, not once per entry."""
    out = {}
    for key, value in values.items():
        if isinstance(value, str) and len(value) <= SHARED_LENGTH:
            value = shared.setdefault(value, value)
        elif isinstance(value, dict | tuple) and not value:
            value = shared.setdefault(type(value), value)  # never changed in place: an entry is frozen
        out[key] = value
    return out


def unpack(packed: tuple) -> KnowledgeBase:
    rows, exact, loose = packed
    with prebuilt.paused_gc():
        return KnowledgeBase([entry_from_fields(row) for row in rows], (exact, loose))


def inputs(directory: Path) -> list[Path]:
    """What the prebuilt knowledge base is derived from: the data files and the code that reads and keys them."""
    code = prebuilt.source_files(Path(__file__).parent, pattern="*.py")
    return [*(directory / name for name in DATA_FILES), *code, Path(prebuilt.__file__)]


def load_packed(directory: Path) -> KnowledgeBase:
    """The knowledge base of ``directory``'s data files, from the prebuilt cache when it is current."""
    missing = [name for name in DATA_FILES if not (directory / name).exists()]
    if missing:
        return KnowledgeBase(read_entries(directory))  # raises the error that names the missing file
    key = prebuilt.content_key(inputs(directory))
    kb = unpack(prebuilt.load_keyed("kb", key, lambda: pack(KnowledgeBase(read_entries(directory)))))
    kb.prebuilt_key = key
    return kb
