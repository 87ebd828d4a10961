"""Language packs: everything language-specific lives under ``kronika/lang/<code>/``.

Stages get what they need (abbreviations, morphology, ...) from the pack returned by
``get_language(code)`` and contain no words of any language themselves.
"""

from __future__ import annotations

import importlib
from functools import cache

from kronika.errors import KronikaError

# Every language with a pack: its articles get the whole pipeline, however their language is known (named by
# the input, identified by ``--lang auto``, or asked for). English joined when the stories benchmark showed
# auto-identified English articles analysed by its pack cluster as well as with names and dates alone.
SUPPORTED = ("pl", "en")


def check_language(code: str) -> None:
    """Refuse a code that names no language; every ISO 639 code is accepted (a language without a pack gets
    the language-independent stages)."""
    from kronika.lang.langid import language_code

    if language_code(code) is None:
        raise KronikaError(
            "E102",
            f"no language pack for '{code}' and not an ISO 639 language code; give 'auto', 'pl' (the whole "
            "pipeline), 'en' (the English pack, rules only) or any language's code (names and dates only)",
        )


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
