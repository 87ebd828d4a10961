"""Language packs: everything language-specific lives under ``kronika/lang/<code>/``.

Stages get what they need (abbreviations, morphology, ...) from the pack returned by
``get_language(code)`` and contain no words of any language themselves.
"""

from __future__ import annotations

import importlib
from functools import cache

from kronika.errors import KronikaError

SUPPORTED = ("pl",)


@cache
def get_language(code: str):
    """The language pack for an ISO 639-1 code, imported once per process."""
    if code not in SUPPORTED:
        raise KronikaError(
            "E102",
            f"no language pack for '{code}'; supported: {', '.join(SUPPORTED)} (use --lang pl)",
        )
    module = importlib.import_module(f"kronika.lang.{code}")
    return module.LANGUAGE
