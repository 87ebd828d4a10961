"""Fixtures shared by the whole suite. Nothing here reads ../shared: tests run on a bare checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "000_02cd8ae479332831.txt"


@pytest.fixture(scope="session")
def polish():
    from kronika.lang import get_language

    return get_language("pl")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text without its dateline."""
    raw = SEED.read_text(encoding="utf-8")
    prefix = " date 2025-09-04 "
    assert raw.startswith(prefix)
    return raw[len(prefix) :].strip()


@pytest.fixture(scope="session")
def pipeline():
    """The default Polish pipeline, built once for the suite (stages load their resources once anyway)."""
    from kronika.pipeline import Pipeline, default_stages

    return Pipeline(default_stages("pl"))


def story_store(path, **options):
    """A store that puts each new article into a story as it writes it, as `kronika ingest` opens one (the
    store itself takes the story hook from its caller)."""
    from kronika.store import Store
    from kronika.stories.store import StoryAssigner

    return Store(path, **{"stories": StoryAssigner(), **options})


# Columns that say when a row was written, not what it holds: two stores of the same articles differ there.
CLOCK_COLUMNS = {"added_at", "updated_at", "applied_at", "raised_at", "seen_at", "checked_at"}


def linked_entities(linker, text: str, date: str = "2025-09-04"):
    """The entities ``linker`` finds in ``text`` by the knowledge base alone (no name detector mentions)."""
    from kronika.record import Document
    from kronika.stages.link import link_entities
    from kronika.stages.morph import MorphologyStage
    from kronika.stages.segment import SegmentStage

    doc = MorphologyStage(linker.language)(SegmentStage(linker.language)(Document(text=text, date=date)))
    doc.mentions = []
    return link_entities(doc, linker)


def store_contents(path) -> dict[str, list[tuple]]:
    """Every row of every table of a store file (the full-text index's own tables included), without the
    clock columns, each table's rows sorted: what two stores of the same articles must share bit for bit."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        contents = {}
        for table in sorted(tables):
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            kept = ", ".join(f'"{column}"' for column in columns if column not in CLOCK_COLUMNS)
            if kept:
                contents[table] = sorted(connection.execute(f'SELECT {kept} FROM "{table}"'), key=repr)
        return contents
    finally:
        connection.close()


def spelled_windows(types, further, offsets, edges, passed) -> list[list[str]]:
    """Each token's feature list as ``CrfModel.tag_windows`` reads word types: its type's strings of every kind, what
    each neighbour's type passes for that offset (the strings of the kinds ``passed`` names, after its prefix; the
    edge tuple where there is no neighbour and one is given), then its further strings
    (``ner_features.sentence_windows`` and the CRF's tests)."""
    out = []
    for i, own in enumerate(types):
        features = [f for group in own for f in group]
        for k, offset in enumerate(offsets):
            if 0 <= i + offset < len(types):
                prefix, kinds = passed[k]
                features += [prefix + f for kind in kinds for f in types[i + offset][kind]]
            elif edges[k] is not None:
                features += edges[k]
        out.append(features + list(further[i]))
    return out
