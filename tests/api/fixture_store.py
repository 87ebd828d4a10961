"""A real store for the API and web tests: the example articles run through the real pipeline, plus two
hand-made records whose findings cross and nest (a quote across a name, an amount inside a quote) and the three
reports of tests/store/claim_records.py (one story, sources that disagree), all ingested into an SQLite file
by the real Store."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from store import claim_records

from kronika.core import normalize_text
from kronika.record import Amount, Document, Entity, Event, Location, Mention, Participant, Quote, Timex
from kronika.store import Store
from conftest import story_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
_RECORDS: list[Document] = []

TUSK = Participant("Q946", "Donald Tusk", "POL", "GOV")
ZELENSKY = Participant("Q3874799", "Volodymyr Zelenskyy", "UKR", "GOV")


def _span(text: str, fragment: str) -> tuple[int, int, str]:
    start = text.index(fragment)
    return start, start + len(fragment), fragment


def _handmade() -> list[Document]:
    text = (
        "Donald Tusk spotkał się we wtorek w Kijowie z Wołodymyrem Zełenskim. „Polska przekaże Ukrainie "
        "100 czołgów” - powiedział Tusk. <b>Nie</b> & „cudzysłów”."
    )
    meeting = Event(
        type="CONSULT",
        trigger=Mention(*_span(text, "spotkał się")),
        sentence=0,
        mode="visit",
        actor=[TUSK],
        recipient=[ZELENSKY],
        cameo="042",
        goldstein=1.9,
        quad_class=1,
        date="2025-03-04",
        date_precision="day",
        location=Location("Kyiv", "UKR", 50.45, 30.52),
    )
    aid = Event(
        type="AID",
        trigger=Mention(*_span(text, "przekaże")),
        sentence=1,
        actor=[TUSK],
        recipient=[ZELENSKY],
        cameo="070",
        goldstein=7.0,
        quad_class=2,
        date="2025-03-04",
        date_precision="day",
        modality="intended",
    )
    first = Document(
        text=text,
        id="handmade-tusk-kyiv",
        url="https://example.org/tusk-kyiv",
        date="2025-03-04",
        title="Tusk w Kijowie",
        tone=0.5,
        sentences=[(0, text.index(".") + 1), (text.index("„Polska"), text.index(" <b>"))],
        entities=[
            Entity(
                "Q946",
                "Donald Tusk",
                "PER",
                "POL",
                "GOV",
                [
                    Mention(*_span(text, "Donald Tusk")),
                    Mention(text.rindex("Tusk"), text.rindex("Tusk") + 4, "Tusk"),
                ],
            ),
            Entity(
                "Q3874799",
                "Volodymyr Zelenskyy",
                "PER",
                "UKR",
                "GOV",
                [Mention(*_span(text, "Wołodymyrem Zełenskim"))],
            ),
            Entity("Q1899", "Kyiv", "GPE", "UKR", None, [Mention(*_span(text, "Kijowie"))]),
        ],
        timexes=[Timex(*_span(text, "we wtorek"), type="DATE", value="2025-03-04", anchor="2025-03-04")],
        events=[meeting, aid],
        # The quote ends inside "100 czołgów” - powiedział": the amount crosses the quote's end.
        quotes=[Quote(*_span(text, "Polska przekaże Ukrainie 100"), speaker=TUSK, verb="powiedział")],
        amounts=[Amount(*_span(text, "100 czołgów"), value=100.0, object="czołgów", category="weapons", claimant=TUSK)],
    )
    later = Document(
        text="Wołodymyr Zełenski podziękował Donaldowi Tuskowi w środę.",
        id="handmade-thanks",
        url="https://example.com/thanks",
        date="2025-03-05",
        title="Podziękowanie",
        tone=2.0,
        sentences=[(0, 58)],
        events=[
            Event(
                type="COOPERATE",
                trigger=Mention(19, 30, "podziękował"),
                sentence=0,
                actor=[ZELENSKY],
                recipient=[TUSK],
                cameo="051",
                goldstein=3.4,
                quad_class=1,
                date="2025-03-05",
                date_precision="day",
            )
        ],
    )
    return [first, later]


def records(pipeline) -> list[Document]:
    """The fixture records, analysed once per test session."""
    if not _RECORDS:
        from kronika.ingest import read_articles

        for article in read_articles([str(EXAMPLES)]):
            doc = Document(
                text=normalize_text(article.text),
                id=article.id or "",
                url=article.url,
                date=article.date,
                lang="pl",
                title=article.title,
            )
            _RECORDS.append(pipeline(doc))
        _RECORDS.extend(_handmade())
        _RECORDS.extend(claim_records.ALL)  # one story whose sources disagree on the dead
    return _RECORDS


def build_store(path: Path, pipeline) -> list[Document]:
    docs = records(pipeline)
    with story_store(path) as store:
        assert store.add_many(docs) == len(docs)
    return docs


@contextmanager
def opened_store(folder: Path, pipeline):
    """The store of ``build_store`` in ``folder``, opened read-only as the API opens it."""
    path = folder / "kronika.db"
    build_store(path, pipeline)
    with Store(path, create=False, read_only=True) as opened:
        yield opened
