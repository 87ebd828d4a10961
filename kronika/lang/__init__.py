"""Language packs: everything language-specific lives under ``kronika/lang/<code>/``.

Stages get what they need (abbreviations, morphology, ...) from the pack returned by
``get_language(code)`` and contain no words of any language themselves.
"""

from __future__ import annotations

import importlib
from functools import cache

from kronika.errors import KronikaError

# Languages whose articles get their pack however their language is known: named by the input, identified
# (``--lang auto``) or asked for.
SUPPORTED = ("pl",)
# Every pack. One outside SUPPORTED runs only when asked for by name (``--lang en``): English articles
# identified automatically keep the language-independent stages cross-lingual stories are measured with
# (README "Measured: stories"), until the pack is shown not to make those stories worse.
PACKS = ("pl", "en")


def runs_pack(code: str, asked: bool = False) -> bool:
    """Whether an article in ``code`` gets its language pack: always for SUPPORTED, for the other packs only
    when the caller asked for that language by name."""
    return code in SUPPORTED or (asked and code in PACKS)


def check_language(code: str) -> None:
    """Refuse a code that names no language; every ISO 639 code is accepted (a language without a pack gets
    the language-independent stages)."""
    from kronika.lang.langid import language_code

    if language_code(code) is None:
        raise KronikaError(
            "E102",
            f"no language pack for '{code}' and not an ISO 639 language code; give 'auto', 'pl' (the whole "
            "pipeline), 'en' (the English pack) or any language's code (names and dates only)",
        )


@cache
def get_language(code: str):
    """The language pack for an ISO 639-1 code, imported once per process."""
    if code not in PACKS:
        raise KronikaError(
            "E102",
            f"no language pack for '{code}'; packs: {', '.join(PACKS)} (use --lang pl)",
        )
    module = importlib.import_module(f"kronika.lang.{code}")
    return module.LANGUAGE
