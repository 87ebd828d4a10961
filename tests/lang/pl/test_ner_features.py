"""Polish name-tagger features: word shapes, Morfeusz name labels, neighbours, document evidence."""

from __future__ import annotations

import pytest
from conftest import spelled_windows

from kronika.lang.pl.ner_features import (
    NKJP_TYPES,
    POLEVAL_CATEGORIES,
    WINDOW,
    WINDOW_EDGES,
    WINDOW_KINDS,
    document_name_forms,
    inner_names,
    is_inhabitant,
    sentence_features,
    sentence_windows,
    town_of_adjective,
    word_shape,
)
from kronika.record import Token

SHAPES = [
    ("Kowalski", "Xx"),
    ("NATO", "X"),
    ("F-16", "X-d"),
    ("2025", "d"),
    ("ul.", "x."),
    ("McDonald", "XxXx"),
    (",", ","),
]

# word -> a feature its Morfeusz readings must give (SGJP proper-name labels are the gazetteer).
MORFEUSZ_FEATURES = [
    ("Warszawa", "m=nazwa_geograficzna"),
    ("Jan", "m=imię"),
    ("Kowalski", "m=nazwisko"),
    ("dom", "m=nazwa_pospolita"),
    ("Jinpingiem", "mp=ign"),  # unknown to the dictionary
]


def tokens(*words: str) -> list[Token]:
    out, pos = [], 0
    for w in words:
        out.append(Token(pos, pos + len(w), w, lemma=w.lower(), tag="subst:sg:nom:m1"))
        pos += len(w) + 1
    return out


@pytest.mark.parametrize(("word", "shape"), SHAPES)
def test_word_shape(word, shape):
    assert word_shape(word) == shape


@pytest.mark.parametrize(("word", "feature"), MORFEUSZ_FEATURES)
def test_morfeusz_labels(word, feature):
    (features,) = sentence_features(tokens(word))
    assert feature in features


def test_one_list_per_token_with_neighbours():
    feats = sentence_features(tokens("Jan", "Kowalski", "przyjechał"))
    assert len(feats) == 3
    assert "first" in feats[0] and "-1:edge" in feats[0]
    assert "+1:w=kowalski" in feats[0]
    assert "-1:w=jan" in feats[1] and "+1:w=przyjechał" in feats[1]
    assert "+1:edge" in feats[2]
    assert "b-=jan|kowalski" in feats[1]


# (words, token index, a feature it must have): runs of capitals, quotes, case agreement, the wider window.
SENTENCE_FEATURES = [
    (("Kim", "Dzong", "Un", "przyjechał"), 0, "run=b3"),
    (("Kim", "Dzong", "Un", "przyjechał"), 1, "run=m3"),
    (("Kim", "Dzong", "Un", "przyjechał"), 2, "run=e3"),
    (("Pan", "przyjechał"), 0, "run=s1"),
    (("gazeta", "„", "Fakt", "”"), 2, "inq"),
    (("gazeta", '"', "Fakt", '"', "pisze"), 2, "inq"),
    (("Jan", "Kowalski"), 0, "agr+1"),
    (("Jan", "Kowalski"), 1, "agr-1"),
    (("Jan", "Kowalski"), 0, "shc=Xx:nom"),
    (("a", "b", "c", "Jan"), 3, "-3:w=a"),
]


@pytest.mark.parametrize(("words", "index", "feature"), SENTENCE_FEATURES)
def test_sentence_features(words, index, feature):
    assert feature in sentence_features(tokens(*words))[index]


# Sentences of every length around the window's reach (3 each side), with a document's name forms and clusters.
WINDOW_SENTENCES = [
    (),
    ("Tak",),
    ("Jan", "Kowalski"),
    ("Kim", "Dzong", "Un", "przyjechał"),
    ("gazeta", "„", "Fakt", "”", "pisze", "o", "Janie", "Kowalskim", "z", "Warszawy", "."),
]


@pytest.mark.parametrize("words", WINDOW_SENTENCES)
def test_windows_spell_the_same_lists(words):
    """Each token's list read from ``sentence_windows`` as ``CrfModel.tag_windows`` reads it."""
    sentence = tokens(*words)
    name_forms, clusters = frozenset({"Fakt", "~gazeta"}), {"jan": "0100", "fakt": "11"}
    types, further = sentence_windows(sentence, name_forms, clusters)
    spelled = spelled_windows(types, further, WINDOW, WINDOW_EDGES, WINDOW_KINDS)
    assert spelled == sentence_features(sentence, name_forms, clusters)


def test_closing_quote_ends_the_quote():
    feats = sentence_features(tokens("„", "Fakt", "”", "pisze"))
    assert "inq" in feats[1] and "inq" not in feats[3]


def test_clusters_give_prefix_features():
    (features,) = sentence_features(tokens("Jan"), clusters={"jan": "010011"})
    assert "c4=0100" in features
    (features,) = sentence_features(tokens("Jan"), clusters={"inne": "1"})
    assert "c=none" in features


