"""A ranked search's page with the dates read only for the matches whose rank can place them on it
(``sql.SEARCH_ARTICLES_CUT``) is the page with every match's date read (``sql.SEARCH_ARTICLES``): the same
rows in the same order, ties of rank broken by date as before."""

from __future__ import annotations

import pytest
from api.fixture_store import opened_store

from kronika.store import queries, sql


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline):
    with opened_store(tmp_path_factory.mktemp("search_cut"), pipeline) as opened:
        yield opened


# (words, limit, offset, the most recent matches a search ranks)
SEARCHES = [
    ("w", 1, 0, 2_000),
    ("w", 1, 1, 2_000),
    ("w", 2, 2, 2_000),
    ("w", 3, 4, 2_000),
    ("w", 2, 0, 3),
    ("w", 1, 1, 1),
    ("Pekin", 2, 1, 2_000),
    ("Putin", 1, 0, 2_000),
    ("Putin", 3, 1, 2_000),
    ("prezydent", 2, 0, 2),
    ("Chiny", 20, 0, 2_000),
    ("Kim Pekin", 5, 0, 2_000),
    ("Kim", 1, 50, 2_000),
    ("nic takiego", 5, 0, 2_000),
]


@pytest.mark.parametrize(("words", "limit", "offset", "ranked"), SEARCHES, ids=range(len(SEARCHES)))
def test_search_pages_are_those_with_every_date_read(store, monkeypatch, words, limit, offset, ranked):
    monkeypatch.setattr(queries, "RANKED_MATCHES", ranked)
    given = {"search": words, "limit": limit, "offset": offset}
    cut = store.article_records(**given)
    monkeypatch.setattr(sql, "SEARCH_ARTICLES_CUT", sql.SEARCH_ARTICLES)
    assert cut == store.article_records(**given)


def test_the_searches_match_articles(store):
    """The cases above page through real matches, not empty lists."""
    assert len(store.article_records(search="w", limit=10)) >= 5
    assert len(store.article_records(search="Putin", limit=10)) >= 4


# (limit, since): the cut is taken for a page of an undated search only (a date range reads every match's
# date to filter by it; no limit lists every match)
TAKEN = [(5, None, True), (1, None, True), (None, None, False), (5, "2025-09", False)]


@pytest.mark.parametrize(("limit", "since", "taken"), TAKEN, ids=range(len(TAKEN)))
def test_the_cut_is_taken_where_it_applies(store, monkeypatch, limit, since, taken):
    seen = []
    connection = store.connection

    class Watched:
        def __getattr__(self, name):
            return getattr(connection, name)

        def execute(self, statement, *arguments):
            seen.append(statement)
            return connection.execute(statement, *arguments)

    queries.article_rows(Watched(), search="w", limit=limit, since=since)
    assert (sql.SEARCH_ARTICLES_CUT in seen) is taken
