"""The event codebook: CAMEO lookups, Goldstein values, QuadClass, the PLOVER crosswalk and PLOVER's types.

Reads only the committed tables in kronika/codebook/data/, never ../shared.
"""

from __future__ import annotations

import pytest

from kronika.codebook import QUAD_CLASSES, load_codebook, quad_class_of_root

# code, words of its CAMEO name, PLOVER type, PLOVER mode, Goldstein, QuadClass
LOOKUPS = [
    ("042", "visit", "CONSULT", "visit", 1.9, 1),
    ("043", "Host", "CONSULT", "visit", 2.8, 1),
    ("046", "negotiation", "CONSULT", None, 7.0, 1),
    ("057", "Sign formal agreement", "SUPPORT", None, 8.0, 1),
    ("036", "meet or negotiate", "AGREE", None, 4.0, 1),
    ("010", "Make statement", None, None, 0.0, 1),
    ("020", "appeal", None, None, 3.0, 1),
    ("073", "humanitarian aid", "AID", None, 7.4, 2),
    ("0841", "release person", "RETREAT", "release", 7.0, 2),
    ("0871", "ceasefire", "RETREAT", "ceasefire", 9.0, 2),
    ("091", "Investigate crime", "ACCUSE", "investigate", -2.0, 3),
    ("100", "Demand", "REQUEST", None, -5.0, 3),
    ("111", "Criticize or denounce", "ACCUSE", "disapprove", -2.0, 3),
    ("125", "Reject proposal to meet", "REJECT", "meet", -5.0, 3),
    ("139", "ultimatum", "THREATEN", "relations", -7.0, 3),
    ("141", "Demonstrate or rally", "PROTEST", "demo", -6.5, 4),
    ("154", "Mobilize or increase armed forces", "MOBILIZE", "troops", -7.2, 4),
    ("161", "diplomatic relations", "SANCTION", "withdraw", -4.0, 4),
    # The 2021 crosswalk puts sanctions under COERCE 'restrict', its root REDUCE RELATIONS under SANCTION; the
    # gold GUIDE accepts SANCTION|COERCE for sanctions.
    ("163", "embargo, boycott, or sanctions", "COERCE", "restrict", -8.0, 4),
    ("16", "REDUCE RELATIONS", "SANCTION", None, -4.0, 4),
    ("173", "Arrest", "COERCE", "arrest", -5.0, 4),
    ("190", "conventional military force", "ASSAULT", None, -10.0, 4),
    ("195", "aerial weapons", "ASSAULT", "heavy-weapons", -10.0, 4),
    ("2041", "chemical", "ASSAULT", "unconventional", -10.0, 4),
]

# GDELT/Phoenix QuadClass by root: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
# conflict, 14-20 material conflict.
QUAD_BY_ROOT = [
    (f"{root:02d}", 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4) for root in range(1, 21)
]

PLOVER_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT"
).split()

# The manual gives these types no modes.
MODELESS = {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}

MODES = [
    ("CONSULT", {"visit", "third-party", "multilateral", "phone"}),
    ("RETREAT", {"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    ("SANCTION", {"convict", "expel", "withdraw", "discontinue"}),
    ("THREATEN", {"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    ("ASSAULT", {"abduct", "targeted", "firearms", "explosives", "aerial", "drone", "heavy-weapons"}),
]

# Goldstein falls back to the nearest ancestor when GDELT's table lacks a code.
FALLBACKS = [("1213", -4.0), ("1214", -4.0)]


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


@pytest.mark.parametrize("code,name,ptype,mode,goldstein,quad", LOOKUPS)
def test_lookup(codebook, code, name, ptype, mode, goldstein, quad):
    entry = codebook.cameo(code)
    assert name.lower() in entry.name.lower()
    assert entry.plover_type == ptype
    assert entry.plover_mode == mode
    assert entry.root == code[:2]
    assert codebook.goldstein(code) == goldstein
    assert codebook.quad_class(code) == quad == entry.quad_class


@pytest.mark.parametrize("root,quad", QUAD_BY_ROOT)
def test_quad_class_by_root(codebook, root, quad):
    assert quad_class_of_root(root) == quad
    assert codebook.quad_class(root) == quad
    assert all(e.quad_class == quad for e in codebook.codes.values() if e.root == root)
    assert quad in QUAD_CLASSES


@pytest.mark.parametrize("root", [root for root, _ in QUAD_BY_ROOT])
def test_every_root_is_named_and_scored(codebook, root):
    entry = codebook.cameo(root)
    assert entry.name.isupper()
    assert entry.goldstein is not None
    assert any(len(code) > 2 for code in codebook.codes if code.startswith(root))


@pytest.mark.parametrize("code,value", FALLBACKS)
def test_goldstein_falls_back_to_ancestor(codebook, code, value):
    assert codebook.cameo(code).goldstein is None
    assert codebook.goldstein(code) == value


def test_every_code_has_name_goldstein_and_known_type(codebook):
    assert len(codebook.codes) > 300
    for code, entry in codebook.codes.items():
        assert 2 <= len(code) <= 4 and code.isdigit()
        assert entry.name, code
        assert -10.0 <= codebook.goldstein(code) <= 10.0
        assert entry.plover_type is None or entry.plover_type in codebook.plover_types, code
        assert all(c for c in entry.plover_contexts)


def test_dropped_and_split_roots_say_so(codebook):
    for code, entry in codebook.codes.items():
        if entry.root in ("01", "02"):
            assert entry.plover_type is None and "dropped" in entry.note, code
    assert codebook.cameo("08").plover_type is None and "CONCEDE" in codebook.cameo("08").note
    assert codebook.cameo("081").plover_type == "CONCEDE"
    assert codebook.cameo("085").plover_type == "RETREAT"


def test_crosswalk_modes_outside_the_manual_are_noted(codebook):
    for code, entry in codebook.codes.items():
        if entry.plover_type and entry.plover_mode:
            known = {m.name for m in codebook.plover_types[entry.plover_type].modes}
            assert entry.plover_mode in known or entry.plover_mode in entry.note, code


def test_plover_types(codebook):
    assert list(codebook.plover_types) == PLOVER_TYPES
    for name, ptype in codebook.plover_types.items():
        assert ptype.definition and ptype.quad_class in QUAD_CLASSES
        assert bool(ptype.modes) == (name not in MODELESS), name
    assert codebook.plover_types["AID"].requires_recipient
    assert not codebook.plover_types["CONSULT"].requires_recipient


@pytest.mark.parametrize("ptype,modes", MODES)
def test_plover_modes(codebook, ptype, modes):
    assert modes <= {m.name for m in codebook.plover_types[ptype].modes}


def test_plover_contexts(codebook):
    contexts = codebook.plover_contexts
    assert {"military", "diplomatic", "economic", "legal", "human_rights", "cbrn"} <= set(contexts)
    assert all(c.definition for c in contexts.values())


def test_unknown_code_says_what_codes_look_like(codebook):
    with pytest.raises(KeyError, match="2-4 digit"):
        codebook.cameo("999")
    assert "999" not in codebook


def test_loaded_once():
    assert load_codebook() is load_codebook()
