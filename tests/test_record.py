"""The document record: ids, JSON round-trip, contract field names."""

from __future__ import annotations

import dataclasses
import json

import pytest

from kronika.record import (
    Amount,
    Document,
    Entity,
    Event,
    Location,
    Mention,
    NameMention,
    Participant,
    Quote,
    Timex,
    Token,
    content_id,
)

KIM = Participant(entity="Q56226", name="Kim Jong Un", country="PRK", sector="GOV")
FULL = Document(
    text="Kim Dzong Un spotkał się z Xi Jinpingiem w czwartek.",
    id="a1",
    url="https://example.org/a",
    date="2025-09-04",
    lang="pl",
    title="Kim w Pekinie",
    sentences=[(0, 52)],
    tokens=[Token(0, 3, "Kim", "Kim", "subst:sg:nom:m1")],
    mentions=[NameMention(0, 12, "Kim Dzong Un", "PER", "Kim Dzong Un")],
    entities=[Entity("Q56226", "Kim Jong Un", "PER", "PRK", "GOV", [Mention(0, 12, "Kim Dzong Un")])],
    timexes=[Timex(41, 51, "w czwartek", "DATE", "2025-09-04", anchor="dateline")],
    events=[
        Event(
            type="CONSULT",
            trigger=Mention(13, 24, "spotkał się"),
            sentence=0,
            actor=[KIM],
            location=Location("Beijing", "CHN", 39.9, 116.4),
            reported_by=[KIM],
        )
    ],
    quotes=[Quote(0, 3, "Kim", speaker=KIM, verb="zapewnił")],
    amounts=[Amount(0, 3, "Kim", 15000, approximate=True, claimant=KIM)],
    tone=-1.5,
)

CONTRACT_FIELDS = [
    "schema",
    "id",
    "url",
    "date",
    "lang",
    "title",
    "text",
    "sentences",
    "tokens",
    "mentions",
    "entities",
    "timexes",
    "events",
    "quotes",
    "amounts",
    "tone",
]


@pytest.mark.parametrize("doc", [FULL, Document(text="Krótki tekst.")])
def test_json_round_trip(doc):
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_json() == doc.to_json()


def test_contract_fields_and_schema_first():
    data = json.loads(FULL.to_json())
    assert list(data) == CONTRACT_FIELDS
    assert data["sentences"] == [[0, 52]]
    assert data["events"][0]["trigger"] == {"start": 13, "end": 24, "text": "spotkał się"}


@pytest.mark.parametrize("doc", [FULL, Document(text="Krótki tekst.")])
def test_record_dict_is_asdicts(doc):
    # to_dict walks the dataclasses itself (asdict deep-copies every string): the same dict, in its own lists.
    fields = dataclasses.asdict(doc)
    fields["sentences"] = [list(span) for span in doc.sentences]
    assert doc.to_dict() == {key: fields[key] for key in CONTRACT_FIELDS}
    assert doc.to_dict()["tokens"] is not doc.to_dict()["tokens"]


def test_tokens_can_be_left_out():
    assert "tokens" not in json.loads(FULL.to_json(tokens=False))


@pytest.mark.parametrize(
    ("given", "text", "expected"),
    [
        ("", "tekst", content_id("tekst")),
        ("moje-id", "tekst", "moje-id"),
    ],
)
def test_id_is_given_or_content_hash(given, text, expected):
    assert Document(text=text, id=given).id == expected


def test_content_id_is_stable_and_distinguishes_texts():
    assert content_id("a") == content_id("a") != content_id("b")
