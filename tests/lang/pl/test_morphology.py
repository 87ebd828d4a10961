"""Polish morphology: Morfeusz readings, the name guesser, and phrase lemmatization."""

from __future__ import annotations

import pickle

import pytest

from kronika.lang.pl.guesser import SuffixGuesser, learn_rules, rewrite_of
from kronika.lang.pl.morphology import (
    Analysis,
    _relemmatised,
    _rescored,
    lemmatize_phrase,
    load_morphology,
    match_case,
    narrow_tag,
    tag_values,
)

PHRASES = [
    ("Korei Północnej", "Korea Północna"),
    ("Wielkiej Hali Ludowej", "Wielka Hala Ludowa"),
    ("Szanghajskiej Organizacji Współpracy", "Szanghajska Organizacja Współpracy"),
    ("Państwowych Zakładach Lotniczych", "Państwowe Zakłady Lotnicze"),
    ("kanadyjskim", "kanadyjski"),
    ("Tadeusza Rejtana", "Tadeusz Rejtan"),
    ("Władimirem Putinem", "Władimir Putin"),
    ("Pekinie", "Pekin"),
    ("Ministerstwa Obrony Narodowej", "Ministerstwo Obrony Narodowej"),
    ("Pana Tadeusza", "Pan Tadeusz"),
    ("św. Mikołaja", "św. Mikołaj"),
    ("I wojny światowej", "I wojna światowa"),
    ("Diecezji Koszalińsko-Kołobrzeskiej", "Diecezja Koszalińsko-Kołobrzeska"),
    ("Charles'a de Gaulle'a", "Charles de Gaulle"),
    ("rzece Wiśle", "rzeka Wisła"),
    ("Korea Północna", "Korea Północna"),
    ("Prawa i Sprawiedliwości", "Prawo i Sprawiedliwość"),
    ("Rynku Starego Miasta", "Rynek Starego Miasta"),
    ("Stanów Zjednoczonych", "Stany Zjednoczone"),
    ("Zygmunta I Starego", "Zygmunt I Stary"),
    ("Klubie Międzynarodowej Prasy i Książki", "Klub Międzynarodowej Prasy i Książki"),
    ("najlepszego zawodnika", "najlepszy zawodnik"),
    ("Polaków", "Polak"),
    ("austriackich", "austriacki"),
    ("", ""),
]

SINGULAR_CITATION = [
    ("serwisów społecznościowych", "serwis społecznościowy"),
    ("Państwowych Zakładach Lotniczych", "Państwowe Zakłady Lotnicze"),
    ("drzwi", "drzwi"),
]

UNKNOWN_NAMES = [
    ("Kimem", "Kim"),
    ("Jinpingiem", "Jinping"),
    ("Jingpinem", "Jingpin"),
    ("Zełenskiego", "Zełenski"),
    ("Pezeszkianem", "Pezeszkian"),
    ("Tiencinie", "Tiencin"),
]

SINGLE_TOKENS = [
    # (token, lemma, tag prefix): homonym marks stripped, split tokens get one reading.
    ("Tadeusza", "Tadeusz", "subst:sg:gen"),
    ("zrobiłem", "zrobić", "praet:sg"),
    ("m.in.", "między innymi", "brev"),
    ("Katowicach", "Katowice", "subst:pl:loc"),
]

TAG_NARROWING = [
    ("subst:sg:gen.acc:m1", "gen", "sg", "subst:sg:gen:m1"),
    ("adj:sg:dat.loc:f:pos", "loc", "sg", "adj:sg:loc:f:pos"),
    ("subst:sg.pl:nom.gen:f", "nom", "pl", "subst:pl:nom:f"),
]

