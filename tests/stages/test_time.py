"""Temporal expressions: spans, TIMEX3 types and values against the dateline, on news Polish."""

from __future__ import annotations

import pickle

import pytest

from kronika.record import Document
from kronika.stages.segment import SegmentStage
from kronika.stages.time import TimeStage
from kronika.time import Expression, resolve_timex

THURSDAY = "2025-09-04"

# (sentence, expected span, type, value) with the article dated Thursday 2025-09-04.
CASES = [
    # Calendar dates in every written form.
    ("Umowę podpisano 4 września 2025 r. w Pekinie.", "4 września 2025 r.", "DATE", "2025-09-04"),
    ("Umowę podpisano 4.09.2025 w Pekinie.", "4.09.2025", "DATE", "2025-09-04"),
    ("Umowę podpisano 4 IX 2025 w Pekinie.", "4 IX 2025", "DATE", "2025-09-04"),
    ("Umowę podpisano 2025-09-04 w Pekinie.", "2025-09-04", "DATE", "2025-09-04"),
    ("Dokument z dnia 28 marca 2002 r. jest jawny.", "z dnia 28 marca 2002 r.", "DATE", "2002-03-28"),
    ("Kim objął władzę w 2011 r. po śmierci ojca.", "w 2011 r.", "DATE", "2011"),
    ("Konflikt wybuchł w 1988 roku.", "w 1988 roku", "DATE", "1988"),
    ("Walczyły razem w latach 1950–1953 przeciwko siłom ONZ.", "w latach 1950–1953", "DATE", "1950/1953"),
    ("Świat zmienił się w XX wieku.", "w XX wieku", "DATE", "19"),
    ("To było pod koniec lat 60.", "pod koniec lat 60.", "DATE", "196"),
    ("Wybory odbyły się we wrześniu 2023 r.", "we wrześniu 2023 r.", "DATE", "2023-09"),
    ("Atak nastąpił 7 października.", "7 października", "DATE", "2025-10-07"),
    ("W lipcu podpisano porozumienie.", "W lipcu", "DATE", "2025-07"),
    ("Rozejm obowiązywał od 24 listopada.", "od 24 listopada", "DATE", "2024-11-24"),
    ("Zamachowcy zaatakowali 15-17 listopada.", "15-17 listopada", "DATE", "2024-11-15/2024-11-17"),
    # Clock times.
    (
        "Pociąg wyjechał (ok. godz. 22:00 czasu miejscowego; godz. 16:00 w Polsce).",
        "ok. godz. 22:00 czasu miejscowego",
        "TIME",
        "2025-09-04T22:00",
    ),
    (
        "Pociąg wyjechał (ok. godz. 22:00 czasu miejscowego; godz. 16:00 w Polsce).",
        "godz. 16:00 w Polsce",
        "TIME",
        "2025-09-04T16:00",
    ),
    ("Spotkanie zaczęło się o 16:00 w Polsce.", "o 16:00 w Polsce", "TIME", "2025-09-04T16:00"),
    ("Do ataku doszło ok. 9:30.", "ok. 9:30", "TIME", "2025-09-04T09:30"),
    ("Delegacje przyjechały we wtorek o 17.30.", "we wtorek o 17.30", "TIME", "2025-09-02T17:30"),
    (
        "Biden przyleciał w poniedziałek 1 września wieczorem.",
        "w poniedziałek 1 września wieczorem",
        "TIME",
        "2025-09-01TEV",
    ),
    ("Aktualizacja: 04.02.2026 12:54", "04.02.2026 12:54", "TIME", "2026-02-04T12:54"),
    # Weekdays in every case, resolved in the dateline's week.
    ("Xi i Kim rozmawiali w czwartek.", "w czwartek", "DATE", "2025-09-04"),
    ("Kim przybył do Pekinu we wtorek.", "we wtorek", "DATE", "2025-09-02"),
    ("Putin spotkał się z Kimem w środę.", "w środę", "DATE", "2025-09-03"),
    ("Protesty zaczęły się w niedzielę.", "w niedzielę", "DATE", "2025-08-31"),
    ("Od poniedziałku trwają rozmowy.", "Od poniedziałku", "DATE", "2025-09-01"),
    ("Szczyt odbędzie się w sobotę.", "w sobotę", "DATE", "2025-09-06"),
    # The nth or last weekday of a month.
    ("Wybory odbyły się w drugą niedzielę sierpnia.", "w drugą niedzielę sierpnia", "DATE", "2025-08-10"),
    ("Ostatnia sobota maja 2024 r. była deszczowa.", "Ostatnia sobota maja 2024 r.", "DATE", "2024-05-25"),
    # Spans of months.
    (
        "Budowa skończy się na przełomie kwietnia i maja przyszłego roku.",
        "na przełomie kwietnia i maja przyszłego roku",
        "DATE",
        "2026-04/2026-05",
    ),
    ("Ćwiczenia trwały od marca do czerwca 2024 r.", "od marca do czerwca 2024 r.", "DATE", "2024-03/2024-06"),
    ("Misja trwała od listopada do lutego 2023 r.", "od listopada do lutego 2023 r.", "DATE", "2022-11/2023-02"),
    # No past or future verb: the nearer one, up to three days ahead, else behind.
    ("Turniej rusza w sobotę.", "w sobotę", "DATE", "2025-09-06"),
    ("Sklep jest czynny od poniedziałku.", "od poniedziałku", "DATE", "2025-09-01"),
    ("Bilety od niedzieli w kasach.", "od niedzieli", "DATE", "2025-09-07"),
    ("Decyzję ogłoszono w przyszły wtorek.", "w przyszły wtorek", "DATE", "2025-09-09"),
    ("Rozmowę prowadzono w nocy z poniedziałku na wtorek.", "w nocy z poniedziałku na wtorek", "TIME", "2025-09-01TNI"),
    ("Doszło do tego w nocy z 9 na 10 sierpnia.", "w nocy z 9 na 10 sierpnia", "TIME", "2025-08-09TNI"),
    ("Rozmowa dotyczyła wtorkowego wystąpienia.", "wtorkowego", "DATE", "2025-09-02"),
    # Days and periods relative to the dateline.
    ("Wczoraj armia informowała o stratach.", "Wczoraj", "DATE", "2025-09-03"),
    ("Przedwczoraj spadł deszcz.", "Przedwczoraj", "DATE", "2025-09-02"),
    ("Jutro rozpocznie się szczyt.", "Jutro", "DATE", "2025-09-05"),
    ("Dziś rano przyjechali goście.", "Dziś rano", "TIME", "2025-09-04TMO"),
    ("Wieczorem dołączy prezydent.", "Wieczorem", "TIME", "2025-09-04TEV"),
    ("Pjongjang wysłał żołnierzy w zeszłym roku.", "w zeszłym roku", "DATE", "2024"),
    ("Wzrost odnotowano w ubiegłym miesiącu.", "w ubiegłym miesiącu", "DATE", "2025-08"),
    ("Szczyt odbędzie się w przyszłym tygodniu.", "w przyszłym tygodniu", "DATE", "2025-W37"),
    ("Ceny spadły w tym roku.", "w tym roku", "DATE", "2025"),
    ("Pakt podpisano w czerwcu ubiegłego roku.", "w czerwcu ubiegłego roku", "DATE", "2024-06"),
    ("Wizyta planowana jest na marzec przyszłego roku.", "na marzec przyszłego roku", "DATE", "2026-03"),
    ("Pożar wybuchł trzy dni temu.", "trzy dni temu", "DATE", "2025-09-01"),
    ("Próg ustalono dziewięć lat temu.", "dziewięć lat temu", "DATE", "2016"),
    ("Rozmowy zerwano przed dwoma laty.", "przed dwoma laty", "DATE", "2023"),
    ("Umowa wygaśnie za dwa tygodnie.", "za dwa tygodnie", "DATE", "2025-W38"),
    ("Ustawę przyjęto na początku marca.", "na początku marca", "DATE", "2025-03"),
    ("Rozmowy wznowiono w połowie 2024 r.", "w połowie 2024 r.", "DATE", "2024"),
    ("Szczyt odbył się pod koniec marca.", "pod koniec marca", "DATE", "2025-03"),
    ("Szczyt zaplanowano pod koniec listopada.", "pod koniec listopada", "DATE", "2025-11"),
    ("Negocjacje mają się zakończyć do końca roku.", "do końca roku", "DATE", "2025"),
    ("Ofensywa zaczęła się wiosną.", "wiosną", "DATE", "2025-SP"),
    ("Raport przygotowano w pierwszej połowie 2024 r.", "w pierwszej połowie 2024 r.", "DATE", "2024-H1"),
    # Durations, with numbers as digits and as words in any case.
    ("To pierwsza wizyta w Chinach od sześciu lat.", "od sześciu lat", "DURATION", "P6Y"),
    ("Rozmowy trwały przez trzy dni.", "przez trzy dni", "DURATION", "P3D"),
    ("Zawieszenie broni trwało siedem dni.", "siedem dni", "DURATION", "P7D"),
    ("Upłynęło trwające od tygodnia zawieszenie broni.", "od tygodnia", "DURATION", "P1W"),
    ("Wojska ruszyły po pięciu minutach.", "po pięciu minutach", "DURATION", "PT5M"),
    ("Samoloty bombardowały obozy przez ok. 21 minut.", "przez ok. 21 minut", "DURATION", "PT21M"),
    ("Kadencja potrwa pięćdziesiąt lat.", "pięćdziesiąt lat", "DURATION", "P50Y"),
    ("Kampania trwała dwadzieścia pięć dni.", "dwadzieścia pięć dni", "DURATION", "P25D"),
    ("Negocjacje trwały półtora roku.", "półtora roku", "DURATION", "P1.5Y"),
    ("Sprawa ciągnie się od dwóch lat.", "od dwóch lat", "DURATION", "P2Y"),
    ("Sytuacja jest napięta od kilku dni.", "od kilku dni", "DURATION", "PXD"),
    ("W Wilnie rozpoczął się dwudniowy szczyt NATO.", "dwudniowy", "DURATION", "P2D"),
    ("Zakończyła się dwuletnia wojna.", "dwuletnia", "DURATION", "P2Y"),
    # Sets.
    ("Szczyt odbywa się co roku.", "co roku", "SET", "P1Y"),
    ("Raport publikowany jest co trzy tygodnie.", "co trzy tygodnie", "SET", "P3W"),
    ("Strażnicy patrolują granicę codziennie.", "codziennie", "SET", "P1D"),
    ("Komisja zbiera się dwa razy w tygodniu.", "dwa razy w tygodniu", "SET", "P1W"),
]

