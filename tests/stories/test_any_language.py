"""No article is refused for its language: identification, codes, and the commands that read many articles."""

import json

import pytest
from click.testing import CliRunner

import kronika
from kronika.cli import main
from kronika.core import stages_note
from kronika.errors import KronikaError
from kronika.lang.langid import detect_language, known_languages, language_code

# Short texts written for these tests, one per script or language family outside the old list of thirty.
ARTICLES = [
    ("el", "Ο Ντόναλντ Τραμπ συναντήθηκε με τον Βλαντιμίρ Πούτιν στο Ελσίνκι τη Δευτέρα."),
    ("ka", "დონალდ ტრამპი ორშაბათს ჰელსინკიში შეხვდა ვლადიმერ პუტინს."),
    ("hi", "डोनाल्ड ट्रम्प ने सोमवार को हेलसिंकी में व्लादिमीर पुतिन से मुलाकात की।"),
    ("he", "דונלד טראמפ נפגש ביום שני עם ולדימיר פוטין בהלסינקי."),
    ("hy", "Դոնալդ Թրամփը երկուշաբթի օրը Հելսինկիում հանդիպեց Վլադիմիր Պուտինին։"),
    (
        "sw",
        "Rais wa Marekani Donald Trump alikutana na rais wa Urusi Vladimir Putin mjini Helsinki siku ya "
        "Jumatatu na kuzungumza kuhusu vita na amani.",
    ),
    ("vi", "Tổng thống Donald Trump đã gặp ông Vladimir Putin tại Helsinki vào thứ Hai."),
    ("fa", "دونالد ترامپ روز دوشنبه در هلسینکی با ولادیمیر پوتین دیدار کرد."),
]


@pytest.mark.parametrize("lang, text", ARTICLES)
def test_identification_covers_every_lingua_language(lang, text):
    assert lang in known_languages()
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "value, code",
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-US", "en"),
        ("pt_BR", "pt"),
        ("eng", "en"),
        ("ger", "de"),
        ("English", "en"),
        ("fil", "fil"),
        ("und", "und"),
        ("xx", None),
        ("", None),
        ("auto", None),
        (None, None),
    ],
)
def test_language_codes_are_normalised(value, code):
    assert language_code(value) == code


@pytest.mark.parametrize("lang, text", ARTICLES[:3])
def test_a_language_without_a_pack_gets_names_and_says_which_stages_ran(lang, text):
    record = kronika.analyze(text, lang="auto")
    assert record.lang == lang and not record.sentences and not record.events
    assert {"Donald Trump", "Vladimir Putin"} <= {e.name for e in record.entities}
    assert "alias_entities" in stages_note(lang) and stages_note("pl") is None


def test_a_code_that_names_no_language_is_a_clear_error():
    with pytest.raises(KronikaError, match="'xx'.*not an ISO 639"):
        kronika.analyze("text", lang="xx")


def inputs(tmp_path):
    """Every article of the table, plus one whose given language has no pack and is unknown to lingua, one
    with a language field that names nothing, and two without letters."""
    rows = [{"id": f"a-{lang}", "text": text} for lang, text in ARTICLES]
    rows += [
        {"id": "given-fil", "lang": "fil", "text": "Nagkita sina Donald Trump at Vladimir Putin sa Helsinki."},
        {
            "id": "given-junk",
            "lang": "Klingonese?",
            "text": "The two presidents met in Helsinki on Monday and talked for two hours.",
        },
        {"id": "digits", "text": "432 / 202 — 2019-01-15"},
        {"id": "symbols", "text": "★ ☆ ★"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path, rows


def test_cluster_accepts_every_language(tmp_path):
    path, rows = inputs(tmp_path)
    result = CliRunner().invoke(main, ["cluster", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    out = {r["id"]: r for r in map(json.loads, (tmp_path / "out.jsonl").read_text().splitlines())}
    assert set(out) == {r["id"] for r in rows}
    assert out["given-fil"]["lang"] == "fil" and out["given-junk"]["lang"] == "en"
    assert out["digits"]["lang"] == "und"
    # One meeting in eight languages and scripts: one story.
    assert len({out[f"a-{lang}"]["story"] for lang, _ in ARTICLES}) == 1


def test_ingest_auto_accepts_every_language(tmp_path):
    path, rows = inputs(tmp_path)
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "k.db"), "--lang", "auto"])
    assert result.exit_code == 0, result.output
    exported = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "k.db")]).stdout.splitlines()
    assert {json.loads(line)["id"] for line in exported} == {r["id"] for r in rows}


def test_batch_auto_accepts_every_language(tmp_path):
    path, rows = inputs(tmp_path)
    result = CliRunner().invoke(
        main, ["batch", str(path), "--out", str(tmp_path / "o"), "--workers", "1", "--lang", "auto"]
    )
    assert result.exit_code == 0, result.output
    assert f"{len(rows)} article(s)" in result.stderr and "0 failed" in result.stderr
