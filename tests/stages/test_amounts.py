"""Amounts with value, object, category and claimant, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.record import Document


def amounts(pipeline, text: str):
    doc = pipeline(Document(text=text, date="2025-09-04"))
    for a in doc.amounts:
        assert doc.text[a.start : a.end] == a.text
    return [
        (a.text, a.value, a.approximate, a.object, a.category, a.claimant.name if a.claimant else None)
        for a in doc.amounts
    ]


NIS = "National Intelligence Service (South Korea)"
# (text, an amount that must be found: text, value, approximate, object, category, claimant)
CASES = [
    (
        "Według Narodowej Służby Wywiadowczej (NIS) Korei Południowej Pjongjang skierował do Rosji "
        "ok. 15 tys. żołnierzy.",
        ("ok. 15 tys. żołnierzy", 15000, True, "żołnierz", "troops", NIS),
    ),
    (
        "We wtorek NIS ujawnił, że dotychczas śmierć poniosło ok. 2 tys. północnokoreańskich wojskowych.",
        ("ok. 2 tys. północnokoreańskich wojskowych", 2000, True, "wojskowy", "killed", NIS),
    ),
    ("W ataku pięć osób cywilnych zginęło.", ("pięć osób", 5, False, "osoba", "killed", None)),
    ("Policja zatrzymała 191 osób.", ("191 osób", 191, False, "osoba", "arrested", None)),
    ("W ostrzale rannych zostało 12 osób.", ("12 osób", 12, False, "osoba", "wounded", None)),
    (
        "Ponad milion uchodźców opuściło kraj.",
        ("Ponad milion uchodźców", 1_000_000, True, "uchodźca", "displaced", None),
    ),
    ("Rząd przeznaczy na pomoc 2,5 mln zł.", ("2,5 mln zł", 2_500_000, False, "złoty", "money", None)),
    ("Armia wysłała 15 000 żołnierzy.", ("15 000 żołnierzy", 15000, False, "żołnierz", "troops", None)),
    (
        "Dwadzieścia pięć tysięcy żołnierzy przekroczyło granicę.",
        ("Dwadzieścia pięć tysięcy żołnierzy", 25000, False, "żołnierz", "troops", None),
    ),
    # The body or state of a common-noun subject claims the figure.
    ("Władze Izraela podają, że zginęło 12 osób.", ("12 osób", 12, False, "osoba", "killed", "Israel")),
    # An estimating verb names its claimant too.
    (
        "Rosyjska agencja TASS oszacowała liczbę zatrzymanych na 30 osób.",
        ("30 osób", 30, False, "osoba", "arrested", "TASS"),
    ),
    # A verb of saying names its subject as the claimant, as a reporting verb does.
    (
        "Prezydent Emmanuel Macron powiedział, że do Rumunii trafi 500 żołnierzy.",
        ("500 żołnierzy", 500, False, "żołnierz", "troops", "Emmanuel Macron"),
    ),
    # A reporting verb with no subject at all goes on with the sentence before in its paragraph.
    (
        "Władimir Putin poinformował, że na granicę wysłano 100 żołnierzy. Przekazał również, że zatrzymano 40 osób.",
        ("40 osób", 40, False, "osoba", "arrested", "Vladimir Putin"),
    ),
    ("Trzy tysiące osób wyszło na ulice.", ("Trzy tysiące osób", 3000, False, "osoba", None, None)),
    ("Rurą popłynie 14 mld metrów sześciennych gazu.", ("14 mld metrów", 14_000_000_000, False, "metr", None, None)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_amount_is_found(pipeline, text, expected):
    assert expected in amounts(pipeline, text)


NOT_AMOUNTS = [
    "Obchody 80. rocznicy zakończenia wojny odbyły się w Pekinie.",
    "W 2011 r. Kim objął władzę.",
    "Pociąg wyjechał ok. godz. 22:00 czasu miejscowego.",
    "Stosunki w latach 1950-1953 były napięte.",
    "Poparcie wzrosło o 5 proc.",
    # Vague quantities name no number (GUIDE "Amounts").
    "Chiny wydają miliardy dolarów na zakup rosyjskiej ropy.",
    "Kilkanaście osób zostało zatrzymanych.",
    "Tysiące ludzi wyszły na ulice, a setki zostały ranne.",
    # Distances, durations, ages, labels and numbers inside names.
    "Rakieta spadła około 80 kilometrów od stolicy.",
    "W wieku 27 lat został merem miasta.",
    "Sprawa dotyczy art. 193 kodeksu karnego.",
    "Niemcy wyślą czołgi Leopard 2 na Ukrainę.",
    "Today we met. — John Smith (@jsmith) May 30, 2022",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_non_counts_are_not_amounts(pipeline, text):
    assert amounts(pipeline, text) == []


BAD_INPUT = [
    "",
    " ".join(["ok. 15 tys. żołnierzy i"] * 400) + " koniec.",
    "1 2 3\n4 5 6\n7 8 9\n10 20 30",
    "Kolumna A | Kolumna B\n12 | 15 tys.\n13 | 2,5 mln\n1.500 | 15 000",
    "„Zginęło 20 osób - powiedział",
    "mln tys. mld ok. ponad blisko",
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_finishes(pipeline, text):
    assert isinstance(amounts(pipeline, text), list)


def test_a_long_sentence_keeps_every_amount(pipeline):
    found = amounts(pipeline, BAD_INPUT[1])
    assert len(found) == 400 and {a[1] for a in found} == {15000}


# (text, a value no amount may have): a broken thousands separator glues nothing.
UNGLUED = [
    ("W 12345 678 domach nie było prądu.", 12345678),
    ("Ceny wzrosły w 2025 r.", 2025),
    ("Na granicę wysłano 1 5000 żołnierzy.", 15000),
    ("Na granicę wysłano 15 00 żołnierzy.", 1500),
]


@pytest.mark.parametrize(("text", "glued"), UNGLUED)
def test_numbers_are_not_glued_together(pipeline, text, glued):
    assert all(a[1] != glued for a in amounts(pipeline, text))