# Words that look like times but are not.
NEGATIVES = [
    "Parada upamiętnia 80. rocznicę zakończenia II wojny światowej.",
    "To była 80. rocznica.",
    "II wojna światowa zakończyła się dawno.",
    "Kim Dzong Un spotkał się z Xi Jinpingiem.",
    "Dodał, że Pekin będzie nadal wspierał Pjongjang.",
    "Do Rosji wysłano ok. 15 tys. żołnierzy, zginęło ok. 2 tys. z nich.",
    "W spotkaniu wzięło udział 2000 osób.",
    "Mecz zakończył się wynikiem 6:24.",
    "Kto jest szefem gangu, ma 43 lata.",
    "Spotkanie odbyło się w Warszawie przy ul. 3 Maja.",
    "Nie maja ani jednego komentarza.",
    "Zmarł w wieku 96 lat.",
    "Jego 80-letnia matka mieszka w Krakowie.",
    "W setach: (23:25), (25:17), (25:16).",
    "Serwo skrętu to Traxxas #2018.",
]


def tag(text: str, date: str | None = THURSDAY):
    from kronika.lang import get_language

    language = get_language("pl")
    doc = SegmentStage(language)(Document(text=text, date=date))
    return TimeStage(language)(doc).timexes


@pytest.mark.parametrize("text, span, kind, value", CASES)
def test_expression(text, span, kind, value):
    timexes = tag(text)
    if span is None:
        assert timexes == []
        return
    found = {t.text: t for t in timexes}
    assert span in found, f"{span!r} not among {list(found)}"
    timex = found[span]
    assert text[timex.start : timex.end] == span
    assert (timex.type, timex.value) == (kind, value)


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_time(text):
    assert tag(text) == []


