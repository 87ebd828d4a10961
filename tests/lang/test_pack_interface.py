"""Every language pack fills the declared interface (``kronika/lang/base.py``), and the code outside the packs asks
a pack for nothing the interface does not declare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kronika.lang import SUPPORTED, get_language
from kronika.lang.base import DATA_PARTS, EVENT_CUES, LanguagePack, missing_names, pack_members

PACKAGE = Path(__file__).resolve().parents[2] / "kronika"
OUTSIDE_PACKS = [p for p in PACKAGE.rglob("*.py") if "lang" not in p.relative_to(PACKAGE).parts[:1]]


@pytest.mark.parametrize("code", SUPPORTED)
def test_pack_conforms(code):
    pack = get_language(code)
    assert isinstance(pack, LanguagePack)
    assert missing_names(pack) == []


@pytest.mark.parametrize("code", SUPPORTED)
def test_unknown_data_part_is_named(code):
    with pytest.raises(KeyError, match="no data part 'nonsense'"):
        get_language(code).data("nonsense")


@pytest.mark.parametrize(("pattern", "declared", "what"), [
    (r"\bcues\.([A-Z][A-Z_0-9]+)", set(EVENT_CUES), "event cue"),
    (r"\.data\(\"(\w+)\"\)", set(DATA_PARTS), "data part"),
    (r"\blanguage\.([a-z_]+)\b", set(pack_members()), "pack member"),
])
def test_code_outside_packs_uses_declared_names(pattern, declared, what):
    used = {(name, path.name) for path in OUTSIDE_PACKS
            for name in re.findall(pattern, path.read_text(encoding="utf-8"))}
    undeclared = sorted(f"{name} ({where})" for name, where in used if name not in declared)
    assert not undeclared, f"{what}s used but not declared in kronika/lang/base.py: {undeclared}"


def test_no_stage_imports_a_pack_module_by_name():
    reaching = [p.name for p in OUTSIDE_PACKS if re.search(r"import_module\(f?\"kronika\.lang\.", p.read_text(encoding="utf-8"))]
    assert reaching == []


def test_declared_check_can_fail():
    class Partial:
        code = "xx"

        def data(self, part):
            return None

    assert not isinstance(Partial(), LanguagePack)
