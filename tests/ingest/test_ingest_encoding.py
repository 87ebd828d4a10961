"""Legacy Polish code pages are told apart by the bytes that differ; all text ends up NFC with \\n."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from kronika.errors import InputError
from kronika.ingest import Article, read_articles

POLISH = [
    "Zażółć gęślą jaźń. ŚWIĘTO, ŹRÓDŁO, ĄĘ, Łódź i Kraków.",
    "Mąka i łąka",  # only "ą" differs: 0xB9 in cp1250, 0xB1 in ISO-8859-2
    "Święto",  # only "Ś": 0x8C in cp1250, 0xA6 in ISO-8859-2
    "Źródło",  # only "Ź": 0x8F in cp1250, 0xAC in ISO-8859-2
    "Ąę",  # "Ą": 0xA5 in cp1250, 0xA1 in ISO-8859-2
    "Żółć, łęk, ćma, koń",  # letters both code pages share: the decodings agree
]


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2", "utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("text", POLISH)
def test_polish_encodings(tmp_path, encoding, text):
    path = tmp_path / "a.txt"
    path.write_bytes(f" date 2025-09-04 {text}\n".encode(encoding))
    [article] = read_articles([str(path)])
    assert article == Article(text=text, date="2025-09-04", source=str(path))


def test_nfc_and_line_ends(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Zażółć\r\ngęślą\rjaźń")
    path = tmp_path / "a.txt"
    path.write_bytes(decomposed.encode("utf-8"))
    [article] = read_articles([str(path)])
    assert article.text == "Zażółć\ngęślą\njaźń"


BAD_BYTES = [
    ("E205", b"abc \x81\x8d\x90\x9d text"),  # undefined in cp1250, C1 controls in ISO-8859-2
    ("E203", b"PK\x03\x04\x00\x00binary"),
    ("E203", bytes(range(1, 9)) * 50 + b"some text"),
    ("E203", codecs.BOM_UTF8 + b"text\x00more"),
]


@pytest.mark.parametrize(("code", "raw"), BAD_BYTES)
def test_undecodable_and_binary(tmp_path, code, raw):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    [error] = read_articles([str(path)])
    assert isinstance(error, InputError)
    assert (error.code, error.source) == (code, str(path))


FEED = (
    '<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel><item><title>Gęś</title>'
    "<description>Zażółć gęślą jaźń, Świętość.</description></item></channel></rss>"
)
PAGE = (
    '<html><head><meta charset="{declared}"><title>Gęś</title></head><body><article><p>Zażółć gęślą jaźń, '
    "Świętość i inne słowa w artykule prasowym o polityce.</p></article></body></html>"
)

# (template, name, declared charset, real encoding, expected text); Polish sites often declare
# ISO-8859-2 and serve cp1250, so the bytes decide, not the declaration.
MARKUP_CASES = [
    (FEED, "f.xml", "windows-1250", "cp1250", "Zażółć gęślą jaźń, Świętość."),
    (FEED, "f.rss", "iso-8859-2", "iso-8859-2", "Zażółć gęślą jaźń, Świętość."),
    (FEED, "f.rss", "iso-8859-2", "cp1250", "Zażółć gęślą jaźń, Świętość."),
    (
        PAGE,
        "p.html",
        "iso-8859-2",
        "iso-8859-2",
        "Zażółć gęślą jaźń, Świętość i inne słowa w artykule prasowym o polityce.",
    ),
    (
        PAGE,
        "p.html",
        "iso-8859-2",
        "cp1250",
        "Zażółć gęślą jaźń, Świętość i inne słowa w artykule prasowym o polityce.",
    ),
]


@pytest.mark.parametrize(("template", "name", "declared", "encoding", "text"), MARKUP_CASES)
def test_legacy_encodings_in_feeds_and_pages(tmp_path, template, name, declared, encoding, text):
    path = tmp_path / name
    path.write_bytes(template.format(declared=declared).encode(encoding))
    [article] = read_articles([str(path)])
    assert (article.text, article.title) == (text, "Gęś")


# (case, the file's parts as (text, encoding), whether one "mixes UTF-8" warning names the file)
MIXED = [
    ("UTF-8 only", [("Zażółć gęślą jaźń. „Cytat” – koniec.", "utf-8")], False),
    ("cp1250 only", [("Zażółć gęślą jaźń. Mąka i łąka.", "cp1250")], False),
    ("cp1250 capitals that happen to form UTF-8 pairs", [("ŁÓŻKO I ĆMA. ŹRÓDŁO.", "cp1250")], False),
    ("a cp1250 paragraph, then a UTF-8 one", [("Mąka i łąka.\n", "cp1250"), ("Żółć i ćma.", "utf-8")], True),
    ("a UTF-8 paragraph, then a cp1250 one", [("Święto „w mieście”.\n", "utf-8"), ("Źródło i jaźń.", "cp1250")], True),
    ("UTF-8 quotes in cp1250 text", [("Powiedział ", "cp1250"), ("„tak”", "utf-8"), (" w Łodzi.", "cp1250")], True),
]


@pytest.mark.parametrize(("case", "parts", "mixed"), MIXED, ids=[m[0] for m in MIXED])
def test_mixed_utf8_and_cp1250(tmp_path, caplog, case, parts, mixed):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"".join(text.encode(encoding) for text, encoding in parts))
    with caplog.at_level("WARNING", logger="kronika"):
        [article] = read_articles([str(path)])
    assert article.text == "".join(text for text, _ in parts)  # each part read in its own encoding
    warnings = [r.getMessage() for r in caplog.records if "mixes UTF-8" in r.getMessage()]
    assert len(warnings) == (1 if mixed else 0)
    assert all(str(path) in w and "cp1250" in w for w in warnings)