# Relative expressions in an article dated only to the month: the weekday and the day stay unresolved,
# what the month allows is resolved.
MONTH_DATELINE_CASES = [
    ("Merkel spotkała się z Macronem w czwartek.", "w czwartek", None),
    ("Wczoraj armia informowała o stratach.", "Wczoraj", None),
    ("Macron przyjął ją w czwartek wieczorem.", "w czwartek wieczorem", None),
    ("Wybory odbędą się 26 września.", "26 września", "2025-09-26"),
    ("Zapewnienia udzielone w grudniu nie wystarczyły.", "w grudniu", "2024-12"),
    ("Pjongjang wysłał żołnierzy w zeszłym roku.", "w zeszłym roku", "2024"),
    ("Próg ustalono dziewięć lat temu.", "dziewięć lat temu", "2016"),
    ("To pierwsza wizyta w Chinach od sześciu lat.", "od sześciu lat", "P6Y"),
]


@pytest.mark.parametrize("text, span, value", MONTH_DATELINE_CASES)
def test_month_dateline(text, span, value):
    found = {t.text: t for t in tag(text, "2025-09")}
    assert span in found
    assert found[span].value == value


# Without a dateline nothing relative is guessed from today's date: value and anchor stay null.
NO_DATELINE_CASES = [
    ("Xi i Kim rozmawiali w czwartek.", "w czwartek", None),
    ("Wczoraj armia informowała o stratach.", "Wczoraj", None),
    ("Pjongjang wysłał żołnierzy w zeszłym roku.", "w zeszłym roku", None),
    ("Atak nastąpił 14 lutego.", "14 lutego", None),
    ("Pociąg wyjechał ok. godz. 22:00 czasu miejscowego.", "ok. godz. 22:00 czasu miejscowego", None),
    ("Kim objął władzę w 2011 r.", "w 2011 r.", "2011"),
    ("To pierwsza wizyta w Chinach od sześciu lat.", "od sześciu lat", "P6Y"),
]


