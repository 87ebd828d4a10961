"""The statements' package (kronika/store/sql/): every public name of each of its modules is a name of the
package (callers write ``sql.NAME``), and no two modules define one name (the package's star imports would
keep the later one without a word)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

from kronika.store import sql

MODULES = sorted(module.name for module in pkgutil.iter_modules(sql.__path__))


def defined(module: str) -> set[str]:
    """The public names a module of the package assigns or defines at its top level."""
    tree = ast.parse((Path(sql.__path__[0]) / f"{module}.py").read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.FunctionDef):
            names.add(node.name)
    return {name for name in names if not name.startswith("_")}


def test_the_package_has_its_modules():
    assert {"connection", "schema", "summaries", "writing", "events", "totals"} <= set(MODULES)


def test_no_two_modules_define_one_name():
    owners: dict[str, list[str]] = {}
    for module in MODULES:
        for name in defined(module):
            owners.setdefault(name, []).append(module)
    assert {name: found for name, found in owners.items() if len(found) > 1} == {}


@pytest.mark.parametrize("module", MODULES)
def test_the_package_names_each_statement_of(module):
    loaded = importlib.import_module(f"kronika.store.sql.{module}")
    names = defined(module)
    assert names, f"kronika/store/sql/{module}.py defines no statement"
    assert {name for name in names if getattr(sql, name, None) is not getattr(loaded, name)} == set()
