"""Train the dependency parser on Universal Dependencies Polish and measure it.

    .venv/bin/python scripts/train_parser.py [--data ../shared/data] [--epochs 12] [--no-save]

Trains on UD Polish LFG (dev and test, GPL-3) and PUD (CC BY-SA 4.0), the treebanks whose licences allow a
model the project can ship (under GPL-3); UD Polish PDB (CC BY-NC-SA) is only read to measure: its dev part
picks the number of epochs, its test part gives the reported score. Words are seen through the pipeline's own
morphology (Morfeusz2 and the guesser), never through the treebanks' gold tags, so the scores are those the
parser gets in the pipeline, less tokenization differences. Writes ``kronika/models/pl-parser/`` with ``meta.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.lang import get_language  # noqa: E402
from kronika.models import model_dir  # noqa: E402
from kronika.parse.conllu import read_conllu  # noqa: E402
from kronika.parse.features import Words, move_features, relation_features  # noqa: E402
from kronika.parse.parser import ROOT_RELATION, Parser  # noqa: E402
from kronika.parse.perceptron import Perceptron, Trainer, prune  # noqa: E402
from kronika.parse.system import MOVES, State, is_projective, oracle  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
OUT = model_dir("pl-parser")
TRAIN = (
    "ud-polish-lfg/pl_lfg-ud-dev.conllu",
    "ud-polish-lfg/pl_lfg-ud-test.conllu",
    "ud-polish-pud/pl_pud-ud-test.conllu",
)
TUNE = "ud-polish-pdb/pl_pdb-ud-dev.conllu"
TEST = "ud-polish-pdb/pl_pdb-ud-test.conllu"


def load(path: Path, language) -> list[tuple[Words, list[int], list[str]]]:
    morphology = language.morphology()
    out = []
    for sentence in read_conllu(path):
        analysed = morphology.annotate(sentence.forms)
        words = Words.of(
            [language.syntax_attributes(f, lemma, tag) for f, (lemma, tag) in zip(sentence.forms, analysed)]
        )
        out.append((words, sentence.heads, sentence.relations))
    return out


class Index(dict):
    """Feature string -> row, growing while training examples are built."""

    def rows(self, feats: list[str]) -> np.ndarray:
        return np.array([self.setdefault(f, len(self)) for f in feats], dtype=np.int64)


def move_examples(data, index: Index):
    out = []
    for words, heads, _ in data:
        if not is_projective(heads):
            continue
        gold = [-1] + heads
        state = State(len(heads))
        while not state.done:
            move = oracle(state, gold)
            out.append((index.rows(move_features(state, words)), move, np.array(state.legal())))
            state.apply(move)
    return out


def relation_examples(data, index: Index, labels: dict[str, int]):
    out = []
    for words, heads, relations in data:
        children: dict[int, list[int]] = {}
        for d, h in enumerate(heads, start=1):
            children.setdefault(h, []).append(d)
        for d, (h, rel) in enumerate(zip(heads, relations), start=1):
            if h:
                out.append((index.rows(relation_features(words, h, d, children)), labels.setdefault(rel, len(labels))))
    return out


def train(examples, n_features: int, n_classes: int, epochs: int, seed: int = 7) -> list[np.ndarray]:
    """Averaged weights after each epoch."""
    trainer = Trainer(n_features, n_classes)
    order = list(range(len(examples)))
    snapshots = []
    for _ in range(epochs):
        random.Random(seed + len(snapshots)).shuffle(order)
        for k in order:
            rows, gold, *allowed = examples[k]
            trainer.update(rows, gold, allowed[0] if allowed else None)
        snapshots.append(trainer.averaged())
    return snapshots


def attachment(parser: Parser, data) -> dict[str, float]:
    words_total = uas = las = 0
    for words, heads, relations in data:
        got_heads = parser.heads(words, len(heads))
        got_labels = parser.label(words, got_heads)
        for h, r, gh, gr in zip(heads, relations, got_heads, got_labels):
            words_total += 1
            uas += h == gh
            las += h == gh and r == gr
    return {"uas": round(uas / words_total, 4), "las": round(las / words_total, 4), "words": words_total}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    data_dir, language = Path(args.data), get_language("pl")
    started = time.perf_counter()
    train_data = [s for name in TRAIN for s in load(data_dir / name, language)]
    tune, test = load(data_dir / TUNE, language), load(data_dir / TEST, language)
    print(f"read {len(train_data)} training sentences in {time.perf_counter() - started:.0f} s", flush=True)
    move_index, relation_index, labels = Index(), Index(), {ROOT_RELATION: 0}
    moves = move_examples(train_data, move_index)
    relations = relation_examples(train_data, relation_index, labels)
    move_snaps = train(moves, len(move_index), len(MOVES), args.epochs)
    relation_snaps = train(relations, len(relation_index), len(labels), args.epochs)
    classes = sorted(labels, key=labels.get)
    best, best_epoch = None, 0
    for epoch, (mw, rw) in enumerate(zip(move_snaps, relation_snaps), start=1):
        candidate = Parser(Perceptron(list(MOVES), move_index, mw), Perceptron(classes, relation_index, rw))
        score = attachment(candidate, tune)
        print(f"epoch {epoch}: PDB dev UAS {score['uas']:.3f} LAS {score['las']:.3f}", flush=True)
        if best is None or score["las"] > best[1]["las"]:
            best, best_epoch = (candidate, score), epoch
    chosen, tuned = best
    tested = attachment(chosen, test)
    print(f"epoch {best_epoch} kept: PDB test UAS {tested['uas']:.3f} LAS {tested['las']:.3f}")
    if args.no_save:
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, model in (("moves", chosen.moves), ("relations", chosen.relations)):
        features, weights = prune(model.features, model.weights)
        Perceptron(model.classes, features, weights).save(OUT / name)
    meta = {
        "trained_on": list(TRAIN),
        "sentences": len(train_data),
        "epochs": best_epoch,
        "pdb_dev": tuned,
        "pdb_test": tested,
        "note": "words seen through the pipeline's morphology; UD punctuation included in the scores",
    }
    (OUT / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