@pytest.mark.parametrize("text, span, value", NO_DATELINE_CASES)
def test_no_dateline(text, span, value):
    found = {t.text: t for t in tag(text, None)}
    assert span in found
    assert found[span].value == value
    if value is None:
        assert found[span].anchor is None


@pytest.mark.parametrize(
    "text", ["Termin minął 31 lutego 2025 r.", "Spotkanie wyznaczono na 31 kwietnia.", "Data 30.02.2024 nie istnieje."]
)
def test_impossible_dates_are_not_produced(text):
    for timex in tag(text):
        assert timex.value is None or not timex.value.startswith(("2025-02-31", "2025-04-31", "2024-02-30"))
        assert "31 lutego" not in timex.text and "31 kwietnia" not in timex.text and "30.02" not in timex.text


def test_after_a_night_the_text_is_on_the_next_day():
    timexes = tag(
        "W nocy z wtorku na środę drony wleciały do Polski. Po godz. 13:00 NATO uruchomiło art. 4.", "2025-09-10"
    )
    assert [(t.text, t.value) for t in timexes] == [
        ("W nocy z wtorku na środę", "2025-09-09TNI"),
        ("Po godz. 13:00", "2025-09-10T13:00"),
    ]


def test_anchor_names_the_dateline():
    found = {t.text: t for t in tag("Kim przybył we wtorek, a w 2011 r. objął władzę.")}
    assert found["we wtorek"].anchor == THURSDAY
    assert found["w 2011 r."].anchor is None


