"""The parser's fast decoders give the reference's decisions: exact packed scores, integer keys for
combination features, the margin that sends close calls to the reference, on the shipped model and on
small models built here."""

from __future__ import annotations

import numpy as np
import pytest

import kronika
from kronika.parse import exact, greedy, keys, labeler
from kronika.parse.features import Words, move_features, relation_features
from kronika.parse.parser import Parser
from kronika.parse.perceptron import Perceptron
from kronika.parse.system import LEFT, MOVES, REDUCE, RIGHT, SHIFT, State
from kronika.stages.parse import load_parser, model_dir

# Rows of float16 values: signs, zeros, the smallest and largest magnitudes a saved model can hold.
ROWS = [
    [[1.5, -2.25, 0.0, 42.34]],
    [[0.0, 0.0, 0.0, 0.0], [-0.0009765625, 6e-05, -65504.0, 65504.0]],
    [[0.125, -0.125, 3.0, -3.0], [-1.0, 1.0, -17.5, 0.5], [2.0, 2.0, 2.0, -2.0]],
]


@pytest.mark.parametrize("rows", ROWS)
def test_packed_rows_sum_exactly(rows):
    weights = np.array(rows, dtype=np.float16).astype(np.float32)
    packed = exact.packed_rows(weights)
    lanes = exact.unpack(sum(packed), weights.shape[1] + 1)
    expected = np.rint(weights.astype(np.float64).sum(axis=0) * exact.SCALE).astype(int).tolist()
    assert lanes[:-1] == expected
    assert lanes[-1] == int(np.rint(np.abs(weights.astype(np.float64)).max(axis=1).sum() * exact.SCALE))
    assert np.array_equal(exact.rows_of(packed, weights.shape[1]), weights)


@pytest.mark.parametrize("weights, float16", [([[0.5, -1.0]], True), ([[0.1, 1.0]], False)])
def test_only_float16_weights_count_as_exact(weights, float16):
    assert exact.is_float16(np.array(weights, dtype=np.float32)) is float16


# A lemma may hold the comma that joins parts ("1,5" is a number's lemma).
SPLITS = [
    ("subst/nom,fin/sg", 2, [("subst/nom", "fin/sg")]),
    ("1,5,fin/sg", 2, [("1", "5,fin/sg"), ("1,5", "fin/sg")]),
    ("3,subst/nom,prep/acc", 3, [("3", "subst/nom", "prep/acc")]),
    ("a", 2, []),
]


@pytest.mark.parametrize("value, arity, parts", SPLITS)
def test_splits(value, arity, parts):
    assert list(keys.splits(value, arity)) == parts


@pytest.mark.parametrize("value, found", [("1,5,mieć", 7), ("1,5", 8), ("5,mieć", None), ("1,5,być", None)])
def test_keys_find_what_the_string_would(value, found):
    vocabulary, width, tables = keys.keyed({"s0l,n0l": {"1,5,mieć": 7, "1,5": 8}})
    assert keys.lookup(vocabulary, width, tables["s0l,n0l"], value, 2) == found


def reference_parse(moves: Perceptron, relations: Perceptron, words: Words, n: int):
    """The parser as first written: feature strings and float32 sums at every decision."""
    state = State(n)
    while not state.done:
        scores = moves.scores(move_features(state, words))
        state.apply(int(np.where(state.legal(), scores, -np.inf).argmax()))
    heads = state.finish()
    children: dict[int, list[int]] = {}
    for d, h in enumerate(heads, start=1):
        children.setdefault(h, []).append(d)
    labels = [
        relations.classes[int(relations.scores(relation_features(words, h, d, children)).argmax())] if h else "root"
        for d, h in enumerate(heads, start=1)
    ]
    return heads, labels


# Written for these tests: shapes news has, and a number whose lemma holds a comma.
TEXTS = [
    "Premier Polski spotkał się wczoraj w Brukseli z przewodniczącą Komisji Europejskiej.",
    "Inflacja spadła do 2,5 proc., a bank centralny nie zmienił stóp procentowych.",
    "Rosja ostrzelała Charków; zginęły trzy osoby, a dwanaście zostało rannych.",
]


