"""Bytes to clean text: UTF-8 first, then the two legacy Polish code pages, decided by the bytes that differ.

charset-normalizer alone often mistakes ISO-8859-2 for ISO-8859-10 or cp1250 (and cp1252 text for
cp1250), so it is only asked to break a tie between cp1250 and ISO-8859-2.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from kronika.errors import InputError

LEGACY_ENCODINGS = ("cp1250", "iso-8859-2")

# Letters that only Polish (among the languages these code pages serve) needs; counting them under each
# candidate decoding tells the two code pages apart: e.g. 0xB9 is "ą" in cp1250 but "š" in ISO-8859-2,
# 0xB1 is "ą" in ISO-8859-2 but "±" in cp1250.
POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")

# C0 control bytes that never occur in text (tab, newline, form feed, carriage return and escape do).
_CONTROL_BYTES = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B} | {0x7F}
_BINARY_SAMPLE = 8192
_BINARY_CONTROL_SHARE = 0.10

_C1_CONTROLS = re.compile("[\x80-\x9f]")
# Polish letters and typographic quotes and dashes as UTF-8 bytes: found in a file that is not valid UTF-8,
# they mean a mix (e.g. UTF-8 paragraphs pasted into a cp1250 file). As legacy bytes they would read "Ä…",
# "Ăł", "â€ž", which Polish text never has.
_UTF8_MARKS = re.compile(b"|".join(re.escape(ch.encode("utf-8")) for ch in sorted(POLISH_LETTERS | set("„”–—"))))
log = logging.getLogger("kronika")
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_-]+)""")


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or many control bytes early on, mean an image, archive or other non-text file."""
    if b"\x00" in raw:
        return True
    sample = raw[:_BINARY_SAMPLE]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_SHARE


def normalize_text(text: str) -> str:
    """One form for all text: NFC (so offsets count "ą" as one code point) and "\\n" line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode(raw: bytes, source: str) -> str:
    """Decode ``raw`` or raise InputError E203 (binary) / E205 (encoding undecidable)."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        # UTF-16 is full of NUL bytes, so it must be recognised before the binary check.
        if raw.startswith(bom):
            try:
                return normalize_text(raw[len(bom) :].decode(encoding))
            except UnicodeDecodeError:
                break
    if looks_binary(raw):
        raise InputError(
            "E203",
            source,
            "looks binary (NUL or control bytes), not text; give a text, JSON Lines, HTML or RSS/Atom file",
        )
    try:
        return normalize_text(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    if _UTF8_MARKS.search(raw):
        return normalize_text(_decode_mixed(raw, source))
    return normalize_text(_decode_legacy(raw, source))


def _decode_mixed(raw: bytes, source: str) -> str:
    """UTF-8 where the bytes are valid UTF-8, the legacy code page the other bytes favour elsewhere, and one
    warning line: a mixed file is analysed, but its author should know that a guess was made."""
    parts, invalid, position = [], [], 0
    while position < len(raw):
        try:
            parts.append(raw[position:].decode("utf-8-sig" if position == 0 else "utf-8"))
            break
        except UnicodeDecodeError as error:
            start = position + error.start
            parts.append(raw[position:start].decode("utf-8-sig" if position == 0 else "utf-8"))
            invalid.append(len(parts))
            parts.append(raw[start : position + error.end])
            position += error.end
    legacy = _legacy_of(b"".join(parts[i] for i in invalid))
    for i in invalid:
        parts[i] = parts[i].decode(legacy, errors="replace")
    log.warning(
        "%s: mixes UTF-8 and %s (%d byte(s) not UTF-8); each part is decoded as its own, but re-encode "
        "the file as UTF-8 to be sure",
        source,
        legacy,
        sum(len(parts[i]) for i in invalid),
    )
    return "".join(parts)


def _legacy_of(raw: bytes) -> str:
    """The legacy code page whose decoding of ``raw`` has more Polish letters (cp1250 when they agree)."""
    scores = {enc: _polish_score(text) for enc, text in _candidates(raw).items()}
    return max(scores, key=scores.get) if scores else LEGACY_ENCODINGS[0]


def _candidates(raw: bytes) -> dict[str, str]:
    """Legacy decodings that are plausible: decodable, and without C1 controls (bytes 0x80-0x9F that
    ISO-8859-2 maps to invisible controls but cp1250 uses for letters such as "ś" and "ź")."""
    found = {}
    for encoding in LEGACY_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _C1_CONTROLS.search(text):
            found[encoding] = text
    return found


def _polish_score(text: str) -> int:
    return sum(1 for ch in text if ch in POLISH_LETTERS)


def _decode_legacy(raw: bytes, source: str) -> str:
    candidates = _candidates(raw)
    if not candidates:
        raise InputError(
            "E205",
            source,
            "is neither UTF-8 nor cp1250/ISO-8859-2 text; re-encode it as UTF-8 (e.g. iconv -f <encoding> -t UTF-8)",
        )
    if len(set(candidates.values())) == 1:
        return next(iter(candidates.values()))
    scores = {enc: _polish_score(text) for enc, text in candidates.items()}
    best = max(scores.values())
    winners = [enc for enc, score in scores.items() if score == best]
    if len(winners) == 1:
        return candidates[winners[0]]
    chosen = _break_tie(raw, winners)
    if chosen is None:
        raise InputError(
            "E205",
            source,
            "could be cp1250 or ISO-8859-2 and the bytes do not tell which; "
            "re-encode it as UTF-8 (e.g. iconv -f cp1250 -t UTF-8)",
        )
    return candidates[chosen]


def _break_tie(raw: bytes, encodings: list[str]) -> str | None:
    """A declared charset (HTML meta, XML declaration) first, then charset-normalizer, limited to the tie."""
    declared = _DECLARED_CHARSET.search(raw[:4096])
    if declared:
        name = _canonical(declared.group(1).decode("ascii"))
        if name in encodings:
            return name
    from charset_normalizer import from_bytes  # imported here: only the rare tie needs it

    guess = from_bytes(raw, cp_isolation=["cp1250", "iso8859_2"]).best()
    if guess is not None and _canonical(guess.encoding) in encodings:
        return _canonical(guess.encoding)
    return None


def _canonical(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return {"cp1250": "cp1250", "iso8859-2": "iso-8859-2"}.get(codec)
