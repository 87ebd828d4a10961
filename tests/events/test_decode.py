"""The learned layer's view, features and decoding on sentences written here, with small hand-set models
(so each mechanism is tested on its own), and the shipped models end to end."""

from __future__ import annotations

import pytest

import kronika
from kronika.events.decode import Thresholds, choose_roles, decode
from kronika.events.features import role_features, trigger_features
from kronika.events.linear import LinearModel
from kronika.events.view import _sentence_of, build_view
from kronika.stages.events import code_events, load_coder

DATE = "2025-09-04"


@pytest.fixture(scope="module")
def coder():
    return load_coder("pl")


def view_of(text: str, coder):
    doc = kronika.analyze(text, date=DATE)
    return build_view(doc, coder, code_events(doc, coder))


def token(view, word: str) -> int:
    return next(i for i, t in enumerate(view.doc.tokens) if t.text == word)


def test_codes_group_a_state_and_its_people(coder):
    view = view_of("Władimir Putin spotkał się z Xi Jinpingiem. Rosja i Putin chwalą Chiny.", coder)
    assert set(view.candidates) == {"RUS", "CHN"}
    assert view.candidates["RUS"].rank == 1 and view.candidates["RUS"].entity.type == "GPE"


# (text, word, a feature its trigger features must have, one they must not)
TRIGGER_CASES = [
    ("Rosja zaatakowała Ukrainę.", "zaatakowała", "x=ASSAULT", "neg"),
    ("Rosja nie zaatakowała Ukrainy.", "zaatakowała", "neg", "old"),
    ("Rosja zamierza zaatakować Ukrainę.", "zaatakować", "intent", "neg"),
    ("Rosja zaatakowała Ukrainę.", "zaatakowała", "named=2", "named=0"),
]


@pytest.mark.parametrize(("text", "word", "present", "absent"), TRIGGER_CASES)
def test_trigger_features(coder, text, word, present, absent):
    view = view_of(text, coder)
    features = trigger_features(view, token(view, word), coder.cues)
    assert present in features and absent not in features


# (text, trigger word, code, a feature its role features must have)
ROLE_CASES = [
    ("Rosja zaatakowała Ukrainę.", "zaatakowała", "RUS", "side=L|nom=True"),
    ("Rosja zaatakowała Ukrainę.", "zaatakowała", "UKR", "side=R"),
    ("Kim spotkał się z Xi Jinpingiem w Pekinie.", "spotkał", "CHN", "side=R|f=z"),
    ("Według Chin Rosja zaatakowała Ukrainę.", "zaatakowała", "CHN", "source"),
]


@pytest.mark.parametrize(("text", "word", "code", "feature"), ROLE_CASES)
def test_role_features(coder, text, word, code, feature):
    view = view_of(text, coder)
    assert feature in role_features(view, token(view, word), "ASSAULT", view.candidates[code], coder.cues)


# Hand-set models: "zaatakować" states an assault; a bare nominative before the word acts and a name after
# it receives.
TRIGGER = LinearModel(["ASSAULT", "NONE"], [0.0, 2.0], {"l=zaatakować": [4.0, 0.0]})
ROLE = LinearModel(
    ["NONE", "actor", "recipient"], [1.0, 0.0, 0.0], {"side=L|nom=True": [0.0, 3.0, 0.0], "side=R": [0.0, 0.0, 3.0]}
)
MODELS = {"trigger": TRIGGER, "role": ROLE}

# (text, thresholds, expected (type, actor codes, recipient codes) per event)
DECODE_CASES = [
    ("Rosja zaatakowała Ukrainę.", Thresholds(), [("ASSAULT", ["RUS"], ["UKR"])]),
    ("Rosja zaatakowała Ukrainę.", Thresholds(trigger=0.95), []),  # the trigger does not clear its threshold
    ("Rosja zaatakowała Ukrainę.", Thresholds(recipient=0.95), [("ASSAULT", ["RUS"], [])]),
    ("Zaatakowała Ukrainę.", Thresholds(), []),  # no actor: no event
    # two sentences, one event each
    (
        "Rosja zaatakowała Ukrainę. Ukraina zaatakowała Rosję.",
        Thresholds(),
        [("ASSAULT", ["RUS"], ["UKR"]), ("ASSAULT", ["UKR"], ["RUS"])],
    ),
]


@pytest.mark.parametrize(("text", "limits", "expected"), DECODE_CASES)
def test_decode(coder, text, limits, expected):
    events = decode(view_of(text, coder), coder, MODELS, limits)
    got = [(e.type, [p.country for p in e.actor], [p.country for p in e.recipient]) for e in events]
    assert got == expected


def test_roles_are_chosen_together(coder):
    # A code likelier to receive than to act is not made the actor though its actor score is the highest.
    role = LinearModel(
        ["NONE", "actor", "recipient"],
        [0.0, 0.0, 0.0],
        {"side=R": [0.0, 1.0, 4.0], "side=L|nom=True": [0.0, 0.8, -2.0]},
    )
    view = view_of("Rosja zaatakowała Ukrainę.", coder)
    actor, recipient = choose_roles(
        view, token(view, "zaatakowała"), "ASSAULT", role, coder.cues, Thresholds(actor=0.1, recipient=0.1)
    )
    assert ([c.code for c in actor], [c.code for c in recipient]) == (["RUS"], ["UKR"])


