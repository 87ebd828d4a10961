"""Document records with coded events, written out as data: what the event stage will produce for
Polish reports of the Kim-Xi talks in Beijing (September 2025) and of the drones over Poland.

The events here are hand-coded from the texts (the event coder is not built yet); everything else in the
records follows docs/CONTRACT.md.
"""

from __future__ import annotations

import re

from kronika.record import Document, Entity, Event, Location, Mention, Participant, Quote, Timex, Amount

KIM = Participant("Q56226", "Kim Jong Un", "PRK", "GOV")
XI = Participant("Q15031", "Xi Jinping", "CHN", "GOV")
PUTIN = Participant("Q7747", "Vladimir Putin", "RUS", "GOV")
CHINA = Participant("Q148", "China", "CHN", "GOV")
PRK = Participant("Q423", "North Korea", "PRK", "GOV")
POLISH_ARMY = Participant("Q1054997", "Polish Armed Forces", "POL", "MIL")
RUSSIAN_ARMY = Participant("Q1130286", "Russian Armed Forces", "RUS", "MIL")
TUSK = Participant("Q946", "Donald Tusk", "POL", "GOV")
XINHUA = Participant("Q204839", "Xinhua News Agency")
BEIJING = Location("Beijing", "CHN", 39.9, 116.4)
WARSAW = Location("Warsaw", "POL", 52.23, 21.01)


