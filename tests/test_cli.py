"""`kronika analyze` end to end through the real command, on files made here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kronika.cli import main

GOOD = " date 2025-09-04 Kim Dzong Un spotkał się z Władimirem Putinem w Pekinie. Wysłał ok. 15 tys. żołnierzy.\n"


def run(*args, input=None):
    result = CliRunner().invoke(main, ["analyze", *args], input=input)
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


def test_seed_example(seed_path):
    result, records = run(str(seed_path), "--tokens")
    assert result.exit_code == 0, result.stderr
    (record,) = records
    assert record["date"] == "2025-09-04"
    assert record["text"].startswith("Przywódcy Chin i Korei Północnej")
    sentences = [record["text"][s:e] for s, e in record["sentences"]]
    assert not any(s.endswith(("tys.", "Płn.")) for s in sentences)
    lemmas = {t["lemma"] for t in record["tokens"]}
    assert {"Pekin", "Korea", "Kim", "Jinping", "Pjongjang", "Putin", "Zełenski"} <= lemmas


def test_tokens_only_on_request(seed_path):
    _, records = run(str(seed_path))
    assert "tokens" not in records[0]


@pytest.mark.parametrize("args, parsed", [(["--tokens"], False), (["--parse"], True)])
def test_dependency_tree_only_on_request(args, parsed):
    result, (record,) = run("-", *args, input=GOOD)
    assert result.exit_code == 0, result.stderr
    heads = [t["head"] for t in record["tokens"]]
    if parsed:
        # One root per sentence, every other token hangs from a token of the record.
        assert heads.count(None) == len(record["sentences"])
        assert all(h is None or 0 <= h < len(heads) for h in heads) and all(t["dep"] for t in record["tokens"])
    else:
        assert set(heads) == {None}


def test_output_file(tmp_path, seed_path):
    out = tmp_path / "out.jsonl"
    result, _ = run(str(seed_path), "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["date"] == "2025-09-04"


def test_stdin():
    result, records = run("-", input=GOOD.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert records[0]["date"] == "2025-09-04"


# (file name, content, expected error fragment)
BAD_INPUTS = [
    ("empty.txt", b"", "E202"),
    ("blank.txt", b"  \n\n ", "E202"),
    ("binary.txt", bytes(range(256)) * 8, "E203"),
    ("impossible.txt", " date 2025-02-30 Tekst artykułu.".encode(), "E209"),
    (
        "menu.html",
        b'<html><head><title>Indeks</title></head><body><nav><ul><li><a href="/">Start</a></li>'
        b'<li><a href="/kraj">Kraj</a></li></ul></nav></body></html>',
        "E207",
    ),
]


@pytest.mark.parametrize(("name", "content", "code"), BAD_INPUTS)
def test_one_bad_input_among_good_ones(tmp_path, name, content, code):
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    (tmp_path / "z_good.txt").write_text(GOOD.replace("Pekinie", "Moskwie"), encoding="utf-8")
    result, records = run(str(tmp_path))
    assert result.exit_code == 1
    assert len(records) == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("kronika: error:")]
    assert len(errors) == 1
    assert code in errors[0] and name in errors[0]


def test_malformed_jsonl_line_is_reported_with_its_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "date": "2025-09-04", "text": "Kim spotkał się z Xi."}),
                "{not json",
                json.dumps({"id": "c", "text": "Putin przyjechał do Pekinu."}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result, records = run(str(path))
    assert result.exit_code == 1
    assert [r["id"] for r in records] == ["a", "c"]
    assert "batch.jsonl:2" in result.stderr or "line 2" in result.stderr


def test_missing_file_is_reported(tmp_path):
    result, records = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 1 and records == []
    assert "E201" in result.stderr and "nope.txt" in result.stderr


def test_plain_text_takes_date_option(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Kim przybył do Pekinu we wtorek.", encoding="utf-8")
    _, records = run(str(path), "--date", "2025-09-04")
    assert records[0]["date"] == "2025-09-04"
    _, records = run(str(path))
    assert records[0]["date"] is None


def test_bad_date_option(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Kim przybył do Pekinu.", encoding="utf-8")
    result, records = run(str(path), "--date", "2025-13-01")
    assert result.exit_code != 0 and records == []
    assert "2025-13-01" in result.stderr


def test_fifty_megabyte_text_is_refused_and_others_processed(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with open(tmp_path / "huge.txt", "wb") as handle:
        line = "Kim spotkał się z Xi w Pekinie. ".encode("utf-8")
        handle.write(line * (50_000_000 // len(line) + 1))
    result, records = run(str(tmp_path))
    assert result.exit_code == 1
    assert len(records) == 1
    assert "E204" in result.stderr and "huge.txt" in result.stderr


# --- kronika claims ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def claims_db(tmp_path_factory):
    from store import claim_records

    from conftest import story_store

    path = tmp_path_factory.mktemp("claims") / "kronika.db"
    with story_store(path) as store:  # as `kronika ingest` writes: the articles join stories
        store.add_many(claim_records.ALL)
        story = store.connection.execute("SELECT id FROM stories").fetchone()[0]
    return str(path), story


def claims(db, *args):
    return CliRunner().invoke(main, ["claims", "--db", db, *args])


# (options besides --story, --format, what the output must hold)
CLAIMS_OUTPUTS = [
    (
        ["--category", "killed"],
        "table",
        [
            "killed · ASSAULT Russian Armed Forces -> Ukraine 2025-06-10",
            "  State Emergency Service of Ukraine (UKR): 14 (claims-first 2025-06-10), 17 (claims-third 2025-06-11)",
            "  Ministry of Defence (Russia) (RUS): 30 (claims-second 2025-06-10)",
        ],
    ),
    (
        ["--category", "wounded"],
        "table",
        ["wounded", "  wiadomosci.example.pl (unattributed): 40 (claims-first 2025-06-10)"],
    ),
    (["--category", "arrested"], "table", ["(nothing found)"]),
    (
        ["--category", "killed"],
        "csv",
        [
            "category,unit,event,event_type,source,claimant_entity,value,approximate,text,article,date",
            "killed,osoba,{event},ASSAULT,State Emergency Service of Ukraine (UKR),,14.0,False,14 osób,claims-first,"
            "2025-06-10",
            "killed,osoba,{event},ASSAULT,State Emergency Service of Ukraine (UKR),,17.0,False,17 osób,claims-third,"
            "2025-06-11",
            "killed,żołnierz,{event},ASSAULT,Ministry of Defence (Russia) (RUS),kronika:ministry-of-defence-russia,"
            "30.0,False,"
            "30 ukraińskich żołnierzy,claims-second,2025-06-10",
        ],
    ),
]


@pytest.mark.parametrize(("options", "output_format", "expected"), CLAIMS_OUTPUTS)
def test_claims_of_a_story(claims_db, options, output_format, expected):
    db, story = claims_db
    result = claims(db, "--story", story, *options, "--format", output_format)
    assert result.exit_code == 0, result.output
    event = json.loads(claims(db, "--article", "claims-first", "--format", "json").stdout)[0]["event"]["id"]
    assert result.stdout.splitlines() == [line.format(event=event) for line in expected]


def test_claims_as_json_are_the_library_groups(claims_db):
    from kronika.store import Store

    db, story = claims_db
    result = claims(db, "--story", story, "--format", "json")
    with Store(db, create=False) as store:
        assert json.loads(result.stdout) == store.claims(story=story)


# (arguments, what the error must name)
CLAIMS_ERRORS = [
    (["--story", "nope"], "story 'nope': not in"),
    (["--event", "nope", "--article", "claims-first"], "event 'nope'"),
    (["--category", "killed"], "give a story, an event or an article"),
]


@pytest.mark.parametrize(("args", "says"), CLAIMS_ERRORS)
def test_claims_errors_name_the_problem(claims_db, args, says):
    result = claims(claims_db[0], *args)
    assert result.exit_code == 2 and "E506" in result.stderr and says in result.stderr