# One code on both sides: two bodies of one state in the sentence, and a model that says so.
BOTH_ROLE = LinearModel(
    ["NONE", "actor", "recipient", "both"],
    [1.0, 0.0, 0.0, 0.0],
    {"bodies=2": [0.0, 0.0, 0.0, 4.0], "side=L|nom=True": [0.0, 2.0, 0.0, 0.0]},
)
BOTH_CASES = [
    # (text, trigger word, both threshold, expected (actor codes, recipient codes))
    ("Premier Donald Tusk zaatakował prezydenta Andrzeja Dudę.", "zaatakował", 0.5, (["POL"], ["POL"])),
    ("Premier Donald Tusk zaatakował prezydenta Andrzeja Dudę.", "zaatakował", 0.999, (["POL"], [])),
    ("Rosja zaatakowała Ukrainę.", "zaatakowała", 0.5, (["RUS"], [])),  # one body per code: no code acts on itself
]


@pytest.mark.parametrize(("text", "word", "both", "expected"), BOTH_CASES)
def test_one_code_on_both_sides(coder, text, word, both, expected):
    view = view_of(text, coder)
    actor, recipient = choose_roles(
        view, token(view, word), "ASSAULT", BOTH_ROLE, coder.cues, Thresholds(actor=0.3, recipient=0.9, both=both)
    )
    assert ([c.code for c in actor], [c.code for c in recipient]) == expected


def test_the_receiving_body_of_one_code_is_its_other_entity(coder):
    view = view_of("Premier Donald Tusk zaatakował prezydenta Andrzeja Dudę.", coder)
    (event,) = decode(view, coder, {"trigger": TRIGGER, "role": BOTH_ROLE}, Thresholds(both=0.5))
    assert event.actor[0].country == event.recipient[0].country == "POL"
    assert event.actor[0].entity != event.recipient[0].entity


def test_event_fields_follow_the_codebook(coder):
    (event,) = decode(view_of("Rosja zaatakowała Ukrainę.", coder), coder, MODELS, Thresholds())
    assert event.cameo and event.cameo[:2] in {"18", "19", "20"} and event.quad_class == 4
    assert event.trigger.text == "zaatakowała" and event.date == DATE


# The shipped models on plain sentences of the kinds annotated news is full of.
SHIPPED_CASES = [
    ("Rosja zaatakowała Ukrainę w poniedziałek.", ("ASSAULT", ["RUS"], ["UKR"])),
    ("Kim Dzong Un spotkał się z Xi Jinpingiem w Pekinie.", ("CONSULT", ["CHN", "PRK"], [])),
]


@pytest.mark.parametrize(("text", "expected"), SHIPPED_CASES)
def test_shipped_models(text, expected):
    record = kronika.analyze(text, date=DATE)
    got = [
        (
            e.type,
            sorted(p.country for p in e.actor + e.recipient) if e.type == "CONSULT" else [p.country for p in e.actor],
            [] if e.type == "CONSULT" else [p.country for p in e.recipient],
        )
        for e in record.events
    ]
    assert expected in got


# Coordinated names share their side: the hand-set model picks the nearest name on each side only.
COORDINATION_CASES = [
    # (text, trigger word, expected (actor codes, recipient codes))
    ("Francja i Niemcy zaatakowały Rosję.", "zaatakowały", (["DEU", "FRA"], ["RUS"])),
    ("Rosja zaatakowała Ukrainę i Gruzję.", "zaatakowała", (["RUS"], ["GEO", "UKR"])),
    ("Francja zaatakowała Rosję, a Niemcy milczały.", "zaatakowała", (["FRA"], ["RUS"])),  # no coordinator joins them
]


@pytest.mark.parametrize(("text", "word", "expected"), COORDINATION_CASES)
def test_coordinated_codes_join_the_side(coder, text, word, expected):
    view = view_of(text, coder)
    role = LinearModel(
        ["NONE", "actor", "recipient"],
        [1.0, 0.0, 0.0],
        {
            "first=True|side=L": [0.0, 3.0, 0.0],
            "first=True|side=R": [0.0, 0.0, 3.0],
            "first=False|side=L": [2.0, 0.0, 0.0],
            "first=False|side=R": [2.0, 0.0, 0.0],
        },
    )
    actor, recipient = choose_roles(
        view, token(view, word), "ASSAULT", role, coder.cues, Thresholds(actor=0.5, recipient=0.5, second_actor=0.99)
    )
    assert (sorted(c.code for c in actor), sorted(c.code for c in recipient)) == expected


# (token starts, sentence starts, each token's sentence): the last sentence starting at or before the token, else
# the first; sentences with no token of their own and tokens before the first sentence
SENTENCE_OF_CASES = [
    ([0, 5, 9, 12, 20], [0, 10], [0, 0, 0, 1, 1]),
    ([3, 5], [4, 4, 6], [0, 1]),
    ([0, 1, 2], [], [0, 0, 0]),
    ([], [0, 5], []),
    ([2, 8, 30], [0, 5, 6, 7, 40], [0, 3, 3]),
]


@pytest.mark.parametrize(("tokens", "starts", "expected"), SENTENCE_OF_CASES)
def test_sentence_of(tokens, starts, expected):
    assert _sentence_of(tokens, starts) == expected