def test_bare_time_hangs_on_the_day_named_before():
    timexes = tag("Pociąg odjechał 1 września. Wyjechał z Pekinu ok. godz. 22:00.")
    assert [t.value for t in timexes] == ["2025-09-01", "2025-09-01T22:00"]
    assert timexes[1].anchor == "2025-09-01"


def test_seed_article(seed_text):
    expected = [
        ("w czwartek", "2025-09-04"),
        ("od sześciu lat", "P6Y"),
        ("w 2011 r.", "2011"),
        ("ok. godz. 22:00 czasu miejscowego", "2025-09-04T22:00"),
        ("godz. 16:00 w Polsce", "2025-09-04T16:00"),
        ("we wtorek", "2025-09-02"),
        ("w środę", "2025-09-03"),
        ("w czerwcu ubiegłego roku", "2024-06"),
        ("w zeszłym roku", "2024"),
        ("We wtorek", "2025-09-02"),
        ("we wtorek", "2025-09-02"),
    ]
    found = [(t.text, t.value) for t in tag(seed_text)]
    for pair in expected:
        assert pair in found
        found.remove(pair)
    assert not any("rocznic" in text or "II wojn" in text for text, _ in found)


def test_stage_declares_fields_and_pickles(polish):
    stage = TimeStage(polish)
    assert (stage.name, stage.requires, stage.assigns) == ("time", ("sentences", "tokens"), ("timexes",))
    clone = pickle.loads(pickle.dumps(stage))
    doc = SegmentStage(polish)(Document(text="Rozmawiali w czwartek.", date=THURSDAY))
    assert [t.value for t in clone(doc).timexes] == ["2025-09-04"]


def test_batch_equals_one_by_one(polish):
    texts = ["Rozmawiali w czwartek.", "Wczoraj padało.", "Od sześciu lat nie był w Chinach."]
    stages = [SegmentStage(polish), TimeStage(polish)]

    def run(text):
        doc = Document(text=text, date=THURSDAY)
        for stage in stages:
            doc = stage(doc)
        return [(t.text, t.value) for t in doc.timexes]

    one_by_one = [run(t) for t in texts]
    assert [run(t) for t in texts] == one_by_one
    assert one_by_one[1] == [("Wczoraj", "2025-09-03")]


# The resolver on its own: slots and a dateline in, (value, anchor) out.
RESOLVE_CASES = [
    ({"weekday": 2}, "2025-09-04", 0, ("2025-09-02", "2025-09-04")),
    ({"weekday": 5}, "2025-09-04", 1, ("2025-09-05", "2025-09-04")),
    ({"weekday": 2}, "2025-09", 0, (None, None)),
    ({"offset": -1}, None, 0, (None, None)),
    ({"month": 6, "shift": -1, "unit": "Y"}, "2025-09-04", 0, ("2024-06", "2025-09-04")),
    ({"kind": "duration", "quantity": 6, "unit": "Y"}, None, 0, ("P6Y", None)),
    ({"kind": "duration", "quantity": "X", "unit": "H"}, None, 0, ("PTXH", None)),
    ({"kind": "set", "quantity": 1, "unit": "Y"}, None, 0, ("P1Y", None)),
    ({"month": 12}, "2019-03", -1, ("2018-12", "2019-03")),
    ({"month": 2, "day": 29, "year": 2024}, None, 0, ("2024-02-29", None)),
    ({"quantity": 3, "unit": "D", "direction": -1}, "2025-09-04", 0, ("2025-09-01", "2025-09-04")),
]


@pytest.mark.parametrize("slots, dateline, tense, expected", RESOLVE_CASES)
def test_resolve_timex(slots, dateline, tense, expected):
    assert resolve_timex(Expression(slots, tense), dateline) == expected
