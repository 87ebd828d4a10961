"""Quotes with speaker and verb of saying, on sentences written for these tests."""

from __future__ import annotations

import math

import pytest

from kronika.quotes.candidates import MAX_QUOTE_CHARS, find_candidates, read_text
from kronika.quotes.speakers import speaker_candidates
from kronika.record import Document, Entity
from kronika.stages.quotes import PINNED as PINNED_P
from kronika.stages.quotes import favour_nobody, pin, pinned, speaker_text


def quotes(pipeline, text: str):
    doc = pipeline(Document(text=text, date="2025-09-04"))
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
    return [(q.text, q.speaker.name if q.speaker else None, q.verb) for q in doc.quotes]


# (text, a quote that must be found: quoted words, speaker's canonical name, verb as written)
CASES = [
    (
        "- Bez względu na to, jak zmieni się sytuacja, stanowisko to pozostanie niezmienne - zapewnił Xi, "
        "cytowany przez media.",
        ("Bez względu na to, jak zmieni się sytuacja, stanowisko to pozostanie niezmienne", "Xi Jinping", "zapewnił"),
    ),
    (
        "Podczas spotkania Xi podkreślił, że Chiny i Korea Północna są „dobrymi sąsiadami i przyjaciółmi”.",
        ("dobrymi sąsiadami i przyjaciółmi", "Xi Jinping", "podkreślił"),
    ),
    (
        '"Nie ustąpimy ani o krok" - powiedział Władimir Putin.',
        ("Nie ustąpimy ani o krok", "Vladimir Putin", "powiedział"),
    ),
    # Speech before a dash and a verb of saying needs no marks.
    (
        "Władimir Putin przyjechał do Pekinu.\nNasze relacje są najlepsze w historii – powiedział Władimir Putin.",
        ("Nasze relacje są najlepsze w historii", "Vladimir Putin", "powiedział"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_is_found(pipeline, text, expected):
    assert expected in quotes(pipeline, text)


# Reported speech without marks, scare quotes and names between marks are no quotes (GUIDE "Quotes").
NOT_QUOTES = [
    "Wołodymyr Zełenski oświadczył, że Ukraina nie zgodzi się na oddanie terytoriów.",
    'Rzecznik nazwał ich "terrorystami".',
    'Informację podał dziennik "Haaretz".',
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_a_quote(pipeline, text):
    assert quotes(pipeline, text) == []


BAD_INPUT = [
    "",
    " ".join(["słowo"] * 2000) + ".",
    "„" + " ".join(["cytat"] * 2000),
    '„„„ ” ” „ « » " " "',
    "Pekin, Moskwa, Kijów, Warszawa.",
    "1 2 3\n4 5 6\n7 8 9\n- 10 - 11 - 12",
    "- " + " - ".join(["powiedział"] * 300),
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_finishes(pipeline, text):
    assert isinstance(quotes(pipeline, text), list)


# A mark that never closes: (text, a word no quote may hold, the end a quote may run to or None).
UNCLOSED = [
    # Closed by nothing before the paragraph ends: nothing after the break is quoted.
    ("Minister powiedział: „Nie zgodzimy się na to nigdy.\nPotem wyszedł z sali.", "wyszedł", None),
    # The article ends inside the quote (a truncated text): the quote runs to the end, and no further.
    ("Premier powiedział: „Nie zgodzimy się na to nigdy, bo to byłoby", None, "byłoby"),
    # Too long to be a quote: an unclosed mark does not swallow the article.
    ("„" + " ".join(["cytat"] * 2000), "cytat", None),
]


@pytest.mark.parametrize(("text", "banned", "end"), UNCLOSED)
def test_an_unclosed_mark_gives_a_bounded_quote(pipeline, text, banned, end):
    found = quotes(pipeline, text)
    assert all(len(q[0]) <= MAX_QUOTE_CHARS for q in found)
    if banned is not None:
        assert not any(banned in q[0] for q in found)
    if end is not None:
        assert any(q[0].endswith(end) for q in found)


def test_quotes_do_not_overlap(pipeline):
    text = "- Jutro Chiny ogłoszą, że „nie ustąpią nikomu w tej sprawie” - zapewnił Xi, cytowany przez media."
    doc = pipeline(Document(text=text, date="2025-09-04"))
    spans = sorted((q.start, q.end) for q in doc.quotes)
    assert spans and all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


# Which named subjects of a verb of saying are trusted over the speaker model: (entity, pinned).
PINNED = [
    (Entity("Q22686", "Donald Trump", "PER", "USA", "GOV"), True),
    (Entity("kronika:x", "Jan Kowalski", "PER"), True),  # an unlinked person
    (Entity("Q7802", "Ministry of Foreign Affairs (Poland)", "ORG", "POL", "GOV"), True),
    (Entity("Q130879", "Reuters", "ORG", "GBR", "MED"), False),  # a news outlet passes words on
    (Entity("kronika:y", "Departame", "ORG"), False),  # an organisation with no sector: left to the model
    (Entity("Q159", "Russia", "GPE", "RUS"), False),  # a state: left to the model
]


@pytest.mark.parametrize(("entity", "expected"), PINNED)
def test_pinned(entity, expected):
    assert pinned(entity) is expected


# (text, the speaker whose option is made certain, or None: the model's scores stand)
PINS = [
    ("„Nie ustąpimy ani o krok” – powiedział Władimir Putin.", "Vladimir Putin"),
    ("Władimir Putin przyjechał do Pekinu. „Nie ustąpimy ani o krok” – dodał.", None),  # no subject of its own
]


@pytest.mark.parametrize(("text", "speaker"), PINS)
def test_pin_makes_the_named_subject_certain(pipeline, polish, text, speaker):
    found = read_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    quote = next(c for c in find_candidates(found) if c.kind == "marked")
    group = speaker_candidates(found, quote, {}) + [(None, [])]
    row = [{"yes": 0.5, "no": 0.5} for _ in group]
    pinned_row = pin(found, quote, group, row)
    certain = [entity.name for (entity, _), p in zip(group, pinned_row) if p["yes"] == PINNED_P]
    assert certain == ([speaker] if speaker else [])
    assert all(p == {"yes": 0.5, "no": 0.5} for p in pinned_row if p["yes"] != PINNED_P)


# (text, the speaker an office's title makes certain: the holder on the article's date, named in the article)
HOLDER_PINS = [
    (
        "Premier Węgier Viktor Orbán przyjechał do Brukseli. „Nie zgodzimy się” – stwierdził szef węgierskiego rządu.",
        "Viktor Orbán",
    ),
    # Another state's head of government holds the title, and is not named: the model's scores stand.
    (
        "Premier Węgier Viktor Orbán przyjechał do Brukseli. „Nie zgodzimy się” – stwierdził szef polskiego rządu.",
        None,
    ),
    # A spokesman is no office of the knowledge base.
    ("Premier Viktor Orbán przyjechał do Brukseli. „Nie zgodzimy się” – powiedział rzecznik.", None),
]


@pytest.mark.parametrize(("text", "speaker"), HOLDER_PINS)
def test_pin_makes_the_office_holder_certain(pipeline, polish, text, speaker):
    found = speaker_text(pipeline(Document(text=text, date="2025-09-04")), polish, polish.data("quotes"))
    quote = next(c for c in find_candidates(found) if c.kind == "marked")
    group = speaker_candidates(found, quote, {}) + [(None, [])]
    pinned_row = pin(found, quote, group, [{"yes": 0.5, "no": 0.5} for _ in group])
    assert [entity.name for (entity, _), p in zip(group, pinned_row) if p["yes"] == PINNED_P] == (
        [speaker] if speaker else []
    )


# (bias, the nobody option's probability before, after): the bias is added to its log-odds; named options keep theirs.
NOBODY_BIASES = [
    (0.0, 0.5, 0.5),
    (1.0, 0.5, 1 / (1 + math.exp(-1))),
    (-1.0, 0.5, 1 / (1 + math.exp(1))),
    # Away from even odds the bias adds to the score's own log-odds (odds 1:4 times e, 4:1 over e).
    (1.0, 0.2, 1 / (1 + 4 * math.exp(-1))),
    (-1.0, 0.8, 1 / (1 + math.exp(1) / 4)),
]


@pytest.mark.parametrize(("bias", "before", "after"), NOBODY_BIASES)
def test_favour_nobody_shifts_only_the_nobody_option(bias, before, after):
    group = [(Entity(id="Q1", name="X", type="PER"), []), (None, [])]
    row = favour_nobody(group, [{"yes": 0.3, "no": 0.7}, {"yes": before, "no": 1 - before}], bias)
    assert row[0] == {"yes": 0.3, "no": 0.7}
    assert row[1]["yes"] == pytest.approx(after)
    assert row[1]["yes"] + row[1]["no"] == pytest.approx(1.0)
