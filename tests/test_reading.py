"""The reader of people's words that store queries use (kronika/reading.py): the package installs the
pipeline's, a program may install its own, and the store follows whichever is installed."""

from __future__ import annotations

import pytest

import kronika  # noqa: F401  (installs the pipeline's reader)
from kronika.query_reader import PipelineReader
from kronika.reading import TypedReader, current_reader, use_reader
from kronika.store.queries import fts_query
from kronika.store.resolve import knowledge_base_entry


@pytest.fixture
def typed_only():
    before = current_reader()
    use_reader(TypedReader())
    yield
    use_reader(before)


def test_the_package_installs_the_pipelines_reader():
    assert isinstance(current_reader(), PipelineReader)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pekinie", [("Pekinie", "Pekinie")]),
        ("Korei Północnej?", [("Korei", "Korei"), ("Północnej", "Północnej"), ("?", "?")]),
        ("", []),
    ],
)
def test_typed_reader(text, words):
    assert TypedReader().words(text) == words


@pytest.mark.parametrize(
    ("search", "with_pipeline", "typed"),
    [
        ("Pekinie", '("pekin" OR "pekinie")', '("pekinie")'),
        ("szczyt w Pekinie", '("szczyt") AND ("w") AND ("pekin" OR "pekinie")', '("szczyt") AND ("w") AND ("pekinie")'),
    ],
)
def test_search_follows_the_installed_reader(search, with_pipeline, typed, request):
    assert fts_query(search) == with_pipeline
    request.getfixturevalue("typed_only")
    assert fts_query(search) == typed


def test_case_forms_name_entries_only_through_a_reader_that_reads_them(request):
    assert knowledge_base_entry("Korei Północnej", inflected=True).country == "PRK"
    request.getfixturevalue("typed_only")
    assert knowledge_base_entry("Korei Północnej", inflected=True) is None
