"""The Polish trigger lexicon: CAMEO roots covered, both aspects of verbs, valid codes, frames and lemmas."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest

from kronika.codebook import load_codebook
from kronika.lang.pl.triggers import TRIGGERS, Frame, load_triggers, parse_frame

ROOTS = [f"{root:02d}" for root in range(1, 21)]
MIN_ROWS_PER_ROOT = 10

# (perfective, imperfective) rows that must both be present, with the same code.
ASPECT_PAIRS = [
    ("spotkać się", "spotykać się"),
    ("potępić", "potępiać"),
    ("ostrzelać", "ostrzeliwać"),
    ("zaatakować", "atakować"),
    ("nałożyć sankcja", "nakładać sankcja"),
    ("skrytykować", "krytykować"),
    ("oskarżyć", "oskarżać"),
    ("odrzucić", "odrzucać"),
    ("zagrozić", "grozić"),
    ("podpisać", "podpisywać"),
    ("odwiedzić", "odwiedzać"),
    ("wydalić dyplomata", "wydalać dyplomata"),
    ("zerwać stosunek", "zrywać stosunek"),
    ("zawrzeć porozumienie", "zawierać porozumienie"),
    ("wezwać do", "wzywać do"),
    ("oświadczyć", "oświadczać"),
    ("zbombardować", "bombardować"),
    ("uwolnić", "uwalniać"),
    ("wycofać się", "wycofywać się"),
    ("zmobilizować", "mobilizować"),
]

# lemma sequence -> CAMEO code: the examples and the common news nouns.
EXPECTED = [
    ("spotkać się", "040"),
    ("wizyta", "042"),
    ("rozmowa", "040"),
    ("spotkanie", "040"),
    ("szczyt", "040"),
    ("negocjacja", "046"),
    ("porozumienie", "057"),
    ("umowa", "057"),
    ("sankcja", "163"),
    ("atak", "190"),
    ("ostrzał", "194"),
    ("nalot", "195"),
    ("inwazja", "190"),
    ("agresja", "190"),
    ("protest", "141"),
    ("demonstracja", "141"),
    ("strajk", "143"),
    ("oskarżenie", "112"),
    ("krytyka", "111"),
    ("groźba", "130"),
    ("ultimatum", "139"),
    ("pomoc", "070"),
    ("wsparcie", "051"),
    ("wsparcie wojskowy", "072"),
    ("dostawa broń", "072"),
    ("zawieszenie broń", "0871"),
    ("rozejm", "0871"),
    ("ewakuacja", "073"),
    ("aresztowanie", "173"),
    ("zatrzymanie", "173"),
    ("blokada", "191"),
    ("embargo", "163"),
    ("mobilizacja", "154"),
    ("ćwiczenia wojskowy", "150"),
    ("zamach", "180"),
    ("egzekucja", "180"),
    ("nałożyć sankcja", "163"),
    ("wydalić dyplomata", "161"),
    ("zerwać stosunek", "161"),
    ("zawrzeć porozumienie", "057"),
    ("wezwać do", "020"),
    ("wycofać", "0874"),
    ("wydalić", "174"),
    ("potępić", "111"),
    ("ostrzelać", "194"),
]

SPEECH_VERBS = ["oświadczyć", "zapewnić", "podkreślić", "zadeklarować", "zapowiedzieć", "powiedzieć"]

FRAMES = [
    ("z+inst", Frame("inst", "z")),
    ("acc", Frame("acc")),
    ("dat", Frame("dat")),
    ("do+gen", Frame("gen", "do")),
    ("przeciwko+dat", Frame("dat", "przeciwko")),
    ("wobec+gen", Frame("gen", "wobec")),
    ("na+acc", Frame("acc", "na")),
    ("od+gen", Frame("gen", "od")),
    ("u+gen", Frame("gen", "u")),
    ("w+loc", Frame("loc", "w")),
    ("adj", Frame("adj")),
]
BAD_FRAMES = ["z+ins", "acc+z", "voc", "obok+gen", "na+adj", ""]

# Lemmas Morfeusz does not know that the lexicon may still use (none so far).
ALLOWED_UNKNOWN: frozenset[str] = frozenset()

BY_LEMMAS = {}
for _trigger in TRIGGERS:
    BY_LEMMAS.setdefault(" ".join(_trigger.lemmas), []).append(_trigger)


@pytest.fixture(scope="module")
def morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz()


def readings(morfeusz, word: str) -> set[tuple[str, str]]:
    """(lemma without its homonym mark, grammatical class) of every Morfeusz reading of ``word``."""
    return {(r[1].split(":", 1)[0], r[2].split(":", 1)[0]) for _i, _j, r in morfeusz.analyse(word)}


def test_hundreds_of_rows():
    assert len(TRIGGERS) >= 400
    assert len({lemma for t in TRIGGERS for lemma in t.lemmas}) >= 400


@pytest.mark.parametrize("root", ROOTS)
def test_every_cameo_root_is_covered(root):
    rows = [t for t in TRIGGERS if t.cameo[:2] == root]
    assert len(rows) >= MIN_ROWS_PER_ROOT, root
    assert {t.pos for t in rows} & {"verb", "noun"}, root


@pytest.mark.parametrize("perfective,imperfective", ASPECT_PAIRS)
def test_both_aspects(perfective, imperfective):
    assert perfective in BY_LEMMAS and imperfective in BY_LEMMAS
    assert {t.cameo for t in BY_LEMMAS[perfective]} == {t.cameo for t in BY_LEMMAS[imperfective]}


@pytest.mark.parametrize("lemmas,cameo", EXPECTED)
def test_expected_triggers(lemmas, cameo):
    assert cameo in {t.cameo for t in BY_LEMMAS.get(lemmas, [])}, lemmas


@pytest.mark.parametrize("verb", SPEECH_VERBS)
def test_speech_verbs(verb):
    (row,) = BY_LEMMAS[verb]
    assert row.speech and row.pos == "verb" and row.cameo.startswith("01")


def test_every_code_is_in_the_codebook():
    codebook = load_codebook()
    assert [t.cameo for t in TRIGGERS if t.cameo not in codebook] == []


def test_rows_are_consistent():
    assert [k for k, n in Counter((t.lemmas, t.pos) for t in TRIGGERS).items() if n > 1] == []
    for t in TRIGGERS:
        assert t.gap >= 0 and (t.gap == 0 or len(t.lemmas) > 1), t
        assert t.actor_from, t
        if t.pos == "noun":
            assert len(t.lemmas) == 1 and t.actor_from[0].case in ("gen", "adj"), t
        if t.symmetric:
            assert t.recipient or t.pos != "verb", t
        if t.speech:
            assert t.cameo.startswith("01") and t.pos in ("verb", "mwe"), t


def test_meet_is_symmetric_and_visit_has_host_frame():
    (meet,) = BY_LEMMAS["spotkać się"]
    assert meet.symmetric and meet.recipient == (Frame("inst", "z"),)
    (visit,) = BY_LEMMAS["wizyta"]
    assert visit.actor_from[0] == Frame("gen") and Frame("loc", "w") in visit.recipient


@pytest.mark.parametrize("text,frame", FRAMES)
def test_frames_parse(text, frame):
    assert parse_frame(text) == frame
    assert str(frame) == text


@pytest.mark.parametrize("text", BAD_FRAMES)
def test_bad_frames_are_rejected(text):
    with pytest.raises(ValueError):
        parse_frame(text)


def test_broken_row_names_its_line():
    table = (
        "# comment\nlemmas\tpos\tcameo\trecipient\tactor_from\tsymmetric\tspeech\tgap\tordered\tnotes\n"
        "atak\tnoun\t19x\tna+acc\tgen\t0\t0\t0\t1\t\n"
    )
    with pytest.raises(ValueError, match=r"t\.tsv:3: cameo"):
        load_triggers(table, "t.tsv")


def test_header_names_sources():
    text = files("kronika.lang.pl").joinpath("triggers.tsv").read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    assert "CAMEO" in header and "PETRARCH2" in header and "Morfeusz" in header and "PLOVER" in header


def test_lemmas_are_known_to_morfeusz(morfeusz):
    lemmas = {lemma for t in TRIGGERS for lemma in t.lemmas} - ALLOWED_UNKNOWN
    unknown = sorted(lemma for lemma in lemmas if not any(known == lemma for known, _ in readings(morfeusz, lemma)))
    assert unknown == []


def test_heads_have_their_part_of_speech(morfeusz):
    wrong = []
    for t in TRIGGERS:
        classes = {c for lemma, c in readings(morfeusz, t.head) if lemma == t.head}
        if t.pos == "verb" and "inf" not in classes:
            wrong.append(t.lemmas)
        if t.pos == "noun" and not classes & {"subst", "depr"}:
            wrong.append(t.lemmas)
    assert wrong == []


def test_reflexive_verbs_spell_sie():
    for t in TRIGGERS:
        if t.pos == "verb":
            assert t.lemmas[1:] in ((), ("się",)), t
