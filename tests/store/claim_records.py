"""Three invented reports of one shelling, written for these tests: figures of the dead from two claimants (one
of whom revises its figure the next day), an unattributed count of the wounded in a sentence without an event,
and an unattributed count of buildings. Events, amounts and claimants are hand-coded, as the stages would
write them (docs/CONTRACT.md)."""

from __future__ import annotations

from store.store_records import _at, _sentences

from kronika.record import Amount, Document, Entity, Event, Location, Mention, Participant

RUSSIAN_ARMY = Participant("kronika:russian-armed-forces", "Russian Armed Forces", "RUS", "MIL")
UKRAINE = Participant("Q212", "Ukraine", "UKR", "GOV")
# A claimant the knowledge base does not know: no entity id, keyed by name and country.
RESCUE = Participant(None, "State Emergency Service of Ukraine", "UKR", "GOV")
MOD_RUS = Participant("kronika:ministry-of-defence-russia", "Ministry of Defence (Russia)", "RUS", "GOV")
KHARKIV = Location("Kharkiv", "UKR", 49.99, 36.23)


def shelling(text: str, trigger: str, sentence: int = 0) -> Event:
    return Event(
        type="ASSAULT",
        trigger=Mention(*_at(text, trigger)),
        sentence=sentence,
        mode="artillery",
        context=["military"],
        actor=[RUSSIAN_ARMY],
        recipient=[UKRAINE],
        cameo="195",
        goldstein=-10.0,
        quad_class=4,
        date="2025-06-10",
        date_precision="day",
        location=KHARKIV,
    )


def killed(text: str, fragment: str, value: float, claimant: Participant | None, obj: str = "osoba") -> Amount:
    return Amount(*_at(text, fragment), value=value, object=obj, category="killed", claimant=claimant)


def report(
    article_id: str,
    url: str,
    date: str,
    title: str,
    text: str,
    trigger: str,
    amounts: list[Amount],
    *,
    names: tuple[Entity, ...] = (),
) -> Document:
    """One report of the shelling: Kharkiv named, the shelling coded at ``trigger`` in the first sentence."""
    kharkiv = Entity("kronika:geonames-706483", "Kharkiv", "GPE", "UKR", None, [Mention(*_at(text, "Charkow"))])
    return Document(
        text=text,
        id=article_id,
        url=url,
        date=date,
        title=title,
        sentences=_sentences(text),
        entities=[kharkiv, *names],
        events=[shelling(text, trigger)],
        amounts=amounts,
    )


FIRST_TEXT = (
    "Według ukraińskiej Służby Ratunkowej w nocnym rosyjskim ostrzale Charkowa zginęło 14 osób. "
    "Rannych zostało 40 mieszkańców miasta."
)
FIRST = report(
    "claims-first",
    "https://wiadomosci.example.pl/charkow-ostrzal",
    "2025-06-10",
    "Nocny ostrzał Charkowa",
    FIRST_TEXT,
    "ostrzale",
    [
        killed(FIRST_TEXT, "14 osób", 14, RESCUE),
        Amount(*_at(FIRST_TEXT, "40 mieszkańców"), value=40, object="mieszkaniec", category="wounded"),
    ],
)

SECOND_TEXT = (
    "Według rosyjskiego ministerstwa obrony w nocnym ostrzale Charkowa zginęło 30 ukraińskich "
    "żołnierzy. Ministerstwo nie podało innych szczegółów ataku."
)
SECOND = report(
    "claims-second",
    "https://portal.example.com/swiat/charkow",
    "2025-06-10",
    "Moskwa o nocnym ostrzale Charkowa",
    SECOND_TEXT,
    "ostrzale",
    [killed(SECOND_TEXT, "30 ukraińskich żołnierzy", 30, MOD_RUS, "żołnierz")],
    names=(
        Entity(
            MOD_RUS.entity,
            MOD_RUS.name,
            "ORG",
            "RUS",
            "GOV",
            [Mention(*_at(SECOND_TEXT, "rosyjskiego ministerstwa obrony"))],
        ),
    ),
)

THIRD_TEXT = (
    "Bilans nocnego ostrzału Charkowa wzrósł: według Służby Ratunkowej zginęło 17 osób. "
    "Miasto zapowiada odbudowę około 12 budynków."
)
THIRD = report(
    "claims-third",
    "https://wiadomosci.example.pl/charkow-bilans",
    "2025-06-11",
    "Rośnie bilans ostrzału Charkowa",
    THIRD_TEXT,
    "ostrzału",
    [
        killed(THIRD_TEXT, "17 osób", 17, RESCUE),
        Amount(*_at(THIRD_TEXT, "około 12 budynków"), value=12, approximate=True, object="budynek"),
    ],
)

ALL = [FIRST, SECOND, THIRD]
