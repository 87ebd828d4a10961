"""JSON bodies of the API: the bytes Starlette's ``JSONResponse`` sends (``json.dumps`` with ``ensure_ascii=False``
and compact separators), made by orjson, which encodes a page of 50 events in a tenth of the time.

orjson writes every value as the standard library does except a float of magnitude 1e-9 to 1e-4
(``0.00001`` and ``2.5e-7`` where ``json`` writes ``1e-05`` and ``2.5e-07``: checked over 400,000 random
floats), and refuses what ``json`` accepts otherwise (integers beyond 64 bits, keys that are not text). Both
are rare in the store's data (a tone, a coordinate), so the fast bytes are searched for such a number and
anything suspect, and anything orjson refuses, is encoded again by ``json``: the same bytes either way.
orjson writes NaN as null where ``json`` (``allow_nan=False``) fails; the API's values are cleaned of NaN
before they get here (``kronika.api.deps.clean``).
"""

from __future__ import annotations

import json
import re

import orjson
from fastapi.responses import JSONResponse

# A number (after ``:``, ``,`` or ``[``) written in orjson's form of a small float: with a negative exponent,
# or as 0.0000... A string that merely contains such text is a false alarm, encoded again at the slower speed.
# The expression runs only around the places a literal search finds one of its two tails, each with the most
# characters such a number can have before it (orjson writes at most 17 digits, a point and a sign): scanning
# a 30 kB body with it cost ten times its encoding (an article record whose text says "e-mail": 0.25 ms).
# Each tail is found by one pass of a literal expression (``finditer``), not by ``bytes.find`` called again
# after each hit: "e-" is in every few hundred bytes of a page's sentences and addresses, and the calls cost
# more than the encoding itself (a 500-event page, 300 kB in 10 parts: 1.3 -> 0.7 ms; the same hits).
_SMALL_FLOAT = re.compile(rb"[:,\[]-?(?:\d+(?:\.\d+)?e-|0\.0000)")
# A tail and how far before it such a number starts at most.
_TAILS = ((re.compile(rb"e-"), 32), (re.compile(rb"0\.0000"), 2))


def dumps(value) -> bytes:
    """``value`` as JSON bytes, identical to ``JSONResponse(value).body``."""
    try:
        encoded = orjson.dumps(value)
    except (TypeError, orjson.JSONEncodeError):
        return _stdlib(value)
    if _small_float(encoded):
        return _stdlib(value)
    return encoded


def _small_float(encoded: bytes) -> bool:
    """Whether ``_SMALL_FLOAT`` matches near a tail in ``encoded`` (every small float's match does)."""
    for tail, before in _TAILS:
        # Non-overlapping hits: of two overlapping "0.0000" the second follows a digit, so its window could
        # hold no match the first's did not.
        for hit in tail.finditer(encoded):
            if _SMALL_FLOAT.search(encoded, max(0, hit.start() - before), hit.end()):
                return True
    return False


def _stdlib(value) -> bytes:
    # JSONResponse.render's own settings.
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode("utf-8")


class FastJSONResponse(JSONResponse):
    """``JSONResponse`` with the body made by :func:`dumps` (the same bytes)."""

    def render(self, content) -> bytes:
        return dumps(content)
