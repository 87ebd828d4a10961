"""The compiled move loop decides as the pure-Python decoder and the reference do, on small models made here,
and numba stays out of a process until a parser is built."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from kronika.parse import jit, wordtypes
from kronika.parse.compiled import CompiledMoves, compact
from kronika.parse.features import Words, move_features, relation_features
from kronika.parse.greedy import ExactMoves
from kronika.parse.labeler import ExactRelations, children_of
from kronika.parse.parser import Parser, _table
from kronika.parse.perceptron import Perceptron
from kronika.parse.system import MOVES, State
from kronika.stages.parse import load_parser, model_dir

kernel = jit.kernel()
pytestmark = pytest.mark.skipif(kernel is None, reason="numba is not available")

# Written for these tests: words as the parser reads them (form, lemma, class, case), a lemma holding the
# comma that joins feature parts, a one-word sentence, and sentences longer than the distance buckets.
SENTENCES = [
    [
        ("Premier", "premier", "subst", "nom"),
        ("pojechał", "pojechać", "praet", "-"),
        ("do", "do", "prep", "gen"),
        ("Kijowa", "Kijów", "subst", "gen"),
        (".", ".", "interp", "-"),
    ],
    [
        ("Inflacja", "inflacja", "subst", "nom"),
        ("spadła", "spaść", "praet", "-"),
        ("do", "do", "prep", "gen"),
        ("2,5", "2,5", "num", "gen"),
        ("proc.", "procent", "brev", "-"),
        (".", ".", "interp", "-"),
    ],
    [("Tak", "tak", "qub", "-")],
    [
        ("Rosja", "Rosja", "subst", "nom"),
        ("ostrzelała", "ostrzelać", "praet", "-"),
        ("Charków", "Charków", "subst", "acc"),
        (",", ",", "interp", "-"),
        ("a", "a", "conj", "-"),
        ("dwanaście", "dwanaście", "num", "nom"),
        ("osób", "osoba", "subst", "gen"),
        ("zostało", "zostać", "praet", "-"),
        ("rannych", "ranny", "adj", "gen"),
        ("w", "w", "prep", "loc"),
        ("nocy", "noc", "subst", "loc"),
        ("z", "z", "prep", "gen"),
        ("soboty", "sobota", "subst", "gen"),
        ("na", "na", "prep", "acc"),
        ("niedzielę", "niedziela", "subst", "acc"),
        (".", ".", "interp", "-"),
    ],
]


def fixture_model(seed: int, scale: float, coverage: float) -> Perceptron:
    """A move model over the features of random legal parses of ``SENTENCES`` (a share ``coverage`` of them
    kept), with float16 weights of magnitude about ``scale``; a small scale gives ties, the close calls."""
    rng = random.Random(seed)
    features: set[str] = set()
    for _ in range(6):
        for sentence in SENTENCES:
            words, state = Words.of(sentence), State(len(sentence))
            while not state.done:
                features.update(f for f in move_features(state, words) if rng.random() < coverage)
                state.apply(rng.choice([m for m, ok in enumerate(state.legal()) if ok]))
    names = sorted(features)
    weights = np.random.default_rng(seed).normal(0, scale, (len(names), len(MOVES)))
    weights = np.round(weights * 4) / 4 if scale < 1 else weights  # coarse values: ties among the scores
    weights = weights.astype(np.float16).astype(np.float32)
    return Perceptron(list(MOVES), {f: i for i, f in enumerate(names)}, weights)


def reference_heads(model: Perceptron, sentence) -> list[int]:
    words, state = Words.of(sentence), State(len(sentence))
    while not state.done:
        scores = model.scores(move_features(state, words))
        state.apply(int(np.where(state.legal(), scores, -np.inf).argmax()))
    return state.finish()


# (seed, weight scale, share of features kept, whether some decision must be a close call)
MODELS = [(1, 3.0, 1.0, False), (2, 0.5, 0.7, True), (3, 0.25, 0.4, True), (4, 10.0, 0.9, False)]


@pytest.mark.parametrize("seed, scale, coverage, ties", MODELS)
def test_compiled_decides_as_python_and_the_reference(seed, scale, coverage, ties):
    model = fixture_model(seed, scale, coverage)
    compiled = CompiledMoves(compact(model, kernel), kernel)
    python = ExactMoves.of(model.classes, _table(model))
    words = [Words.of(s) for s in SENTENCES]
    expected = [reference_heads(model, s) for s in SENTENCES]
    assert [python.heads(w, len(s)) for w, s in zip(words, SENTENCES)] == expected
    assert compiled.heads_all(SENTENCES) == expected  # one document
    assert compiled.fallbacks == python.fallbacks and (python.fallbacks > 0) == ties
    assert [compiled.heads(w, len(s)) for w, s in zip(words, SENTENCES)] == expected  # one at a time


def test_all_ties_go_to_the_reference_in_every_sentence():
    # All-zero weights: every decision is a close call, resumed in the compiled loop each time.
    model = Perceptron(list(MOVES), {"b": 0}, np.zeros((1, 4), dtype=np.float32))
    compiled = CompiledMoves(compact(model, kernel), kernel)
    assert compiled.heads_all(SENTENCES) == [reference_heads(model, s) for s in SENTENCES]
    assert compiled.fallbacks == sum(map(len, SENTENCES))  # SHIFT wins every tie: one move a word


RELATIONS = ["root", "nsubj", "obj", "obl", "case", "punct"]


def fixture_relations(seed: int, scale: float, heads: list[list[int]]) -> Perceptron:
    """A relation model over the features of the arcs given, float16 weights of magnitude about ``scale``."""
    features = {"b"}
    for sentence, found in zip(SENTENCES, heads):
        words, children = Words.of(sentence), children_of(found)
        for d, h in enumerate(found, start=1):
            features.update(relation_features(words, h, d, children) if h else ())
    names = sorted(features)
    weights = np.random.default_rng(seed).normal(0, scale, (len(names), len(RELATIONS)))
    weights = (np.round(weights * 4) / 4 if scale < 1 else weights).astype(np.float16).astype(np.float32)
    return Perceptron(RELATIONS, {f: i for i, f in enumerate(names)}, weights)


def reference_labels(model: Perceptron, words: Words, heads: list[int]) -> list[str]:
    features = [relation_features(words, h, d, children_of(heads)) for d, h in enumerate(heads, start=1)]
    return [model.classes[int(model.scores(f).argmax())] if h else "root" for f, h in zip(features, heads)]


# (seed, weight scale, whether some relation must be a close call)
RELATION_MODELS = [(1, 2.0, False), (2, 0.1, True), (3, 8.0, False), (4, 0.0, True)]


@pytest.mark.parametrize("seed, scale, ties", RELATION_MODELS)
def test_compiled_relations_as_numpy_and_the_reference(seed, scale, ties):
    heads = [reference_heads(fixture_model(seed, 3.0, 1.0), s) for s in SENTENCES]
    model = fixture_relations(seed, scale, heads)
    sentences = [(Words.of(s), h) for s, h in zip(SENTENCES, heads)]
    compiled, numpy_sums = ExactRelations(model, kernel=kernel), ExactRelations(model)
    expected = [reference_labels(model, w, found) for w, found in sentences]
    assert numpy_sums.label_all(sentences) == expected
    assert compiled.label_all(sentences) == expected
    assert compiled.fallbacks == numpy_sums.fallbacks and (compiled.fallbacks > 0) == ties
    assert compiled.label_all([]) == [] and compiled.label_all([(Words.of([]), [])]) == [[]]


@pytest.mark.parametrize("seed, scale, relation_scale", [(1, 3.0, 2.0), (2, 0.5, 0.1), (3, 0.25, 0.0)])
@pytest.mark.parametrize("limit", [wordtypes.LIMIT, 3])
def test_a_parser_with_both_loops_compiled(seed, scale, relation_scale, limit, monkeypatch):
    # Word types looked up once per process; a table past its limit starts afresh with the same output.
    monkeypatch.setattr(wordtypes, "LIMIT", limit)
    moves = fixture_model(seed, scale, 0.8)
    heads = [reference_heads(moves, s) for s in SENTENCES]
    relations = fixture_relations(seed, relation_scale, heads)
    parser = Parser(CompiledMoves(compact(moves, kernel), kernel), relations)
    assert parser.types is not None
    expected = [(h, reference_labels(relations, Words.of(s), h)) for s, h in zip(SENTENCES, heads)]
    for _ in range(2):
        assert parser.parse_all(SENTENCES) == expected
        assert parser.parse_all(SENTENCES[::-1]) == expected[::-1]
    assert parser.parse_all([]) == [] and parser.parse_all([[]]) == [([], [])]
    # As word types (the parse stage's way): the same, close calls read their words back from the types.
    parser.types.refresh()
    rows = [[parser.types.type_of(w) for w in s] for s in SENTENCES]
    assert parser.parse_types(rows) == expected and parser.parse_types([[]]) == [([], [])]


@pytest.mark.parametrize("document", [[], [[]], [[], SENTENCES[2], []]])
def test_empty_documents_and_sentences(document):
    model = fixture_model(5, 1.0, 1.0)
    compiled = CompiledMoves(compact(model, kernel), kernel)
    assert compiled.heads_all(document) == [reference_heads(model, s) for s in document]


@pytest.mark.parametrize("key", [0, 1, 12345, 2**31 - 1, 2**31, 7 * 8705**3 + 3, 2**44 - 1, 2**63 - 1])
def test_hash_slots_are_the_same_compiled_and_in_python(key):
    mask = (1 << 18) - 1
    assert kernel.slot(key, mask) == kernel.slot.py_func(key, mask)


@pytest.mark.parametrize(
    "environment, expected",
    [
        ({"NUMBA_CACHE_DIR": "/somewhere/else"}, "/somewhere/else"),
        ({"KRONIKA_CACHE": "off"}, None),
        ({"KRONIKA_CACHE": "{tmp}/cache"}, "{tmp}/cache/numba"),
        ({"KRONIKA_CACHE": "/proc/no-such-place"}, None),  # cannot be made: numba's own fallback decides
    ],
)
def test_numba_cache_directory(environment, expected, monkeypatch, tmp_path):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    assert jit.cache_dir() == (expected.format(tmp=tmp_path) if expected else None)


def test_numba_is_imported_only_when_a_parser_is_built():
    code = "import sys, kronika, kronika.stages.parse, kronika.parse.parser; print('numba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_numba_loads_without_scipy_which_still_imports_after():
    pytest.importorskip("scipy.linalg")  # not a dependency: the train extra brings it, and there it was slow
    code = (
        "import sys; from kronika.parse import jit; jit.kernel(); print('scipy' in sys.modules); "
        "import scipy.linalg; print(scipy.linalg.cython_blas is sys.modules['scipy.linalg.cython_blas'])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_without_numba_the_pure_python_decoders_run(monkeypatch):
    # jit.kernel() is None when numba is missing or cannot cache: the shipped model loads the Python way.
    compiled = load_parser("pl")
    assert isinstance(compiled.exact_moves, CompiledMoves) and compiled.types is not None
    monkeypatch.setattr(jit, "kernel", lambda: None)
    parser = Parser.load(model_dir("pl"))
    assert isinstance(parser.exact_moves, ExactMoves) and parser.types is None
    assert parser.exact_relations is not None and parser.exact_relations.kernel is None
    assert parser.parse_all(SENTENCES) == compiled.parse_all(SENTENCES)
