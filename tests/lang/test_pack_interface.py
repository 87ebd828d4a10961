"""Every language pack fills the declared interface (``kronika/lang/base.py``), and the code outside the packs asks
a pack for nothing the interface does not declare."""

from __future__ import annotations

import ast
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


@pytest.mark.parametrize(
    ("pattern", "declared", "what"),
    [
        (r"\bcues\.([A-Z][A-Z_0-9]+)", set(EVENT_CUES), "event cue"),
        (r"\.data\(\"(\w+)\"\)", set(DATA_PARTS), "data part"),
        (r"\blanguage\.([a-z_]+)\b", set(pack_members()), "pack member"),
    ],
)
def test_code_outside_packs_uses_declared_names(pattern, declared, what):
    used = {
        (name, path.name) for path in OUTSIDE_PACKS for name in re.findall(pattern, path.read_text(encoding="utf-8"))
    }
    undeclared = sorted(f"{name} ({where})" for name, where in used if name not in declared)
    assert not undeclared, f"{what}s used but not declared in kronika/lang/base.py: {undeclared}"


def test_no_stage_imports_a_pack_module_by_name():
    reaching = [
        p.name for p in OUTSIDE_PACKS if re.search(r"import_module\(f?\"kronika\.lang\.", p.read_text(encoding="utf-8"))
    ]
    assert reaching == []


def test_declared_check_can_fail():
    class Partial:
        code = "xx"

        def data(self, part):
            return None

    assert not isinstance(Partial(), LanguagePack)


# A tagset's own strings: the NKJP/SGJP word classes and attribute values. Stages read tags as UD (``pack.morph``,
# ``kronika/lang/ud.py``); only a pack's folder may compare these.
NKJP_CLASSES = frozenset(
    {
        "subst",
        "depr",
        "ger",
        "brev",
        "ign",
        "xxx",
        "frag",
        "burk",
        "prefa",
        "prefs",
        "naj",
        "adj",
        "adja",
        "adjp",
        "adjc",
        "ppas",
        "pact",
        "pacta",
        "fin",
        "bedzie",
        "praet",
        "imps",
        "impt",
        "cond",
        "inf",
        "pcon",
        "pant",
        "winien",
        "pred",
        "aglt",
        "num",
        "numcol",
        "numcomp",
        "dig",
        "romandig",
        "ppron12",
        "ppron3",
        "siebie",
        "adv",
        "prep",
        "conj",
        "comp",
        "qub",
        "interj",
        "interp",
        "sym",
    }
)
# "pl" left out: it is also the language's code.
NKJP_VALUES = frozenset(
    {
        "sg",
        "m1",
        "m2",
        "m3",
        "pri",
        "sec",
        "ter",
        "imperf",
        "perf",
        "aff",
        "akc",
        "nakc",
        "praep",
        "npraep",
        "agl",
        "nagl",
        "wok",
        "nwok",
        "congr",
        "rec",
    }
)
NKJP_CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})


def tag_literals(source: str, forbidden: frozenset[str]) -> list[tuple[int, str]]:
    """(line, literal) for every forbidden string compared (``==``, ``!=``, ``in``) or gathered into a constant
    tuple or set: the two shapes in which code tests tags."""
    found = []

    def strings(node) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            return [s for item in node.elts for s in strings(item)]
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("frozenset", "set", "tuple"):
            return [s for arg in node.args for s in strings(arg)]
        return []

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
        elif isinstance(node, ast.Assign) and isinstance(node.value, (ast.Tuple, ast.Set, ast.List, ast.Call)):
            operands = [node.value]
        else:
            continue
        found += [(node.lineno, s) for operand in operands for s in strings(operand) if s in forbidden]
    return found


def outside_packs() -> list[Path]:
    packs = {PACKAGE / "lang" / code for code in SUPPORTED}
    return [p for p in PACKAGE.rglob("*.py") if not packs & set(p.parents)]


def test_no_tag_literal_outside_packs():
    forbidden = NKJP_CLASSES | NKJP_VALUES | NKJP_CASES
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {literal!r}"
        for path in outside_packs()
        for line, literal in tag_literals(path.read_text(encoding="utf-8"), forbidden)
    ]
    assert not found, f"tag literals outside the language packs (read pack.morph(tag) instead): {found}"


PLANTED = [
    ('if tag.split(":")[0] == "subst":\n    pass\n', [(1, "subst")]),
    ('ok = cls in ("fin", "praet")\n', [(1, "fin"), (1, "praet")]),
    ('VERBS = frozenset({"inf", "impt"})\n', [(1, "inf"), (1, "impt")]),
    ('if "m1" not in values:\n    pass\n', [(1, "m1")]),
    ('found = "nom" in cases\n', [(1, "nom")]),
    ('if morph(tag).has("Case=Nom"):\n    pass\n', []),
    ('label = "subst"\nprint(get("loc", ("",)))\n', []),
]


@pytest.mark.parametrize(("source", "expected"), PLANTED)
def test_tag_literal_check_finds_planted_literals(source, expected):
    assert tag_literals(source, NKJP_CLASSES | NKJP_VALUES | NKJP_CASES) == expected
