"""Events (and entities) on every annotated Polish set, graded by ``../shared/eval/score.py``.

    .venv/bin/python bench/events.py [--sets train,check,dev,seed] [--types] [--out DIR]

Runs the whole pipeline over each gold file and prints, per set, the grader's entity F1 and the events' strict,
dyad and type F1 (P / R), then a second table of quotes (F1, speaker accuracy) and amounts (F1, value and
claimant accuracy). ``--types`` adds strict F1 per PLOVER type (gold type, the first of its alternatives).
train-pl is the set to develop on; check-pl is scored but its errors are never read; dev-pl is a regression
number (the first rules were written from it). Anything learned is scored on train-pl by article-level
cross-validation in ``scripts/train_events.py``; here train-pl shows the shipped model, which has seen it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import kronika  # noqa: E402

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = {
    "train": "train/train-pl.jsonl",
    "check": "train/check-pl.jsonl",
    "dev": "dev/dev-pl.jsonl",
    "seed": "dev/seed.jsonl",
}


def load_grader(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("kronika_grader", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def analyse(gold: list[dict]) -> list[dict]:
    out = []
    for article in gold:
        record = kronika.analyze(article["text"], date=article.get("date"), id=article["id"], url=article.get("url"))
        out.append(json.loads(record.to_json(tokens=False)))
    return out


def grade(grader, gold: list[dict], system: list[dict]) -> dict:
    """Micro-averaged counts over the set, as score.py sums them."""
    by_id = {s["id"]: s for s in system}
    totals = defaultdict(lambda: [0, 0, 0])
    per_type = defaultdict(lambda: [0, 0, 0])
    accuracy = defaultdict(int)  # matched quotes with the right speaker; matched amounts with the right value, claimant
    for g in gold:
        s = by_id.get(g["id"], {})
        tp, n_sys, n_gold, _, _ = grader.score_entities(g, s)
        _add(totals["entities"], tp, n_sys, n_gold)
        for level in ("strict", "dyad", "type"):
            tp, n_sys, n_gold, _, _ = grader.score_events(g, s, level)
            _add(totals[level], tp, n_sys, n_gold)
        if "quotes" in g:
            tp, n_sys, n_gold, speakers = grader.score_quotes(g, s)
            _add(totals["quotes"], tp, n_sys, n_gold)
            accuracy["speaker"] += speakers
        if "amounts" in g:
            tp, n_sys, n_gold, values, claimants = grader.score_amounts(g, s)
            _add(totals["amounts"], tp, n_sys, n_gold)
            accuracy["value"] += values
            accuracy["claimant"] += claimants
        for etype in {e["type"].split("|")[0] for e in g.get("events", [])} | {e["type"] for e in s.get("events", [])}:
            g_t = dict(g, events=[e for e in g.get("events", []) if e["type"].split("|")[0] == etype])
            s_t = dict(s, events=[e for e in s.get("events", []) if e["type"] == etype])
            tp, n_sys, n_gold, _, _ = grader.score_events(g_t, s_t, "strict")
            _add(per_type[etype], tp, n_sys, n_gold)
    shares = {"speaker": "quotes", "value": "amounts", "claimant": "amounts"}
    return {
        "totals": {k: grader.prf(*v) for k, v in totals.items()},
        "accuracy": {k: round(accuracy[k] / totals[of][0], 4) if totals[of][0] else 0.0 for k, of in shares.items()},
        "types": {k: grader.prf(*v) for k, v in sorted(per_type.items())},
    }


def _add(acc: list[int], tp: int, n_sys: int, n_gold: int) -> None:
    acc[0] += tp
    acc[1] += n_sys
    acc[2] += n_gold


def line(name: str, count: int, seconds: float, totals: dict) -> str:
    def cell(m):
        return f"{m['p']:.3f} / {m['r']:.3f} / {m['f1']:.3f}"

    return (
        f"| {name} ({count}) | {cell(totals['entities'])} | {cell(totals['strict'])} | "
        f"{totals['dyad']['f1']:.3f} | {totals['type']['f1']:.3f} | {seconds:.0f} s |"
    )


def claims_line(name: str, result: dict) -> str:
    totals, accuracy = result["totals"], result["accuracy"]
    cells = [
        f"{m['p']:.3f} / {m['r']:.3f} / {m['f1']:.3f}" if m else "-"
        for m in (totals.get("quotes"), totals.get("amounts"))
    ]
    return (
        f"| {name} | {cells[0]} | {accuracy['speaker']:.3f} | {cells[1]} | {accuracy['value']:.3f} | "
        f"{accuracy['claimant']:.3f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(EVAL), help="the shared eval folder")
    parser.add_argument("--sets", default="train,check,dev,seed")
    parser.add_argument("--types", action="store_true", help="strict F1 per PLOVER type")
    parser.add_argument("--out", default=None, help="keep the records in this folder")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args()
    eval_dir = Path(args.eval)
    grader = load_grader(eval_dir)
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="kronika-events-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    kronika.analyze("Rozgrzewka.")  # load every stage before timing
    results = {}
    if not args.json:
        print("| set (articles) | entities P / R / F1 | events strict P / R / F1 | dyad F1 | type F1 | time |")
        print("|---|---|---|---|---|---|")
    for name in args.sets.split(","):
        gold = read_gold(eval_dir / SETS[name])
        started = time.perf_counter()
        system = analyse(gold)
        seconds = time.perf_counter() - started
        with (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") as sink:
            sink.writelines(json.dumps(s, ensure_ascii=False) + "\n" for s in system)
        results[name] = grade(grader, gold, system)
        if not args.json:
            print(line(name, len(gold), seconds, results[name]["totals"]), flush=True)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print("\n| set | quotes P / R / F1 | speaker accuracy | amounts P / R / F1 | value accuracy | claimant accuracy |")
    print("|---|---|---|---|---|---|")
    for name, result in results.items():
        print(claims_line(name, result))
    if args.types:
        for name, result in results.items():
            print(f"\n{name}: strict F1 per type (tp / system / gold)")
            for etype, m in result["types"].items():
                print(f"  {etype:10s} {m['f1']:.3f}  ({m['tp']} / {m['sys']} / {m['gold']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
