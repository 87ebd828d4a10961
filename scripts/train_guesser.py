"""Learn the suffix rules of the Polish name guesser (kronika/lang/pl/guesser.py).

Training pairs (form, lemma, tag):
- place names: SGJP extract ``polem-kpwr-lemmatization/dict/sgjp-20160310-geograficzne.tab`` (BSD-2, SGJP);
- person names: Morfeusz2 (SGJP) analyses labelled imię/nazwisko of the capitalised word types of
  NKJP 1M (``nkjp-ner-iob/nkjp-nested-simplified-v2.iob``, GPL-3). Only the vocabulary of NKJP is
  used, not its annotation, but the rules are released under GPL-3 to be safe.

The PolEval 2019 lemmatization file is never read here: it is the evaluation set.

Example:
    .venv/bin/python scripts/train_guesser.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.lang.pl.guesser import (  # noqa: E402  (the script runs from a checkout)
    META_FILE,
    MODEL_DIR,
    RULES_FILE,
    SuffixGuesser,
    learn_rules,
    write_rules,
)
from kronika.lang.pl.names import PERSON_LABELS  # noqa: E402

GEO_FILE = "polem-kpwr-lemmatization/dict/sgjp-20160310-geograficzne.tab"
NKJP_FILE = "nkjp-ner-iob/nkjp-nested-simplified-v2.iob"
VERSION = "1.0.0"

# SGJP 2016 used the older gender inventory; Morfeusz2 today writes n for n1/n2 and marks
# pluralia tantum with :pt.
OLD_GENDERS = {"n1": "n", "n2": "n", "p1": "m1:pt", "p2": "n:pt", "p3": "n:pt"}


def geo_pairs(path: Path) -> list[tuple[str, str, str]]:
    pairs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or " " in cols[1] or not cols[0]:
                continue
            fields = cols[2].split(":")
            tag = ":".join(OLD_GENDERS.get(x, x) for x in fields)
            pairs.append((cols[0], cols[1], tag))
    return pairs


def person_pairs(path: Path) -> list[tuple[str, str, str]]:
    import morfeusz2

    words = set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            orth = line.split("\t", 1)[0]
            if orth[:1].isupper() and orth.isalpha() and len(orth) > 1 and "\t" in line:
                words.add(orth)
    morfeusz = morfeusz2.Morfeusz()
    pairs = []
    for word in sorted(words):
        for _i, _j, (orth, lemma, tag, labels, _quals) in morfeusz.analyse(word):
            if orth == word and PERSON_LABELS.intersection(labels):
                pairs.append((orth, lemma.split(":", 1)[0], tag))
    return pairs


def held_out_accuracy(pairs: list[tuple[str, str, str]]) -> float:
    """Lemma accuracy of the top guess on every tenth lemma, learnt from the rest."""
    train = [p for p in pairs if hash_bucket(p[1]) != 0]
    test = [p for p in pairs if hash_bucket(p[1]) == 0]
    guesser = SuffixGuesser(learn_rules(train))
    right = 0
    for form, lemma, _tag in test:
        guesses = guesser.guess(form)
        right += bool(guesses) and guesses[0].lemma == lemma
    return right / max(len(test), 1)


def hash_bucket(lemma: str) -> int:
    import zlib

    return zlib.crc32(lemma.encode("utf-8")) % 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="shared data folder")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="model folder to write")
    args = parser.parse_args()

    geo = geo_pairs(args.data / GEO_FILE)
    persons = person_pairs(args.data / NKJP_FILE)
    pairs = sorted(set(geo + persons))
    rules = learn_rules(pairs)
    accuracy = held_out_accuracy(pairs)

    args.out.mkdir(parents=True, exist_ok=True)
    write_rules(args.out / RULES_FILE, rules)
    meta = {
        "name": "pl-name-guesser",
        "version": VERSION,
        "created": datetime.date.today().isoformat(),
        "description": "Suffix-rewrite rules lemmatising Polish inflected forms of names unknown to Morfeusz2",
        "training_data": [
            {
                "source": f"{GEO_FILE} (SGJP 2016-03-10 extract, via CLARIN-PL Polem)",
                "licence": "BSD-2-Clause (SGJP)",
                "pairs": len(set(geo)),
            },
            {
                "source": f"Morfeusz2 {morfeusz_version()} analyses labelled imię/nazwisko of capitalised word types "
                f"of {NKJP_FILE} (NKJP 1M via CLARIN-PL PolDeepNer)",
                "licence": "GPL-3.0 (NKJP)",
                "pairs": len(set(persons)),
            },
        ],
        "not_used": "poleval2019-task2-lemmatization (kept for evaluation)",
        "training_pairs": len(pairs),
        "rules": len(rules),
        "scores": {
            "held_out_lemma_accuracy_top1": round(accuracy, 4),
            "held_out": "every tenth lemma (crc32 bucket 0), rules learnt on the rest",
        },
        "licence": "GPL-3.0-or-later",
        "command": "python scripts/train_guesser.py --data ../shared/data",
    }
    (args.out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        f"{len(geo)} place-name pairs, {len(persons)} person-name pairs, {len(pairs)} distinct; "
        f"{len(rules)} rules; held-out top-1 lemma accuracy {accuracy:.4f}"
    )


def morfeusz_version() -> str:
    import morfeusz2

    return f"{morfeusz2.__version__} ({morfeusz2.Morfeusz().dict_id()})"


if __name__ == "__main__":
    main()
