"""The CRF read into arrays tags as CRFsuite's own tagger does, on the shipped model and a model trained here."""

from __future__ import annotations

import pytest
from conftest import spelled_windows

from kronika.lang import get_language
from kronika.pipeline import Pipeline
from kronika.record import Document
from kronika.stages.crf import CrfModel
from kronika.stages.morph import MorphologyStage, _tokens_by_sentence
from kronika.stages.ner import MODEL_FILE, load_tagger, model_dir
from kronika.stages.segment import SegmentStage

pycrfsuite = pytest.importorskip("pycrfsuite")
SHIPPED = model_dir("pl") / MODEL_FILE


@pytest.fixture(params=["numpy", "compiled"])
def tagging(request, monkeypatch):
    """``tag_windows`` by numpy, and by the numba kernel (``kronika.stages.crf_kernel``) where it runs."""
    from kronika.parse import jit
    from kronika.stages import crf

    kernel = jit.crf_kernel() if request.param == "compiled" else None
    if request.param == "compiled" and kernel is None:
        pytest.skip("numba is not available")
    monkeypatch.setattr(crf, "_compiled", lambda: kernel)
    return request.param


TEXTS = [
    "Minister Radosław Sikorski przyleciał wczoraj do Warszawy z Brukseli.",
    "„Gazeta Wyborcza” pisze, że Jan Kowalski z PiS spotkał się w Pekinie z Xi Jinpingiem.",
    "Tak.",
    "NATO, ONZ i UE. Wisła płynie przez Kraków, Warszawę i Gdańsk, a Odra przez Wrocław.",
    "W 2024 r. Sejm RP przyjął ustawę nr 123/45 o ochronie ludności (Dz.U. poz. 7).",
]


@pytest.mark.skipif(not SHIPPED.exists(), reason="no name tagger model; run scripts/train_ner.py")
@pytest.mark.parametrize("text", TEXTS)
def test_labels_are_crfsuites_on_the_shipped_model(text, tagging):
    language = get_language("pl")
    doc = Pipeline([SegmentStage(language), MorphologyStage(language)])(Document(text=text))
    sentences = _tokens_by_sentence(doc)
    tagger = load_tagger("pl")
    name_forms = tagger.features.document_name_forms(sentences)
    reference = pycrfsuite.Tagger()
    reference.open(str(SHIPPED))
    expected = [reference.tag(tagger.features.sentence_features(s, name_forms, tagger.clusters)) for s in sentences]
    assert tagger.label_many(sentences, name_forms) == expected
    assert [tagger.label(s, name_forms) for s in sentences] == expected


# Feature lists of a toy sequence task: unknown strings, repeats and empty tokens included.
SEQUENCES = [
    [["a", "x"], ["b"], ["a", "a", "y"]],
    [["b"], []],
    [["nowhere"]],
    [["c", "b"], ["a"], ["c"], ["b", "x"], ["a", "c", "y"]],
]


def test_labels_are_crfsuites_on_a_small_trained_model(tmp_path, tagging):
    trainer = pycrfsuite.Trainer(verbose=False)
    data = [
        ([["a", "x"], ["b"], ["c"]], ["P", "Q", "R"]),
        ([["b", "y"], ["a"], ["a", "x"]], ["Q", "P", "P"]),
        ([["c"], ["c", "y"], ["b"]], ["R", "R", "Q"]),
    ]
    for features, labels in data:
        trainer.append(features, labels)
    trainer.set_params({"c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    path = tmp_path / "toy.crfsuite"
    trainer.train(str(path))
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    model = CrfModel(path)
    for sequence in SEQUENCES:
        assert model.tag(sequence) == reference.tag(sequence)
    many = model.tag_many([[((), row) for row in sequence] for sequence in SEQUENCES])
    assert many == [reference.tag(sequence) for sequence in SEQUENCES]
    assert model.tag([]) == []
    for offsets, edges, passed in WINDOWS:
        typed = [_typed(sentence) for sentence in TYPED]
        expanded = [spelled_windows(types, further, offsets, edges, passed) for types, further in typed]
        assert model.tag_windows(typed, offsets, edges, passed) == [reference.tag(s) for s in expanded]


# Word types as their own features by kind, and each token's further strings.
TYPES = {
    "A": (("a",), ("x",), ("y", "a")),
    "B": (("b", "nowhere"), (), ("c",)),
    "C": (("c", "c"), ("b", "x"), ("y",)),
}
TYPED = [["A", "B", "C", "A"], ["C"], [], ["B", "B", "A", "C", "C", "B"]]
# (offsets, edge tuples, what a type passes to each neighbour: a prefix and kinds in their order). The prefixes
# "" and "~" and kinds passed out of order and twice to different neighbours: the model knows "a", "b", "c", "x",
# "y", so a string passed as written counts and one after "~" adds nothing.
WINDOWS = [
    ((-1, 1), (("a",), None), (("", (1,)), ("", (2, 0)))),
    ((-1, 1), (None, None), (("~", (0, 1)), ("", (0, 1, 2)))),
    ((1, -1), (("y", "x"), ("b",)), (("", (2, 1)), ("", (0,)))),
    ((-1, 1, 2), (None, None, None), (("", ()), ("", (2,)), ("", (1, 0)))),
]


def _typed(names: list[str]):
    types = [TYPES[name] for name in names]  # the same tuple objects for a type's every token
    return types, [["x"] * (i % 3) for i in range(len(names))]
