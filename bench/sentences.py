"""Sentence-boundary F1 on the UD Polish treebanks (evaluation runner, not a test).

Each treebank's ``# text`` lines are joined with single spaces into one long text, the hardest setting:
no line breaks help, so every boundary must come from punctuation and what follows it. A boundary is a
character offset where a gold sentence ends (the end of the text is not counted). A naive splitter
(period, question or exclamation mark, space, capital) is scored alongside as the baseline.

    .venv/bin/python bench/sentences.py [--data ../shared/data] [--show-errors 10]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kronika.lang import get_language  # noqa: E402
from kronika.stages.segment import split_sentences, tokenize  # noqa: E402

TREEBANKS = {
    "PUD test": "ud-polish-pud/pl_pud-ud-test.conllu",
    "PDB dev": "ud-polish-pdb/pl_pdb-ud-dev.conllu",
    "PDB test": "ud-polish-pdb/pl_pdb-ud-test.conllu",
    "LFG dev": "ud-polish-lfg/pl_lfg-ud-dev.conllu",
    "LFG test": "ud-polish-lfg/pl_lfg-ud-test.conllu",
}


def read_sentences(path: Path) -> list[str]:
    prefix = "# text = "
    with path.open(encoding="utf-8") as handle:
        return [line[len(prefix) :].rstrip("\n") for line in handle if line.startswith(prefix)]


def join(sentences: list[str]) -> tuple[str, set[int]]:
    text, ends, offset = [], set(), 0
    for sentence in sentences:
        text.append(sentence)
        offset += len(sentence)
        ends.add(offset)
        offset += 1
    return " ".join(text), ends - {offset - 1}


def kronika_ends(text: str) -> set[int]:
    language = get_language("pl")
    sentences = split_sentences(text, tokenize(text, language), language)
    return {end for _, end in sentences} - {len(text.rstrip())}


NAIVE = re.compile(r"[.!?](?=\s+[A-ZĄĆĘŁŃÓŚŹŻ])")


def naive_ends(text: str) -> set[int]:
    return {m.end() for m in NAIVE.finditer(text)}


def f1(predicted: set[int], gold: set[int]) -> tuple[float, float, float]:
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = parser.parse_args()
    print(f"{'treebank':<10} {'sents':>6}  {'kronika P/R/F1':>22}  {'naive P/R/F1':>22}")
    for name, relative in TREEBANKS.items():
        path = Path(args.data) / relative
        if not path.exists():
            print(f"{name:<10} missing: {path}")
            continue
        sentences = read_sentences(path)
        text, gold = join(sentences)
        ours = kronika_ends(text)
        p, r, f = f1(ours, gold)
        bp, br, bf = f1(naive_ends(text), gold)
        print(f"{name:<10} {len(sentences):>6}  {p:.4f}/{r:.4f}/{f:.4f}  {bp:.4f}/{br:.4f}/{bf:.4f}")
        if args.show_errors:
            for kind, offsets in (("false split", ours - gold), ("missed", gold - ours)):
                for offset in sorted(offsets)[: args.show_errors]:
                    print(f"   {kind:>11}: …{text[max(0, offset - 50) : offset]}‖{text[offset : offset + 30]}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
