"""Do two stores hold the same rows? Every table of A against B, rows sorted (a check, never a test).

    .venv/bin/python bench/store_rows.py A.db B.db

Made for speed changes of the write path: ingest the same input with the tree before and after into two
stores, then compare them. Columns that hold the clock (``*_at``: when a row was added, updated, applied) are
left out, as two runs never share them. Every other column of every table is compared, including each
table's ``rowid`` where it has one (the order rows were inserted in) and the FTS5 index's shadow tables
(``article_search_*``), whose blobs differ when the index was written in other steps even though it finds
the same articles: those are reported apart, with a comparison of what the index holds (``fts5vocab``
instances: each term's article, column and offset). Exit status 0 when every table is identical.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys

CLOCK_SUFFIX = "_at"
FTS = "article_search"


def tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [name for (name,) in rows if name != FTS]  # the virtual table itself is read through its shadows


def rows(connection: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    """The table's columns (without the clock's) and its rows, sorted; with ``rowid`` first where it has one."""
    columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
    kept = [c for c in columns if not c.endswith(CLOCK_SUFFIX)]
    quoted = ", ".join(f'"{c}"' for c in kept)
    try:
        found = connection.execute(f'SELECT rowid, {quoted} FROM "{table}"').fetchall()
        kept = ["rowid", *kept]
    except sqlite3.OperationalError:  # WITHOUT ROWID
        found = connection.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
    return kept, sorted(found, key=repr)


def index_instances(connection: sqlite3.Connection) -> list[tuple]:
    connection.execute(f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {FTS}, instance)")
    return connection.execute("SELECT term, doc, col, offset FROM temp.vocab ORDER BY term, doc, offset").fetchall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a")
    parser.add_argument("b")
    args = parser.parse_args()
    a, b = sqlite3.connect(args.a), sqlite3.connect(args.b)
    names_a, names_b = tables(a), tables(b)
    different = 0
    if names_a != names_b:
        print(f"tables differ: {sorted(set(names_a) ^ set(names_b))}")
        different += 1
    for table in [name for name in names_a if name in names_b]:
        (columns_a, rows_a), (columns_b, rows_b) = rows(a, table), rows(b, table)
        same = columns_a == columns_b and rows_a == rows_b
        shadow = table.startswith(FTS + "_")
        print(f"{'same' if same else 'DIFFERENT':<9} {table} ({len(rows_a)} rows against {len(rows_b)})")
        if not same and not shadow:
            different += 1
            for left, right in zip(rows_a, rows_b):
                if left != right:
                    print(f"  first difference:\n  A {left!r:.300}\n  B {right!r:.300}")
                    break
    same_index = index_instances(a) == index_instances(b)
    print(f"{'same' if same_index else 'DIFFERENT':<9} {FTS} contents (fts5vocab instances)")
    different += not same_index
    print("identical" if not different else f"{different} table(s) differ")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
