"""What the list pages share: sortable column headers and the download links of the filtered list.

A header links the same page sorted by its column: the first click gives the order a reader expects of the
column (numbers and dates largest or latest first, names A to Z), a second click reverses it. The sort keys
are those of the store's lists (kronika/store/sql/: EVENT_SORTS, ACTOR_SORTS, ARTICLE_SORTS).
"""

from __future__ import annotations

from urllib.parse import urlencode

# Table header -> (sort key, first direction: "-" descending or "" ascending).
EVENT_COLUMNS = {
    "Date": ("date", "-"),
    "Type": ("type", ""),
    "Goldstein": ("goldstein", "-"),
    "Quad": ("quad_class", ""),
    "Reports": ("mentions", "-"),
}
ACTOR_COLUMNS = {
    "Name": ("name", ""),
    "Events": ("events", "-"),
    "As actor": ("as_actor", "-"),
    "As recipient": ("as_recipient", "-"),
    "First": ("first_date", "-"),
    "Last": ("last_date", "-"),
}
ARTICLE_COLUMNS = {"Date": ("date", "-"), "Title": ("title", ""), "Source": ("source", ""), "Tone": ("tone", "-")}
FORMATS = ("csv", "json")


def sort_links(
    path: str, given: dict, sort: str | None, columns: dict[str, tuple[str, str]], default: str
) -> dict[str, dict]:
    """Per header: the URL of the page sorted by it and the arrow of its current order ("" when unsorted)."""
    current = sort or default
    links = {}
    for header, (key, first) in columns.items():
        if current == key:
            wanted, arrow = f"-{key}", "▲"
        elif current == f"-{key}":
            wanted, arrow = key, "▼"
        else:
            wanted, arrow = f"{first}{key}", ""
        links[header] = {"url": f"{path}?{urlencode({**given, 'sort': wanted})}", "arrow": arrow, "key": key}
    return links


def download_links(api_path: str, shown: dict) -> dict[str, str]:
    """The API's file of the same filtered, sorted list in each format (``/api/events.csv?type=CONSULT``)."""
    query = urlencode(shown)
    return {format: f"{api_path}.{format}" + (f"?{query}" if query else "") for format in FORMATS}
