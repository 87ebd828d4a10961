"""Is the parser's output still the reference's, and what does it cost per word? (a check, never a test)

    .venv/bin/python bench/parser.py [--bsnlp 300] [--every 1] [--pdb] [--repeat 3] [--sentences FILE]

Reads the texts of ``../shared/eval/train/train-pl.jsonl`` and ``../shared/eval/dev/dev-pl.jsonl`` (and the first
N BSNLP articles of ``bench/throughput.py``'s corpus) through the default pipeline, then parses every sentence
two ways: the shipped parser (``Parser.parse_all``, one document at a time; its loops compiled by numba) and
the reference, the parser as first written (feature strings per decision, float32 rows summed by numpy).
Heads and relations must be identical; exit status 1 otherwise. ``--pdb`` adds UAS and LAS on UD Polish PDB
test (the shipped parser, as ``scripts/train_parser.py`` scores it). ``--repeat`` times the reference, the
pure-Python decoders (``ExactMoves`` and numpy relations, what runs without numba) and the shipped parser,
alternating in this process (CPU time per word, ``--every K``: every K-th document). ``--sentences FILE`` keeps the pipeline's words in FILE (JSON)
for the next run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.identical import articles  # noqa: E402
from kronika.lang import get_language  # noqa: E402
from kronika.parse.features import Words, move_features, relation_features  # noqa: E402
from kronika.parse.greedy import ExactMoves  # noqa: E402
from kronika.parse.labeler import children_of  # noqa: E402
from kronika.parse.parser import Parser, _packed  # noqa: E402
from kronika.parse.perceptron import Perceptron  # noqa: E402
from kronika.parse.system import State  # noqa: E402
from kronika.stages.parse import load_parser, model_dir  # noqa: E402

PDB_TEST = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud-polish-pdb" / "pl_pdb-ud-test.conllu"


def documents(bsnlp: int, cache: str | None) -> list[list[list[tuple[str, str, str, str]]]]:
    """Per document, per sentence, the words as the parser reads them."""
    if cache and Path(cache).exists():
        return [[[tuple(w) for w in s] for s in doc] for doc in json.loads(Path(cache).read_text(encoding="utf-8"))]
    import kronika
    from kronika.stages.morph import _tokens_by_sentence

    language = get_language("pl")
    out = []
    for item in articles(bsnlp):
        doc = kronika.analyze(item["text"], date=item["date"], id=item["id"])
        out.append(
            [[language.syntax_attributes(t.text, t.lemma, t.tag) for t in group] for group in _tokens_by_sentence(doc)]
        )
    if cache:
        Path(cache).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def reference(moves: Perceptron, relations: Perceptron, sentence) -> tuple[list[int], list[str]]:
    """The parser as first written: feature strings and float32 sums at every decision."""
    words, state = Words.of(sentence), State(len(sentence))
    while not state.done:
        scores = moves.scores(move_features(state, words))
        state.apply(int(np.where(state.legal(), scores, -np.inf).argmax()))
    heads = state.finish()
    children = children_of(heads)
    labels = [
        relations.classes[int(relations.scores(relation_features(words, h, d, children)).argmax())] if h else "root"
        for d, h in enumerate(heads, start=1)
    ]
    return heads, labels


def pdb_scores(parser) -> dict[str, float]:
    """UAS and LAS on UD Polish PDB test as ``scripts/train_parser.py`` reports them."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from train_parser import attachment, load

    return attachment(parser, load(PDB_TEST, get_language("pl")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bsnlp", type=int, default=300, metavar="N")
    parser.add_argument("--every", type=int, default=1, metavar="K", help="time every K-th document")
    parser.add_argument("--repeat", type=int, default=0, help="timed passes of each way")
    parser.add_argument("--pdb", action="store_true", help="UAS and LAS on UD Polish PDB test")
    parser.add_argument("--sentences", metavar="FILE", help="keep (or read) the pipeline's words here")
    args = parser.parse_args()
    docs = documents(args.bsnlp, args.sentences)
    shipped = load_parser("pl")
    moves, relations = (Perceptron.load(model_dir("pl") / name) for name in ("moves", "relations"))
    sentences = [s for doc in docs for s in doc]
    got = [parsed for doc in docs for parsed in shipped.parse_all(doc)]
    differing = [i for i, s in enumerate(sentences) if got[i] != reference(moves, relations, s)]
    print(
        f"{len(docs)} documents, {len(sentences)} sentences, {sum(map(len, sentences))} words: "
        f"{len(sentences) - len(differing)} parsed as the reference (close calls left to it: "
        f"{shipped.exact_moves.fallbacks} moves, {shipped.exact_relations.fallbacks} relations)"
    )
    if args.pdb:
        print(f"UD Polish PDB test: {pdb_scores(shipped)}")
    timed = docs[:: args.every]
    words = sum(len(s) for doc in timed for s in doc)
    python = Parser(ExactMoves(*_packed(model_dir("pl") / "moves")), relations)  # the decoders without numba
    for _ in range(args.repeat):
        spent = []
        for way in (lambda s: [reference(moves, relations, x) for x in s], python.parse_all, shipped.parse_all):
            started = time.process_time()
            for doc in timed:
                way(doc)
            spent.append((time.process_time() - started) / words * 1e6)
        print(
            f"CPU per word: reference {spent[0]:.1f} us, pure Python {spent[1]:.1f} us, shipped (compiled) "
            f"{spent[2]:.1f} us ({spent[0] / spent[2]:.1f}x and {spent[1] / spent[2]:.1f}x faster)",
            flush=True,
        )
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
