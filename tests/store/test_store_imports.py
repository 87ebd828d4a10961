"""The store persists and queries: it imports neither the analysis runner nor the stories (their hook is the
caller's to give) nor the core. Read from the source, so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kronika.store

STORE = Path(kronika.store.__file__).parent
# What the store must not reach into: query-time lemmas and names come from the reader the package installs
# (kronika/reading.py), not from the stages.
FORBIDDEN = (
    "kronika.stories",
    "kronika.core",
    "kronika.batch",
    "kronika.watch",
    "kronika.ingest",
    "kronika.pipeline",
    "kronika.stages",
    "kronika.query_reader",
)


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(STORE.glob("*.py")), ids=lambda p: p.name)
def test_store_module_imports_no_runner_stories_or_core(path):
    assert [name for name in imported(path) if name.startswith(FORBIDDEN)] == []


@pytest.mark.parametrize(
    "source, found",
    [
        ("from kronika.stories.store import assign_story", {"kronika.stories.store"}),
        ("def f():\n    import kronika.core as core", {"kronika.core"}),
    ],
)
def test_imports_are_found_in_functions_too(tmp_path, source, found):
    path = tmp_path / "m.py"
    path.write_text(source)
    assert imported(path) == found
