"""The stage protocol, the order check, and batch == one-by-one."""

from __future__ import annotations

import pickle

import pytest

import kronika
from kronika.errors import KronikaError
from kronika.pipeline import Pipeline, default_stages
from kronika.record import Document


class Needs:
    def __init__(self, name, requires, assigns):
        self.name, self.requires, self.assigns = name, requires, assigns

    def __call__(self, doc):
        return doc


@pytest.mark.parametrize(
    ("stages", "ok"),
    [
        ([Needs("a", ("text",), ("sentences",)), Needs("b", ("sentences",), ("x",))], True),
        ([Needs("b", ("sentences",), ("x",))], False),
        ([Needs("b", ("x",), ()), Needs("a", ("text",), ("x",))], False),
    ],
)
def test_order_check(stages, ok):
    if ok:
        Pipeline(stages)
    else:
        with pytest.raises(KronikaError, match="E101"):
            Pipeline(stages)


TEXTS = [
    "Kim Dzong Un spotkał się z Xi Jinpingiem w Pekinie.",
    "Prezydent Ukrainy Wołodymyr Zełenski zarzucił Pekinowi wspieranie Rosji. Chiny zaprzeczają.",
    "Według NIS Pjongjang wysłał ok. 15 tys. żołnierzy.",
]


def test_batch_equals_one_by_one():
    pipeline = Pipeline(default_stages("pl"))
    one_by_one = [pipeline(Document(text=t)).to_json() for t in TEXTS]
    batch = [d.to_json() for d in pipeline.pipe(Document(text=t) for t in TEXTS)]
    reversed_batch = [d.to_json() for d in pipeline.pipe(Document(text=t) for t in reversed(TEXTS))]
    assert batch == one_by_one
    assert reversed_batch == one_by_one[::-1]


def test_stages_survive_pickling():
    """Workers receive the stages by pickle and must produce the same records."""
    stages = pickle.loads(pickle.dumps(default_stages("pl")))
    doc = Pipeline(stages)(Document(text=TEXTS[0]))
    assert doc.to_json() == kronika.analyze(TEXTS[0]).to_json()


def test_analyze_python_api():
    record = kronika.analyze("Pociąg wyjechał z Pekinu.  Kim wrócił.", date="2025-09-04")
    assert record.date == "2025-09-04"
    assert record.lang == "pl"
    assert [record.text[s:e] for s, e in record.sentences] == ["Pociąg wyjechał z Pekinu.", "Kim wrócił."]


def test_analyze_normalises_to_nfc():
    decomposed = "Pekin i Gda\u0144sk".replace("\u0144", "n\u0301")
    assert kronika.analyze(decomposed).text == "Pekin i Gdańsk"


def test_unknown_language_is_a_clear_error():
    with pytest.raises(KronikaError, match="no language pack for 'xx'"):
        kronika.analyze("text", lang="xx")
