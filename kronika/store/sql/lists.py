"""What the store's lists share: IN-list placeholders, a list's total, and keyset paging."""

from __future__ import annotations


def placeholders(count: int) -> str:
    """``?, ?, ?`` for an IN list of ``count`` parameters (at least one, so the SQL stays valid)."""
    return ", ".join("?" * max(count, 1))


def named_placeholders(names: list[str]) -> str:
    """``:k0, :k1`` for an IN list in a statement that also has named parameters; names are ours, not users'."""
    return ", ".join(f":{name}" for name in names)


# A list's total: the same statement unpaged, counted.
COUNTED = "SELECT count(*) FROM ({statement})"
# Keyset paging of a list in its default order (latest first: date DESC, pk DESC): the rows after a given
# one, found by its id. The dated rows after it come off the date index from its place (a seek, where an
# OFFSET reads and drops every row before the page); undated rows follow the dated ones.
EVENT_POSITION = "SELECT date, pk FROM events WHERE id = ?"
ARTICLE_POSITION = "SELECT date, pk FROM articles WHERE id = ?"
AFTER_DATED = {
    "events": "AND e.date <= :after_date AND (e.date < :after_date OR e.pk < :after_pk)",
    "articles": "AND a.date <= :after_date AND (a.date < :after_date OR a.pk < :after_pk)",
}
UNDATED = {"events": "AND e.date IS NULL", "articles": "AND a.date IS NULL"}
AFTER_UNDATED = {
    "events": "AND e.date IS NULL AND e.pk < :after_pk",
    "articles": "AND a.date IS NULL AND a.pk < :after_pk",
}