@pytest.fixture(scope="module")
def shipped():
    parser = load_parser("pl")
    return parser, Perceptron.load(model_dir("pl") / "moves"), Perceptron.load(model_dir("pl") / "relations")


@pytest.mark.parametrize("text", TEXTS)
def test_shipped_model_decides_as_the_reference(text, shipped, polish):
    parser, moves, relations = shipped
    doc = kronika.analyze(text)
    words = Words.of([polish.syntax_attributes(t.text, t.lemma, t.tag) for t in doc.tokens])
    n = len(doc.tokens)
    assert parser.exact_moves is not None and parser.exact_relations is not None
    heads = parser.heads(words, n)
    assert (heads, parser.label(words, heads)) == reference_parse(moves, relations, words, n)


def test_ties_go_to_the_reference():
    # All-zero weights: every decision ties, so each is the reference's (argmax takes the first class).
    features = {"b": 0}
    moves = Perceptron(list(MOVES), features, np.zeros((1, 4), dtype=np.float32))
    relations = Perceptron(["root", "nsubj", "obj"], features, np.zeros((1, 3), dtype=np.float32))
    parser = Parser(moves, relations)
    words = Words.of([("ala", "ala", "subst", "nom"), ("ma", "mieć", "fin", "sg"), ("kota", "kot", "subst", "acc")])
    heads = parser.heads(words, 3)
    assert (heads, parser.label(words, heads)) == reference_parse(moves, relations, words, 3)
    assert parser.exact_moves.fallbacks > 0


def test_other_weights_run_the_reference():
    # Averaged weights between training epochs are not float16 values: no exact decoder is built.
    weights = np.array([[0.1, 0.2, 0.3, 0.4]], dtype=np.float32)
    parser = Parser(Perceptron(list(MOVES), {"b": 0}, weights), Perceptron(["root"], {"b": 0}, weights[:, :1]))
    assert parser.exact_moves is None and parser.exact_relations is None
    assert parser.parse([("tak", "tak", "qub", "-")]) == ([0], ["root"])


def test_a_document_parses_as_its_sentences_one_by_one(shipped, polish):
    # All sentences' relations are scored together (``ExactRelations.label_all``): the same as one at a time.
    parser, moves, relations = shipped
    sentences = []
    for text in TEXTS:
        doc = kronika.analyze(text)
        sentences.append([polish.syntax_attributes(t.text, t.lemma, t.tag) for t in doc.tokens])
    expected = [reference_parse(moves, relations, Words.of(s), len(s)) for s in sentences]
    assert parser.parse_all(sentences) == expected
    assert parser.parse_all([]) == [] and parser.parse_all([[]]) == [([], [])]


def test_relation_templates_are_those_of_the_features():
    words = Words.of([("ala", "ala", "subst", "nom"), ("ma", "mieć", "fin", "sg")])
    names = [f.partition("=")[0] for f in relation_features(words, 2, 1, {2: [1]})]
    assert names == ["b", *labeler.TEMPLATES]


# Moves from the start state, and the heads they leave (positions 0..n, -1 unknown).
MOVE_SEQUENCES = [
    ([SHIFT, SHIFT, LEFT, LEFT, RIGHT], 3),
    ([RIGHT, RIGHT, REDUCE, RIGHT, SHIFT], 5),
    ([SHIFT, LEFT, SHIFT, RIGHT, REDUCE, LEFT, RIGHT, RIGHT], 6),
]


@pytest.mark.parametrize("moves, n", MOVE_SEQUENCES)
def test_dependents_rebuilt_from_heads_in_the_order_found(moves, n):
    # A close call rebuilds the reference's state from the heads alone (``greedy._dependents``).
    state = State(n)
    for move in moves:
        state.apply(move)
    assert greedy._dependents(state.heads + [-1], n) == (state.lefts, state.rights)


def test_a_relation_model_with_unknown_templates_is_refused():
    model = Perceptron(["root", "obj"], {"b": 0, "zz=1": 1}, np.zeros((2, 2), dtype=np.float32))
    with pytest.raises(ValueError, match="zz"):
        labeler.keyed(model)
