"""The learned entity filter: its features say how an entity was found, entities scored under the threshold
are dropped, and an entity an event, quote or amount names stays."""

from __future__ import annotations

import pytest

from kronika.events.linear import LinearModel
from kronika.kb import Entry, KnowledgeBase
from kronika.lang import get_language
from kronika.record import Amount, Document, Entity, Event, Mention, Participant, Quote
from kronika.stages.entity_filter import (
    KEEP,
    _bucket,
    _shape,
    article_features,
    choose,
    filter_path,
    load_filter,
    named_after_nouns,
    participants,
)
from kronika.stages.link import Linker, link_entities
from tests.stages.test_link import analysed

BUCKETS = [(0, "1"), (1, "1"), (2, "2"), (4, "5"), (9, "5+")]
SHAPES = [("NATO", "upper"), ("Jan Kowalski", "title"), ("Rada do spraw", "mixed"), ("G7", "digit"), ("-", "none")]

ENTRIES = [
    Entry("Q801", "Israel", "GPE", "ISR", aliases={"pl": ("Izrael",)}),
    Entry("kronika:haifa", "Haifa", "GPE", "ISR", aliases={"pl": ("Hajfa",)}, parent="Q801", source="curated"),
]

# (text, the detector's mentions, entity name -> features it must have, entity name -> features it must lack)
CASES = [
    (
        "Izrael ostrzelał port. Rakiety spadły na Hajfę.",
        [("Izrael", "GPE", "Izrael"), ("Hajfę", "GPE", "Hajfa")],
        {
            "Israel": {"linked=linked", "openings=all:GPE:linked", "detected=1:GPE:linked"},
            "Haifa": {"kb=curated", "openings=none:GPE:linked", "as_written=none:GPE:linked"},
        },
        {"Israel": {"quoted:GPE:linked"}},
    ),
    (
        'Fundacja "Nowy Ład" pomaga. Jan Kowalski i Kowalski mówili.',
        [("Nowy Ład", "ORG", "Nowy Ład"), ("Jan Kowalski", "PER", "Jan Kowalski")],
        {"Nowy Ład": {"linked=local", "quoted:ORG:local", "words=2:ORG:local"}, "Jan Kowalski": {"words=2:PER:local"}},
        {"Jan Kowalski": {"quoted:PER:local", "inside_longer:PER:local"}},
    ),
    (
        "Ruch Narodowy protestował. Tak podała agencja (PAP).",
        [("Ruch Narodowy", "ORG", "Ruch Narodowy"), ("PAP", "ORG", "PAP")],
        {"Ruch Narodowy": {"lemma_lower=all:ORG:local"}, "PAP": {"bracketed:ORG:local", "lemma_lower=none:ORG:local"}},
        {"Ruch Narodowy": {"bracketed:ORG:local"}},
    ),
]


@pytest.mark.parametrize(("n", "expected"), BUCKETS)
def test_counts_fall_into_coarse_classes(n, expected):
    assert _bucket(n, (1, 2, 5)) == expected


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_a_name_has_a_shape(text, expected):
    assert _shape(text) == expected


@pytest.mark.parametrize(("text", "mentions", "present", "absent"), CASES)
def test_features_say_how_an_entity_was_found(text, mentions, present, absent):
    doc = analysed(text, mentions=mentions)
    kb = KnowledgeBase(ENTRIES)
    entities = link_entities(doc, Linker(get_language("pl"), kb))
    features = dict(zip([e.name for e in entities], map(set, article_features(doc, entities, kb, '"„”'))))
    for name, wanted in present.items():
        assert wanted <= features[name], name
    for name, unwanted in absent.items():
        assert not unwanted & features[name], name


# (text, the names a place noun names): the filter keeps them whatever their score; a name after no such noun,
# or a person's, is the model's to judge.
NOUN_PLACES = [
    ("Żołnierze starli się nad rzeką Galwan.", {"Galwan River"}),
    ("Więźniów przewieziono na wyspę Nusakambangan.", {"Nusakambangan"}),
    ("Izrael ostrzelał port w Hajfie.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NOUN_PLACES)
def test_a_place_noun_keeps_its_place(text, expected):
    doc = analysed(text)
    language = get_language("pl")
    doc.entities = link_entities(doc, Linker(language, KnowledgeBase(ENTRIES)))
    named = named_after_nouns(doc, language)
    assert {e.name for e in doc.entities if e.id in named} == expected


# (weight of the feature "local", threshold, names kept): a weight against local names drops them.
CHOICES = [(0.0, 0.5, ["Israel", "Nowy Ład"]), (-3.0, 0.5, ["Israel"]), (-3.0, 0.01, ["Israel", "Nowy Ład"])]


@pytest.mark.parametrize(("weight", "threshold", "kept"), CHOICES)
def test_entities_under_the_threshold_are_dropped(weight, threshold, kept):
    model = LinearModel(["drop", KEEP], [0.0, 0.0], {"local": [0.0, weight]})
    entities = [Entity("Q801", "Israel", "GPE", mentions=[Mention(0, 6, "Izrael")]), Entity("x", "Nowy Ład", "ORG")]
    rows = [["linked"], ["local"]]
    assert [e.name for e in choose(entities, rows, model, threshold)] == kept


def test_the_shipped_filter_loads_with_a_threshold():
    assert filter_path("pl").exists()
    model, threshold = load_filter("pl")
    assert set(model.classes) == {"drop", KEEP} and 0.0 < threshold < 1.0
    assert load_filter("xx") is None  # a language without a filter keeps every entity


def _side(entity: str) -> list[Participant]:
    return [Participant(entity, entity)]


# (the record's events, quotes and amounts, the entities they name)
NAMED = [
    ([], [], [], set()),
    (
        [Event("AGREE", Mention(0, 1, "x"), 0, actor=_side("Q1"), recipient=_side("Q2"), reported_by=_side("Q5"))],
        [],
        [],
        {"Q1", "Q2", "Q5"},
    ),
    (
        [],
        [Quote(0, 1, "x", speaker=Participant("Q3", "c"))],
        [Amount(0, 1, "5", 5.0, claimant=_side("Q4")[0])],
        {"Q3", "Q4"},
    ),
]


@pytest.mark.parametrize(("events", "quotes", "amounts", "expected"), NAMED)
def test_what_the_record_names_stays(events, quotes, amounts, expected):
    doc = Document(text="x", events=events, quotes=quotes, amounts=amounts)
    assert participants(doc) == expected


def test_the_filter_runs_after_everything_that_names_entities():
    from kronika.pipeline import default_stages

    names = [stage.name for stage in default_stages("pl")]
    assert names.index("entity filter") > max(names.index(n) for n in ("entities", "events", "amounts"))
