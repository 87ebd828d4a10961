"""Records whose events differ only in modality: a meeting reported as held, the same meeting denied, an attack
denied and an attack announced, and two meetings a week apart across the new year (ISO weeks). Hand-coded, in
the shape the event stage writes (docs/CONTRACT.md)."""

from __future__ import annotations

from store_records import PUTIN, XI, _sentences, _span

from kronika.record import Document, Event, Participant

CHINA = Participant("Q148", "China", "CHN", None)
TAIWAN = Participant("Q865", "Taiwan", "TWN", None)
RUSSIA = Participant("Q159", "Russia", "RUS", None)
POLAND = Participant("Q36", "Poland", "POL", None)


def _event(
    text: str,
    trigger: str,
    type_: str,
    actor,
    recipient,
    modality: str,
    *,
    date="2025-09-12",
    cameo="040",
    goldstein=1.0,
    quad=1,
    sentence=0,
) -> Event:
    return Event(
        type=type_,
        trigger=_span(text, trigger),
        sentence=sentence,
        actor=[actor],
        recipient=[recipient],
        cameo=cameo,
        goldstein=goldstein,
        quad_class=quad,
        date=date,
        date_precision="day",
        modality=modality,
    )


HELD_TEXT = "Władimir Putin rozmawiał w piątek z Xi Jinpingiem w stolicy Chin."
HELD = Document(
    text=HELD_TEXT,
    id="modality-held",
    url="https://a.example/held",
    date="2025-09-12",
    sentences=_sentences(HELD_TEXT),
    events=[_event(HELD_TEXT, "rozmawiał", "CONSULT", PUTIN, XI, "asserted")],
)

DENIED_TEXT = "Rzecznik Kremla zaprzeczył: Władimir Putin nie rozmawiał w piątek z Xi Jinpingiem."
DENIED = Document(
    text=DENIED_TEXT,
    id="modality-denied",
    url="https://b.example/denied",
    date="2025-09-12",
    sentences=_sentences(DENIED_TEXT),
    events=[_event(DENIED_TEXT, "rozmawiał", "CONSULT", PUTIN, XI, "negated")],
)

# The example, in other words: one denied attack, one announced.
NEGATION_TEXT = "Chiny nie napadły na Tajwan. Rosja zamierza napaść na Polskę."
NEGATION = Document(
    text=NEGATION_TEXT,
    id="modality-negation",
    url="https://c.example/negation",
    date="2025-09-12",
    sentences=_sentences(NEGATION_TEXT),
    events=[
        _event(NEGATION_TEXT, "napadły", "ASSAULT", CHINA, TAIWAN, "negated", cameo="190", goldstein=-10.0, quad=4),
        _event(
            NEGATION_TEXT,
            "napaść",
            "ASSAULT",
            RUSSIA,
            POLAND,
            "intended",
            cameo="190",
            goldstein=-10.0,
            quad=4,
            sentence=1,
        ),
    ],
)

ALL = [HELD, DENIED, NEGATION]

# Monday 2024-12-30 and Thursday 2025-01-02 are one ISO week, 2025-W01; Monday 2025-01-06 starts the next.
WEEK_TEXT = "Chiny i Rosja rozmawiały. Rozmawiały znowu. I jeszcze raz rozmawiały."
WEEKS = Document(
    text=WEEK_TEXT,
    id="modality-weeks",
    date="2025-01-06",
    sentences=_sentences(WEEK_TEXT),
    events=[
        _event(WEEK_TEXT, "rozmawiały", "CONSULT", CHINA, RUSSIA, "asserted", date=day, sentence=i)
        for i, day in enumerate(("2024-12-30", "2025-01-02", "2025-01-06"))
    ],
)
