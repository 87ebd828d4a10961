"""The share of a gold set's entities the knowledge base knows, by name, alias or QID.

    .venv/bin/python bench/kb_coverage.py [--gold ../shared/eval/train/train-pl.jsonl] [--data DIR]

A gold entity is covered when one of its keys (its English name, an alias, its Wikidata id, folded as
``../shared/eval/score.py`` folds them) is the name, an alias in any language or the QID of an entry of the
base (``--data``: a folder of the base's JSON Lines files, by default the committed one). Coverage bounds what
linking can reach; it is reported for train-pl only (check-pl's entities are never read).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.events import EVAL, SETS, load_grader, read_gold  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "kronika" / "kb" / "data"


def base_keys(grader, data: Path) -> set[str]:
    """Every name, alias and QID of the base's entries, folded as the grader folds names."""
    keys: set[str] = set()
    for path in sorted(data.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            entry = json.loads(line)
            keys.add(grader.norm(entry["name"]))
            if str(entry["id"]).upper().startswith("Q"):
                keys.add(str(entry["id"]).upper())
            keys.update(grader.norm(a) for aliases in (entry.get("aliases") or {}).values() for a in aliases)
    return keys - {""}


def coverage(grader, gold: list[dict], keys: set[str]) -> tuple[int, int]:
    """(covered, all) gold entities of the types the grader scores."""
    entities = [
        e for article in gold for e in article.get("entities", []) if e.get("type", "PER") in grader.ENTITY_TYPES
    ]
    return sum(bool(grader.entity_keys(e) & keys) for e in entities), len(entities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=EVAL / SETS["train"])
    parser.add_argument("--data", type=Path, default=DATA, help="the base's JSON Lines files")
    args = parser.parse_args()
    for path in (args.gold, args.data):
        if not path.exists():
            sys.exit(f"{path}: not found")
    grader = load_grader(EVAL)
    covered, total = coverage(grader, read_gold(args.gold), base_keys(grader, args.data))
    print(f"{args.gold.name}: the base covers {covered} of {total} gold entities ({100 * covered / total:.1f} %)")


if __name__ == "__main__":
    main()