def _at(text: str, fragment: str) -> tuple[int, int, str]:
    """(start, end, text) of the first occurrence of ``fragment``: the offsets every span of the record uses."""
    start = text.index(fragment)
    return start, start + len(fragment), fragment


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of these short texts: each ends at a period followed by a space or the end."""
    spans, start = [], 0
    for match in re.finditer(r"\.(?= |$)", text):
        spans.append((start, match.end()))
        start = match.end() + 1
    return spans


def _span(text: str, fragment: str) -> Mention:
    return Mention(*_at(text, fragment))


def consult(
    text: str,
    trigger: str,
    date: str | None,
    *,
    actor=KIM,
    recipient=XI,
    sentence: int = 0,
    precision: str | None = "day",
) -> Event:
    return Event(
        type="CONSULT",
        trigger=_span(text, trigger),
        sentence=sentence,
        mode="visit",
        context=["diplomatic"],
        actor=[actor],
        recipient=[recipient],
        cameo="042",
        goldstein=1.9,
        quad_class=1,
        date=date,
        date_precision=precision if date else None,
        location=BEIJING,
        reported_by=[XINHUA],
    )


PAP_TEXT = (
    "Kim Dzong Un spotkał się w czwartek w Pekinie z Xi Jinpingiem - przekazała agencja Xinhua. "
    "Dzień wcześniej Kim rozmawiał z Władimirem Putinem. Xi zapewnił, że Chiny będą nadal wspierać "
    "Pjongjang."
)
PAP = Document(
    text=PAP_TEXT,
    id="pap-2025-09-04-kim-xi",
    url="https://www.pap.pl/aktualnosci/kim-xi-pekin",
    date="2025-09-04",
    title="Kim Dzong Un spotkał się z Xi Jinpingiem",
    tone=1.2,
    sentences=_sentences(PAP_TEXT),
    entities=[
        Entity("Q56226", "Kim Jong Un", "PER", "PRK", "GOV", [_span(PAP_TEXT, "Kim Dzong Un")]),
        Entity("Q15031", "Xi Jinping", "PER", "CHN", "GOV", [_span(PAP_TEXT, "Xi Jinpingiem")]),
    ],
    timexes=[Timex(*_at(PAP_TEXT, "w czwartek"), type="DATE", value="2025-09-04", anchor="2025-09-04")],
    events=[
        consult(PAP_TEXT, "spotkał się", "2025-09-04"),
        consult(PAP_TEXT, "rozmawiał", "2025-09-03", recipient=PUTIN, sentence=1),
        Event(
            type="SUPPORT",
            trigger=_span(PAP_TEXT, "wspierać"),
            sentence=2,
            actor=[XI],
            recipient=[PRK],
            cameo="051",
            goldstein=3.4,
            quad_class=1,
            date="2025-09-04",
            date_precision="day",
            location=BEIJING,
            modality="asserted",
        ),
    ],
    quotes=[Quote(*_at(PAP_TEXT, "Chiny będą nadal wspierać Pjongjang"), speaker=XI, verb="zapewnił")],
)

RP_TEXT = "Przywódca Korei Północnej rozmawiał z przewodniczącym ChRL Xi Jinpingiem w Wielkiej Hali Ludowej."
RP = Document(
    text=RP_TEXT,
    id="rp-2025-09-05-kim-xi",
    url="https://www.rp.pl/dyplomacja/art1-kim-xi",
    date="2025-09-05",
    title="Kim w Pekinie",
    tone=0.4,
    sentences=_sentences(RP_TEXT),
    events=[consult(RP_TEXT, "rozmawiał", "2025-09-04")],
)

# Same outlet as PAP, a day-off date ("w piątek" misread), two reports of the talks in one article.
PAP_FOLLOW_TEXT = (
    "Po rozmowach z Xi Jinpingiem Kim Dzong Un wyjechał z Pekinu. Rozmowy Kima z Xi trwały ponad dwie godziny."
)
PAP_FOLLOW = Document(
    text=PAP_FOLLOW_TEXT,
    id="pap-2025-09-05-kim-wyjazd",
    url="https://pap.pl/aktualnosci/kim-wyjazd",
    date="2025-09-05",
    tone=0.0,
    sentences=_sentences(PAP_FOLLOW_TEXT),
    events=[
        consult(PAP_FOLLOW_TEXT, "rozmowach", "2025-09-05"),
        consult(PAP_FOLLOW_TEXT, "Rozmowy", "2025-09-05", sentence=1),
    ],
)

# The same pair and type three days later: a different event.
LATER_TEXT = "Kim Dzong Un ponownie spotkał się z Xi Jinpingiem, tym razem w Tiencinie."
LATER = Document(
    text=LATER_TEXT,
    id="tvn-2025-09-07-kim-xi",
    url="https://tvn24.pl/swiat/kim-xi-tiencin",
    date="2025-09-07",
    sentences=_sentences(LATER_TEXT),
    events=[consult(LATER_TEXT, "spotkał się", "2025-09-07")],
)

DRONES_TEXT = (
    "W nocy z wtorku na środę polskie wojsko zestrzeliło rosyjskie drony, które naruszyły przestrzeń "
    "powietrzną. Premier Donald Tusk oskarżył Rosję o prowokację. W operacji brało udział około 20 "
    "samolotów."
)
DRONES = Document(
    text=DRONES_TEXT,
    id="pap-2025-09-10-drony",
    url="https://www.pap.pl/aktualnosci/drony",
    date="2025-09-10",
    tone=-4.5,
    sentences=_sentences(DRONES_TEXT),
    events=[
        Event(
            type="ASSAULT",
            trigger=_span(DRONES_TEXT, "zestrzeliło"),
            sentence=0,
            mode="aerial",
            context=["military"],
            actor=[POLISH_ARMY],
            recipient=[RUSSIAN_ARMY],
            cameo="190",
            goldstein=-10.0,
            quad_class=4,
            date="2025-09-10",
            date_precision="day",
            location=WARSAW,
        ),
        Event(
            type="ACCUSE",
            trigger=_span(DRONES_TEXT, "oskarżył"),
            sentence=1,
            actor=[TUSK],
            recipient=[Participant("Q159", "Russia", "RUS", "GOV")],
            cameo="112",
            goldstein=-2.0,
            quad_class=3,
            date="2025-09-10",
            date_precision="day",
        ),
    ],
    amounts=[
        Amount(
            *_at(DRONES_TEXT, "około 20 samolotów"), value=20, approximate=True, object="samolot", category="aircraft"
        )
    ],
)

# A month-precision report (no day): matches only another "2025-09" report of the same event.
MONTH_TEXT = "We wrześniu Kim Dzong Un odwiedził Pekin."
MONTH = Document(
    text=MONTH_TEXT,
    id="month-kim",
    date="2025-09",
    sentences=_sentences(MONTH_TEXT),
    events=[consult(MONTH_TEXT, "odwiedził", "2025-09", precision="month")],
)

ALL = [PAP, RP, PAP_FOLLOW, LATER, DRONES, MONTH]
