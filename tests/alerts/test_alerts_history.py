"""`kronika alerts --replay`: a rule fires on the replayed spike built from the examples and not on the flat
part; story rules fire once, on the day a story reaches its outlets."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import history
from kronika.cli import main
from conftest import story_store

COUNTRY_RATIO = """[[rule]]
name = "china-ratio"
kind = "country"
country = "Chiny"
measure = "events"
method = "ratio"
threshold = 3
baseline_days = 14
min_count = 2
"""
# Each flat day holds two events with China (the coder's output on the Modi-Xi article): enough for min_count,
# so only the baseline keeps the flat part quiet.
COUNTRY_Z = (
    COUNTRY_RATIO.replace("china-ratio", "china-z").replace('"ratio"', '"zscore"').replace("= 3\n", "= 3.5\n", 1)
)
RELATION = """[[rule]]
name = "chn-prk"
kind = "relation"
source = "CHN"
target = "Korea Północna"
measure = "events"
method = "zscore"
threshold = 3
baseline_days = 14
min_count = 2
"""
TOO_HIGH = COUNTRY_RATIO.replace("china-ratio", "never").replace("threshold = 3", "threshold = 50")
TOO_FEW = COUNTRY_RATIO.replace("china-ratio", "too-few").replace("min_count = 2", "min_count = 40")
ACTOR = """[[rule]]
name = "new-for-xi"
kind = "actor"
actor = "Xi Jinping"
baseline_days = 14
"""
STORY = """[[rule]]
name = "three-outlets"
kind = "story"
min_sources = 3
window_days = 3
"""

CASES = [
    ("country ratio", COUNTRY_RATIO, [history.SPIKE_DAY]),
    ("country robust z", COUNTRY_Z, [history.SPIKE_DAY]),
    ("relation robust z", RELATION, [history.SPIKE_DAY]),
    ("threshold above the spike", TOO_HIGH, []),
    ("min_count above the spike", TOO_FEW, []),
    # Xi meets Modi every other day (CONSULT, never new after the first); on the spike day he also AGREEs.
    ("actor in a new event type", ACTOR, [history.SPIKE_DAY]),
    ("actor in known event types only", ACTOR.replace("Xi Jinping", "Narendra Modi"), []),
    # Raised once, on the day the story reaches three outlets, though it stays there for the window's 3 days.
    ("story reaching three outlets", STORY, [history.SPIKE_DAY]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("history") / "k.db"
    history.build(path)
    return path


def replay(db, rules_path, *args):
    result = CliRunner().invoke(
        main, ["alerts", "--db", str(db), "--replay", "--rules", str(rules_path), "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("name, rules, days", CASES, ids=[case[0] for case in CASES])
def test_replay_fires_on_the_spike_only(db, tmp_path, name, rules, days):
    path = tmp_path / "rules.toml"
    path.write_text(rules, encoding="utf-8")
    found = replay(db, path, "--since", "2025-07", "--until", "2025-09-30")
    assert [alert["day"] for alert in found] == days, [a["message"] for a in found]
    for alert in found:
        assert alert["events"], alert  # the evidence travels with the alert


def test_flat_part_alone_raises_nothing(db, tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(COUNTRY_RATIO + COUNTRY_Z.replace("[[rule]]", "\n[[rule]]"), encoding="utf-8")
    assert replay(db, path, "--since", "2025-07-20", "--until", "2025-09-03") == []


def test_live_alerts_are_stored_once_listed_and_served(db, tmp_path):
    """What `kronika watch --alerts` does after a round: the days that gained events are checked, new alerts
    stored with their events and appended as JSON lines; the same alert is never raised twice."""
    from fastapi.testclient import TestClient

    from kronika.alerts import append_jsonl, load_rules, raise_since
    from kronika.api import create_app

    path = tmp_path / "rules.toml"
    path.write_text(COUNTRY_RATIO + "\n" + STORY, encoding="utf-8")
    rules = load_rules(str(path))
    with story_store(db) as store:
        raised = raise_since(store.connection, rules, "2025-01-01T00:00:00Z")  # every day of the history is new
        again = raise_since(store.connection, rules, "2025-01-01T00:00:00Z")
    assert sorted((a["rule"], a["day"]) for a in raised) == [
        ("china-ratio", history.SPIKE_DAY),
        ("three-outlets", history.SPIKE_DAY),
    ]
    assert again == []
    log = tmp_path / "alerts.jsonl"
    append_jsonl(str(log), raised)
    assert [json.loads(line)["id"] for line in log.read_text(encoding="utf-8").splitlines()] == [
        a["id"] for a in raised
    ]

    listed = CliRunner().invoke(main, ["alerts", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert {a["id"]: a["events"] for a in json.loads(listed.stdout)} == {a["id"]: a["events"] for a in raised}
    with TestClient(create_app(str(db))) as client:
        served = client.get("/api/alerts", params={"rule": "china-ratio"}).json()
        assert [a["day"] for a in served["items"]] == [history.SPIKE_DAY]
        event = client.get(f"/api/events/{served['items'][0]['events'][0]}")
        assert event.status_code == 200  # the evidence resolves to stored events
        page = client.get("/alerts", params={"rule": "china-ratio"})
        assert page.status_code == 200
        assert served["items"][0]["message"].replace("'", "&#39;") in page.text
        assert 'href="/articles/' in page.text and f"#event-{served['items'][0]['events'][0]}" in page.text
        assert "No alerts yet" in client.get("/alerts", params={"rule": "no-such-rule"}).text


RULE_ERRORS = [
    ("", "no [[rule]] tables"),
    ("[[rule]\nname = 1", "not valid TOML"),
    ('[[rule]]\nkind = "weather"', "kind = 'weather'; accepted: relation, country, actor, story"),
    ('[[rule]]\nkind = "country"', "a country rule needs country"),
    ('[[rule]]\nkind = "country"\ncountry = "Chna"', "did you mean"),
    ('[[rule]]\nkind = "relation"\nsource = "RUS"\ntarget = "POL"\nmeasure = "deaths"', "measure = 'deaths'"),
    ('[[rule]]\nkind = "country"\ncountry = "RUS"\nmeasure = "goldstein"\nmethod = "ratio"', "has no ratio"),
    ('[[rule]]\nkind = "country"\ncountry = "RUS"\nthreshold = -1', "threshold = -1 must be a number above 0"),
    ('[[rule]]\nkind = "country"\ncountry = "RUS"\nbaseline_days = 2.5', "baseline_days = 2.5 must be a whole"),
    ('[[rule]]\nkind = "story"', "needs min_sources or min_languages"),
    ('[[rule]]\nkind = "actor"', "an actor rule needs actor"),
    ('[[rule]]\nkind = "story"\nmin_sources = 3\ncolour = "red"', "unknown field(s) colour"),
    (
        '[[rule]]\nname = "a"\nkind = "story"\nmin_sources = 3\n[[rule]]\nname = "a"\nkind = "story"\nmin_sources = 4',
        "given twice: a",
    ),
]


@pytest.mark.parametrize("text, words", RULE_ERRORS)
def test_bad_rules_are_refused_with_the_rule_named(tmp_path, text, words):
    from kronika.alerts import load_rules
    from kronika.errors import KronikaError

    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KronikaError) as error:
        load_rules(str(path))
    assert error.value.code == "E951" and words in str(error.value) and str(path) in str(error.value)
