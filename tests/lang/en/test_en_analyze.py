"""`kronika analyze --lang en` end to end through the real command: the English pack runs every stage it can
and says which it skipped; ``--lang auto`` gives English articles the same record."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kronika.cli import main

ARTICLE = (
    " date 2024-03-07 Russia attacked Ukraine on Tuesday, the ministry said. Vladimir Putin met Xi Jinping in "
    "Moscow on March 3, 2024. About 3,000 troops were sent.\n"
)


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    path = tmp_path_factory.mktemp("en") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", "--lang", "en", str(path)])
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return record, result.stderr


def test_entities_linked_by_english_aliases(english):
    record, _ = english
    linked = {e["name"]: e["id"] for e in record["entities"]}
    assert {"Russia": "Q159", "Ukraine": "Q212", "Vladimir Putin": "Q7747", "Moscow": "Q649"}.items() <= linked.items()


def test_dates_resolved(english):
    record, _ = english
    assert [(t["text"], t["value"]) for t in record["timexes"]] == [
        ("on Tuesday", "2024-03-05"),
        ("on March 3, 2024", "2024-03-03"),
    ]


@pytest.mark.parametrize(
    ("trigger", "actor", "recipient", "date"),
    [
        ("attacked", "Russia", "Ukraine", "2024-03-05"),
        ("met", "Vladimir Putin", "Xi Jinping", "2024-03-03"),
    ],
)
def test_events_coded_by_the_rules(english, trigger, actor, recipient, date):
    record, _ = english
    coded = {
        e["trigger"]["text"]: ([a["name"] for a in e["actor"]], [r["name"] for r in e["recipient"]], e["date"])
        for e in record["events"]
    }
    assert coded[trigger] == ([actor], [recipient], date)


def test_amount_in_english_digits(english):
    record, _ = english
    assert [(a["value"], a["approximate"], a["category"]) for a in record["amounts"]] == [(3000, True, "troops")]


def test_note_names_the_missing_models(english):
    _, stderr = english
    assert "the 'en' pack has no ner model" in stderr
    assert "ran segment, morphology, ner (skipped), entities, time, events, quotes (skipped), amounts" in stderr


def test_auto_identified_english_gets_the_pack(tmp_path, english):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", "--lang", "auto", str(path)])
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert record == {**english[0], "lang": "en"}
