"""Sentence and token boundaries on news Polish."""

from __future__ import annotations

import pytest

from kronika.record import Document
from kronika.stages.segment import SegmentStage, split_sentences, tokenize

# (text, expected sentences)
SENTENCE_CASES = [
    (
        "Pjongjang wysłał ok. 15 tys. żołnierzy do Rosji. Zginęło ok. 2 tys. z nich.",
        ["Pjongjang wysłał ok. 15 tys. żołnierzy do Rosji.", "Zginęło ok. 2 tys. z nich."],
    ),
    (
        "Stosunki Korei Płn. i Chin są bliskie. Tak twierdzą eksperci.",
        ["Stosunki Korei Płn. i Chin są bliskie.", "Tak twierdzą eksperci."],
    ),
    (
        "Rozmawiał z nim prof. Jan Nowak z Warszawy. Potem wyjechał.",
        ["Rozmawiał z nim prof. Jan Nowak z Warszawy.", "Potem wyjechał."],
    ),
    (
        "Obecni byli m.in. J. Kowalski i gen. Nowak. Spotkanie trwało dwie godziny.",
        ["Obecni byli m.in. J. Kowalski i gen. Nowak.", "Spotkanie trwało dwie godziny."],
    ),
    (
        "Obchody upamiętniają 80. rocznicę zakończenia wojny. Wzięło w nich udział 20 państw.",
        ["Obchody upamiętniają 80. rocznicę zakończenia wojny.", "Wzięło w nich udział 20 państw."],
    ),
    (
        "Umowę podpisano 4.09.2025 w Pekinie. Pociąg odjechał ok. godz. 22:00 czasu miejscowego.",
        ["Umowę podpisano 4.09.2025 w Pekinie.", "Pociąg odjechał ok. godz. 22:00 czasu miejscowego."],
    ),
    (
        "W 2011 r. Kim objął władzę. Od tego czasu rządzi krajem.",
        ["W 2011 r. Kim objął władzę.", "Od tego czasu rządzi krajem."],
    ),
    (
        'Xi powiedział, że są "dobrymi sąsiadami", których łączą cele. - Nic tego nie zmieni - zapewnił Xi.',
        ['Xi powiedział, że są "dobrymi sąsiadami", których łączą cele.', "- Nic tego nie zmieni - zapewnił Xi."],
    ),
    ("„Jesteśmy gotowi do rozmów.” Tak brzmiał komunikat.", ["„Jesteśmy gotowi do rozmów.”", "Tak brzmiał komunikat."]),
    (
        "„Czy to koniec?” – zapytał minister. Nikt nie odpowiedział!",
        ["„Czy to koniec?” – zapytał minister.", "Nikt nie odpowiedział!"],
    ),
    (
        "Pekin. Kim Dzong Un spotkał się z Xi\n\nSpotkanie odbyło się w czwartek.",
        ["Pekin.", "Kim Dzong Un spotkał się z Xi", "Spotkanie odbyło się w czwartek."],
    ),
    (
        "Kim Dzong Un deklaruje wsparcie Chin\nKim zapewnił o woli współpracy.",
        ["Kim Dzong Un deklaruje wsparcie Chin", "Kim zapewnił o woli współpracy."],
    ),
    ("Ceny wzrosły o 5 proc. Rząd zapowiedział reakcję.", ["Ceny wzrosły o 5 proc.", "Rząd zapowiedział reakcję."]),
    ("Rozmowy trwały... i nic z nich nie wynikło. Szkoda.", ["Rozmowy trwały... i nic z nich nie wynikło.", "Szkoda."]),
    ("Należy: 1. Zamknąć granicę. 2. Wezwać ambasadora.", ["Należy: 1. Zamknąć granicę.", "2. Wezwać ambasadora."]),
    (
        "Temperatura wzrosła o 2 °C. Naukowcy są zaniepokojeni.",
        ["Temperatura wzrosła o 2 °C.", "Naukowcy są zaniepokojeni."],
    ),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(polish, text, expected):
    spans = split_sentences(text, tokenize(text, polish), polish)
    assert [text[s:e] for s, e in spans] == expected


# (text, expected tokens)
TOKEN_CASES = [
    ("ok. 15 tys. żołnierzy", ["ok.", "15", "tys.", "żołnierzy"]),
    ("m.in. Chiny, tzw. Globalne Południe", ["m.in.", "Chiny", ",", "tzw.", "Globalne", "Południe"]),
    ("J. Kowalski", ["J.", "Kowalski"]),
    ("4.09.2025 o 22:00", ["4.09.2025", "o", "22:00"]),
    ("80. rocznica", ["80", ".", "rocznica"]),
    ("„dobrymi sąsiadami”", ["„", "dobrymi", "sąsiadami", "”"]),
    ("F-16 i COVID-19 w latach 1950-1953", ["F-16", "i", "COVID-19", "w", "latach", "1950-1953"]),
    ("Xinhua... (NIS)", ["Xinhua", "...", "(", "NIS", ")"]),
    ("zob. https://example.org/a.html.", ["zob.", "https://example.org/a.html", "."]),
    ("Korei Płn.", ["Korei", "Płn."]),
]


@pytest.mark.parametrize(("text", "expected"), TOKEN_CASES)
def test_tokens(polish, text, expected):
    assert [text[s:e] for s, e in tokenize(text, polish)] == expected


def test_seed_is_never_split_inside_abbreviations(polish, seed_text):
    doc = SegmentStage(polish)(Document(text=seed_text))
    sentences = [seed_text[s:e] for s, e in doc.sentences]
    assert len(sentences) == 27
    assert not any(s.endswith(("tys.", "Płn.", "ok.", "godz.", "tzw.")) for s in sentences)
    assert any("ok. 15 tys. żołnierzy" in s for s in sentences)
    assert any(s.startswith("Stosunki Korei Płn. i Chin") for s in sentences)


def test_offsets_point_into_text(polish, seed_text):
    doc = SegmentStage(polish)(Document(text=seed_text))
    assert all(seed_text[t.start : t.end] == t.text for t in doc.tokens)
    assert all(not seed_text[s:e].startswith(" ") and not seed_text[s:e].endswith(" ") for s, e in doc.sentences)
