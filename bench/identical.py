"""Is the output still the same? Records (with tokens) of the gold texts against a reference file (a check, never a test).

    .venv/bin/python bench/identical.py --write REF.jsonl      # before a speed change: the reference
    .venv/bin/python bench/identical.py REF.jsonl              # after it: identical, or the first differences
    .venv/bin/python bench/identical.py --parse ...            # with the parser (numba loaded: compiled paths)

Runs the default pipeline in one process over the texts of ``../shared/eval/train/train-pl.jsonl`` and
``../shared/eval/dev/dev-pl.jsonl`` (``--bsnlp N`` adds the first N BSNLP articles of ``bench/throughput.py``'s
corpus) and compares each article's whole JSON record, tokens included. Articles run in file order in one
process, so a per-process cache that leaked one article's state into the next would show here. Exit status 0
when every record is identical, 1 otherwise.

The check runs with ``PYTHONHASHSEED=0`` (it restarts itself so): some records depend on the order of set
iteration, which differs between processes otherwise (an entity's country, once, on train-pl).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kronika  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = [SHARED / "eval" / "train" / "train-pl.jsonl", SHARED / "eval" / "dev" / "dev-pl.jsonl"]


def articles(bsnlp: int) -> list[dict]:
    out = []
    for path in GOLD:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                gold = json.loads(line)
                out.append(
                    {
                        "key": f"{path.stem}:{gold['id']}",
                        "text": gold["text"],
                        "date": gold.get("date"),
                        "id": gold["id"],
                        "url": gold.get("url"),
                    }
                )
    if bsnlp:
        from bench.throughput import read_bsnlp

        for n, doc in enumerate(read_bsnlp(SHARED / "data" / "bsnlp-pl", bsnlp)):
            out.append(
                {
                    "key": f"bsnlp:{n}",
                    "text": doc.text,
                    "date": doc.date,
                    "id": f"bsnlp-{n}",
                    "url": None,
                    "title": doc.title,
                }
            )
    return out


def records(items: list[dict], parse: bool = False) -> dict[str, str]:
    return {
        item["key"]: kronika.analyze(
            item["text"], date=item["date"], id=item["id"], url=item["url"], title=item.get("title"), parse=parse
        ).to_json(tokens=True)
        for item in items
    }


def first_difference(old: str, new: str) -> str:
    a, b = json.loads(old), json.loads(new)
    for field in a.keys() | b.keys():
        if a.get(field) != b.get(field):
            left, right = a.get(field), b.get(field)
            if isinstance(left, list) and isinstance(right, list):
                for i, (x, y) in enumerate(zip(left, right)):
                    if x != y:
                        return (
                            f"{field}[{i}]: {json.dumps(x, ensure_ascii=False)[:300]} -> "
                            f"{json.dumps(y, ensure_ascii=False)[:300]}"
                        )
                return f"{field}: {len(left)} items -> {len(right)} items"
            return f"{field}: {str(left)[:300]} -> {str(right)[:300]}"
    return "(equal once parsed: key order or spacing)"


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    from kronika.collector import fewer_collections

    fewer_collections()  # as every `kronika` command: the records are checked as the commands make them
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reference", nargs="?", help="the reference JSONL to compare against")
    parser.add_argument("--write", metavar="REF", help="write the reference instead of comparing")
    parser.add_argument("--bsnlp", type=int, default=0, metavar="N", help="add the first N BSNLP articles")
    parser.add_argument("--parse", action="store_true", help="with the dependency parser (and what numba brings)")
    args = parser.parse_args()
    if not (args.reference or args.write):
        parser.error("give a reference file to compare against, or --write REF")

    current = records(articles(args.bsnlp), args.parse)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as out:
            for key, record in current.items():
                out.write(json.dumps({"key": key, "record": record}, ensure_ascii=False) + "\n")
        print(f"{len(current)} records written to {args.write}")
        return 0

    reference = {}
    for line in open(args.reference, encoding="utf-8"):
        row = json.loads(line)
        reference[row["key"]] = row["record"]
    differing = [key for key in reference if current.get(key) != reference[key]]
    missing = [key for key in current if key not in reference]
    for key in differing[:10]:
        print(f"{key}: {first_difference(reference[key], current[key]) if key in current else 'not run'}")
    print(
        f"{len(reference) - len(differing)} of {len(reference)} records identical"
        + (f"; {len(missing)} articles not in the reference" if missing else "")
    )
    return 0 if not differing else 1


if __name__ == "__main__":
    raise SystemExit(main())