CASING = [
    ("Pekinie", "pekin", "Pekin"),
    ("ZEFIRA", "zefir", "ZEFIR"),
    ("kanadyjskim", "Kanadyjski", "kanadyjski"),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_lemmatize_phrase(phrase, expected):
    assert lemmatize_phrase(phrase) == expected


@pytest.mark.parametrize(("phrase", "expected"), SINGULAR_CITATION)
def test_singular_citation_of_common_phrases(phrase, expected):
    assert lemmatize_phrase(phrase, singular_common=True) == expected


@pytest.mark.parametrize(("form", "lemma"), UNKNOWN_NAMES)
def test_unknown_names_are_guessed(form, lemma):
    assert lemmatize_phrase(form) == lemma


# A reading whose lemma the document writes elsewhere wins (its own lemma, not the guess): the answers kept per
# phrase for documents without such evidence must not reach one with it, nor the other way round.
DOCUMENT_EVIDENCE = [
    ("Lashariemu", frozenset({"Lashari"}), "Lashari", "Lasharie"),
    ("Kochanek", frozenset({"kochanka"}), "Kochanka", "Kochanek"),
]


@pytest.mark.parametrize(("phrase", "forms", "with_evidence", "without"), DOCUMENT_EVIDENCE)
def test_document_evidence_of_a_phrase(phrase, forms, with_evidence, without):
    morphology = load_morphology()
    for _ in range(2):
        assert morphology.lemmatize_phrase(phrase) == without
        assert morphology.lemmatize_phrase(phrase, forms) == with_evidence
        assert morphology.lemmatize_phrase(phrase, frozenset({"inne", phrase})) == without


@pytest.mark.parametrize(("form", "lemma"), UNKNOWN_NAMES)
def test_guesser_ranks_the_lemma_first(form, lemma):
    assert load_morphology().guesser.guess(form)[0].lemma == lemma


@pytest.mark.parametrize(("token", "lemma", "tag"), SINGLE_TOKENS)
def test_token_readings(token, lemma, tag):
    ((got_lemma, got_tag),) = load_morphology().annotate([token])
    assert got_lemma == lemma
    assert got_tag.startswith(tag)


@pytest.mark.parametrize(("tag", "case", "number", "expected"), TAG_NARROWING)
def test_narrow_tag(tag, case, number, expected):
    assert narrow_tag(tag, case, number) == expected


@pytest.mark.parametrize(("orth", "form", "expected"), CASING)
def test_match_case(orth, form, expected):
    assert match_case(orth, form) == expected


SENTENCES = [
    # (tokens, index, lemma): names in context.
    (["Kim", "Dzong", "Un", "spotkał", "się", "z", "Xi", "Jinpingiem", "."], 0, "Kim"),
    (["Kim", "Dzong", "Un", "spotkał", "się", "z", "Xi", "Jinpingiem", "."], 7, "Jinping"),
    (["Po", "wizycie", "Kima", "w", "Chinach", "."], 2, "Kim"),
    (["Rozmawiał", "w", "Pekinie", "."], 2, "Pekin"),
    (["Rozmawiał", "z", "Pezeszkianem", "w", "Tiencinie", "."], 4, "Tiencin"),
]


@pytest.mark.parametrize(("tokens", "index", "lemma"), SENTENCES)
def test_annotate_names_in_context(tokens, index, lemma):
    assert load_morphology().annotate(tokens)[index][0] == lemma


READING = Analysis("Kraków", "subst:sg:nom.acc:m3", ("nazwa_geograficzna",), (), "Kraków", 1.5, "")
MADE_FROM_A_READING = [
    # (a reading made from READING, the lemma, tag and score it should have; every other field as READING's)
    (_rescored(READING, 1.8, "subst:sg:acc:m3"), "Kraków", "subst:sg:acc:m3", 1.8),
    (_rescored(READING, 0.3, READING.tag), "Kraków", READING.tag, 0.3),
    (_rescored(READING, 1.0, "ign"), "Kraków", "ign", 1.0),
    (_relemmatised(READING, "Krakow"), "Krakow", READING.tag, 1.5),
    (_rescored(READING, 0.3, READING.tag), "Kraków", READING.tag, 0.3),
    (pickle.loads(pickle.dumps(READING)), "Kraków", READING.tag, 1.5),
]


@pytest.mark.parametrize(("made", "lemma", "tag", "score"), MADE_FROM_A_READING)
def test_readings_made_from_a_reading_keep_their_class_and_values_with_the_tag(made, lemma, tag, score):
    # A reading keeps its tag's class and values beside the tag: whatever makes one must keep them in step.
    assert made == Analysis(lemma, tag, READING.labels, READING.qualifiers, READING.source, score, READING.prefix)
    assert (made.pos, made.values) == (tag.split(":")[0], tag_values(tag))


def test_document_evidence_picks_the_lemma_seen_elsewhere():
    morphology = load_morphology()
    tokens = ["Rozmowy", "z", "udziałem", "Kima", "trwały", "."]
    assert morphology.annotate(tokens, frozenset({"Kim"}))[3][0] == "Kim"


REWRITES = [
    ("Pekinie", "Pekin", (2, "")),
    ("Białymstoku", "Białystok", (6, "stok")),
    ("Kraków", "Kraków", (0, "")),
]


@pytest.mark.parametrize(("form", "lemma", "expected"), REWRITES)
def test_rewrite_of(form, lemma, expected):
    assert rewrite_of(form, lemma) == expected


def test_learnt_rules_apply_to_new_words():
    pairs = [
        ("Adamem", "Adam", "subst:sg:inst:m1"),
        ("Hakimem", "Hakim", "subst:sg:inst:m1"),
        ("Karimem", "Karim", "subst:sg:inst:m1"),
    ]
    guesser = SuffixGuesser(learn_rules(pairs))
    assert guesser.guess("Salimem")[0].lemma == "Salim"


def test_loader_is_cached_and_language_pack_pickles():
    assert load_morphology() is load_morphology()
    pickle.dumps(load_morphology)


SYNTAX_CASES = [
    # (text, lemma, tag) -> what the parser reads
    (("Ukrainę", "Ukraina", "subst:sg:acc:f"), ("ukrainę", "ukraina", "subst", "acc")),
    (("zaatakował", "zaatakować", "praet:sg:m1.m2.m3:perf"), ("zaatakował", "zaatakować", "praet", "sg")),
    (("rzecznik", "rzecznik", "subst:sg.pl:nom.gen:m1"), ("rzecznik", "rzecznik", "subst", "nom.gen")),
    ((",", ",", "interp"), (",", ",", "interp", "-")),
    (("Xi", None, None), ("xi", "xi", "ign", "-")),
]


@pytest.mark.parametrize("word, expected", SYNTAX_CASES)
def test_syntax_attributes(polish, word, expected):
    assert polish.syntax_attributes(*word) == expected