def test_document_name_forms():
    sentences = [tokens("Kim", "przyjechał"), tokens("Spotkał", "Kima", "w", "Pekinie")]
    # Capitalised inside a sentence, and ("~" + word) written in lower case somewhere.
    assert document_name_forms(sentences) == frozenset({"Kima", "Pekinie", "~przyjechał", "~w"})
    (features, _) = sentence_features(tokens("Pekinie", "było"), frozenset({"Pekinie"}))
    assert "docname" in features and "doclow" not in features
    (features,) = sentence_features(tokens("W"), document_name_forms([tokens("W", "domu", "w")]))
    assert "doclow" in features


def test_tables_cover_the_name_categories():
    assert set(NKJP_TYPES.values()) == {"PER", "ORG", "GPE", "LOC"}
    assert set(NKJP_TYPES) <= set(POLEVAL_CATEGORIES)


# Names nested in an outer name (NKJP guidelines), as (start, end, category, layer) over the words.
COUNTRY, SETTLEMENT = "placeName-country", "placeName-settlement"
PERSON, FORENAME, SURNAME = "persName", "persName-forename", "persName-surname"
INNER = [
    # a state's adjective and a state in an organisation's name
    (["Polska", "Akademia", "Nauk"], set(), [(0, 1, COUNTRY, 1)]),
    (["Ambasada", "Niemiec"], set(), [(1, 2, COUNTRY, 1)]),
    # a town; two places in one name
    (["Sąd", "Okręgowy", "w", "Krakowie"], set(), [(3, 4, SETTLEMENT, 1)]),
    (["Teatr", "Polski", "we", "Wrocławiu"], set(), [(1, 2, COUNTRY, 1), (3, 4, SETTLEMENT, 1)]),
    # a person with forename and surname, a lone surname after a street, a surname that is also an
    # adjective accepted after a forename
    (["Uniwersytet", "Adama", "Mickiewicza"], set(), [(1, 3, PERSON, 1), (1, 2, FORENAME, 2), (2, 3, SURNAME, 2)]),
    (["ul.", "Sienkiewicza"], set(), [(1, 2, PERSON, 1), (1, 2, SURNAME, 2)]),
    (["Szkoła", "im.", "Marii", "Konopnickiej"], set(), [(2, 4, PERSON, 1), (2, 3, FORENAME, 2), (3, 4, SURNAME, 2)]),
    # a town's adjective, in lower case too ("powiat działdowski"); a region's adjective is no town
    (["powiat", "działdowski"], set(), [(1, 2, SETTLEMENT, 1)]),
    (["Uniwersytet", "Warszawski"], set(), [(1, 2, SETTLEMENT, 1)]),
    (["województwo", "mazowieckie"], set(), []),
    # common words that SGJP also lists as surnames; a forename alone is no person
    (["Najwyższa", "Izba", "Kontroli"], set(), []),
    (["Fundacja", "Marii"], set(), []),
    # one word is not nested in itself; words the tagger already nested stay as they are
    (["Rosja"], set(), []),
    (["Sąd", "Okręgowy", "w", "Krakowie"], {3}, []),
]


@pytest.mark.parametrize(("words", "taken", "expected"), INNER)
def test_inner_names(words, taken, expected):
    assert inner_names(words, 0, len(words), taken) == expected


def test_inner_names_stay_inside_the_host():
    words = ["w", "Krakowie", "i", "Urząd", "Miasta", "Gdańska", "oraz", "Polska"]
    assert inner_names(words, 3, 6, set()) == [(5, 6, SETTLEMENT, 1)]


# Relational adjective -> the town it is formed from, over a few town names.
TOWNS = frozenset({"działdowo", "wadowice", "płock", "gdańsk", "poznań", "kraków", "szczecin", "mińsk", "moro"})
TOWN_ADJECTIVES = [
    ("działdowski", "działdowo"),  # -owo -> -owski
    ("wadowicki", "wadowice"),  # -ice -> -icki
    ("płocki", "płock"),  # -ck -> -cki
    ("gdański", "gdańsk"),  # -sk -> -ski
    ("poznański", "poznań"),
    ("krakowski", "kraków"),  # ó in the town, o in the adjective
    ("szczeciński", "szczecin"),  # n in the town, ń in the adjective
    ("miński", "mińsk"),
    ("morski", None),  # a short stem with a vowel added is some other word
    ("polski", None),
    ("wielki", None),
]


@pytest.mark.parametrize(("adjective", "town"), TOWN_ADJECTIVES)
def test_town_of_adjective(adjective, town):
    assert town_of_adjective(adjective, TOWNS) == town


# Members of a people or a town are common nouns to SGJP, though written with a capital; places, states'
# genitives and forenames are not ("Niemiec" is Germany's genitive too, "Marek" a forename).
INHABITANTS = [
    ("Kurdowie", True),
    ("Turcy", True),
    ("Tutsi", True),
    ("Niemiec", False),
    ("Marek", False),
    ("Kraków", False),
]


@pytest.mark.parametrize(("word", "expected"), INHABITANTS)
def test_is_inhabitant(word, expected):
    assert is_inhabitant(word) is expected
