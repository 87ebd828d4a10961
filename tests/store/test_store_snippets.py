"""Search snippets (kronika/store/snippets.py): the excerpt around the words a search matched, by lemma as the
index matches them, with the matches' offsets into the whole text; then through Store.articles."""

from __future__ import annotations

import pytest

import kronika  # noqa: F401  (installs the pipeline's reader: searches read by lemma)
from kronika.reading import TypedReader, current_reader, use_reader
from kronika.record import Document
from kronika.store import Store
from kronika.store.snippets import Snippet, search_terms, snippet

FILLER = "Rano padał deszcz, a potem zrobiło się ciepło i sucho. " * 6  # 330 characters matching nothing

# (text, search, the words marked, in order, as the text writes them)
CASES = [
    ("Premier był wczoraj w Pekinie.", "Pekin", ["Pekinie"]),  # a case form of the lemma searched
    ("Premier był wczoraj w Pekinie.", "Pekinem", ["Pekinie"]),  # any form searched: read by its lemma
    ("Handel z Chinami rośnie, a Chiny kupują więcej.", "Chiny", ["Chinami", "Chiny"]),
    ("Widziałem psa przed domem.", "pies", ["psa"]),  # no first letters shared: the whole text is read
    ("Premier był wczoraj w Pekinie.", "Warszawa", []),  # nothing matches: the beginning, nothing marked
    (FILLER + "Rozmowy w Pekinie trwały długo.", "Pekin", ["Pekinie"]),  # far in: the excerpt moves there
    # Two words: the excerpt holding both beats the first place one of them occurs.
    ("Wizyta w Pekinie. " + FILLER + "Putin przyleciał do Pekinu.", "Putin Pekin", ["Putin", "Pekinu"]),
    ("Mąż i żona; MĄŻ też.", "mąż", ["Mąż", "MĄŻ"]),  # any case
]


@pytest.mark.parametrize(("text", "search", "marked"), CASES)
def test_snippet_marks_the_words_searched(text, search, marked):
    cut = snippet(text, search_terms(search))
    assert [text[s:e] for s, e in cut.matches] == marked
    assert text[cut.start : cut.start + len(cut.text)] == cut.text  # offsets into the whole text
    assert len(cut.text) <= 160
    assert "".join(piece for piece, _ in cut.pieces()) == cut.text
    assert [piece for piece, matched in cut.pieces() if matched] == marked


def test_excerpt_far_in_says_more_before():
    text = FILLER + "Rozmowy w Pekinie trwały długo. " + FILLER
    cut = snippet(text, search_terms("Pekin"))
    assert cut.more_before and cut.more_after
    assert cut.start > 250 and "Pekinie" in cut.text
    end = cut.start + len(cut.text)
    assert text[cut.start - 1] == " " and text[end] == " "  # cut between words


def test_nothing_searched_gives_the_beginning():
    assert snippet("Krótki tekst.", None) == Snippet("Krótki tekst.", 0, [], False, False)


def test_a_reader_of_words_as_typed_marks_only_the_typed_form():
    installed = current_reader()
    use_reader(TypedReader())
    try:
        cut = snippet("W Pekinie i w Pekin.", search_terms("Pekin"))
    finally:
        use_reader(installed)
    assert cut.matches == [(14, 19)]


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline):
    docs = [
        pipeline(Document(id="far", text=FILLER + "Delegacja przyjechała do Pekinu w środę.", date="2025-09-01")),
        pipeline(Document(id="near", text="W Pekinie spotkali się przywódcy.", date="2025-09-02")),
    ]
    with Store(tmp_path_factory.mktemp("snippets") / "k.db", stories=False) as opened:
        opened.add_many(docs)
        yield opened


@pytest.mark.parametrize(("search", "sort"), [("Pekin", None), ("pekinie", "-date"), ("Pekin", "title")])
def test_store_articles_give_snippet_and_offsets(store, search, sort):
    frame = store.articles(search=search, sort=sort)
    texts = {"far": FILLER + "Delegacja przyjechała do Pekinu w środę.", "near": "W Pekinie spotkali się przywódcy."}
    assert sorted(frame["id"]) == ["far", "near"]
    for row in frame.to_dict("records"):
        text = texts[row["id"]]
        assert text[row["snippet_start"] : row["snippet_start"] + len(row["snippet"])] == row["snippet"]
        assert [text[s:e] for s, e in row["matches"]] == [("Pekinu" if row["id"] == "far" else "Pekinie")]


def test_store_articles_without_search_start_at_the_beginning(store):
    rows = store.articles().to_dict("records")
    assert [(r["id"], r["snippet_start"], r["matches"]) for r in rows] == [("near", 0, []), ("far", 0, [])]
    assert rows[0]["snippet"] == "W Pekinie spotkali się przywódcy."


@pytest.mark.parametrize(("color", "marked"), [(True, "\x1b[1mPekinu\x1b[0m"), (False, "Pekinu")])
def test_cli_table_shows_the_snippet_bold_on_a_terminal_only(store, color, marked):
    from click.testing import CliRunner

    from kronika.cli import main

    result = CliRunner().invoke(
        main, ["articles", "--db", str(store.path), "--search", "pekin", "--format", "table"], color=color
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "(2 row(s))"
    snippet_lines = [line for line in lines if line.startswith("    ")]
    assert any(marked in line for line in snippet_lines)
    assert ("\x1b[" in result.output) is color
    assert all(len(line) <= 100 for line in lines if "\x1b" not in line)


def test_cli_json_gives_snippet_offsets(store):
    import json

    from click.testing import CliRunner

    from kronika.cli import main

    result = CliRunner().invoke(main, ["articles", "--db", str(store.path), "--search", "Pekinie", "--format", "json"])
    rows = {row["id"]: row for row in json.loads(result.output)}
    near = rows["near"]
    assert near["matches"] == [[2, 9]] and near["snippet_start"] == 0
    assert near["snippet"][2:9] == "Pekinie"


# (text, stems): the words that may match are found by one expression over the lower-cased text; they are the
# tokens a step per token finds, whatever the case, a letter whose lower case is longer, or a stem of no letter.
STEM_CASES = [
    ("Pekin, PEKINIE i pekinem; Pe-kin", {"pek"}),
    ("Żona ŻONY żony, Źdźbło", {"żon", "źdź"}),
    ("İstanbul i Izmir, İzmir", {"isť", "izm", "i̇st"}),
    ("c++ i C# oraz -ab", {"-ab", "c++", "c"}),
    ("UE i UEFA, ue.", {"ue"}),
    ("", {"pek"}),
    ("xababa ababa aba, ba", {"aba", "bab"}),  # a stem inside a word, then one at a word's start inside it
    ("Abab-aba ABA", {"aba"}),
]


@pytest.mark.parametrize(("text", "stems"), STEM_CASES)
def test_candidate_words_are_every_token_with_a_stem(text, stems):
    from kronika.store.snippets import STEM, WORD, _stem_starts

    def kept(words):
        return [word.span() for word in words if word.group().lower()[:STEM] in stems]

    assert kept(_stem_starts(text, frozenset(stems))) == kept(WORD.finditer(text))
