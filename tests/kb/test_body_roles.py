"""The national bodies' roles are named in three places that must agree: the knowledge base's BODY_ROLES (what
``KnowledgeBase.body`` answers for), the KB build's BODY_KINDS (which makes each state's entry of a role) and every
language pack's titles (which map a title to a role). A role one of them lacks fails silently otherwise: a title
that resolves to nothing, or entries the linker never asks for."""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT
from kronika.kb.model import BODY_ROLES
from kronika.lang.en import titles as en_titles
from kronika.lang.pl import titles as pl_titles


def build_kinds() -> set[str]:
    """BODY_KINDS' keys, read from the build script's source: the script imports the build extras, which a test
    run need not have."""
    tree = ast.parse((ROOT / "scripts" / "build_kb.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "BODY_KINDS" for t in node.targets):
            return set(ast.literal_eval(node.value))
    raise AssertionError("scripts/build_kb.py has no BODY_KINDS")


def test_the_build_makes_every_role_the_kb_answers_for():
    assert build_kinds() == set(BODY_ROLES)


@pytest.mark.parametrize("pack", [pl_titles, en_titles], ids=["pl", "en"])
def test_a_pack_title_names_a_known_role(pack):
    assert set(pack.BODIES.values()) - set(BODY_ROLES) == set()
