"""PolEval 2018 Task 2 (named entities) with the official metric, and the name tagger's speed.

Reads ``../shared/data/poleval2018-task2-ner/POLEVAL-NER_GOLD.json`` (1,828 texts with brat annotations),
runs the real pipeline's segmentation and morphology, then the tagger, and scores every category the
tagger predicts, outer and nested, under PolEval's names (persName, persName_forename, placeName_country,
orgName, date, ...).

The official metric, as implemented in the organisers' ``poleval_ner_test.py``, reproduced here:
- An annotation is (start_end offsets, category); both sides are sets, so duplicates count once.
- Categories must be equal as strings: subtypes are separate annotations (a person name scores as
  ``persName`` and again as ``persName_forename``/``persName_surname``), and ``persName_addName``
  (66 gold annotations) differs from ``persName_addname`` (715).
- ``derivType_*`` categories are dropped on both sides; a derived adjective itself ("rosyjskich") is an
  ordinary ``placeName_country`` annotation and counts.
- A fragmented brat annotation ("geogName 10 13;20 28") becomes one annotation per fragment ("split").
- Overlap: a gold annotation is matched when some predicted annotation of the same category overlaps
  it, with inclusive ends (``not (end1 < start2 or end2 < start1)``), so touching spans match too.
  Exact: same start and end. TP counts matched gold annotations; FP = predicted - TP; FN = gold - TP;
  micro precision, recall and F1 over all documents.
- Final = 0.8 * overlap F1 + 0.2 * exact F1.
- Texts with more than one gold answer (90 of 1,828) are left out, as the official script does (its
  scoring sits in the branch for single-answer texts).

Speed is the ner stage's (features, CRF and the mentions' base forms, over tokens the morphology stage
has analysed), on one core, caches cold; segmentation and morphology are timed apart.

    .venv/bin/python bench/ner.py [--data ../shared/data] [--model DIR] [--limit N] [--show-errors N] [--write-meta]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kronika.stages.ner  # noqa: E402
from kronika.lang import get_language  # noqa: E402
from kronika.record import Document  # noqa: E402
from kronika.stages.morph import MorphologyStage  # noqa: E402
from kronika.stages.ner import META_FILE, NerStage, load_tagger  # noqa: E402
from kronika.stages.segment import SegmentStage  # noqa: E402

GOLD_FILE = "poleval2018-task2-ner/POLEVAL-NER_GOLD.json"
DERIVED = "derivType"


def gold_annotations(brat: str) -> set[tuple[int, int, str]]:
    """(start, end, category) of the brat text-bound lines, ``T<n>\\t<category> <start> <end>\\t<text>``
    (``<start> <end>;<start> <end>`` for a fragmented one)."""
    out = set()
    for line in brat.split("\n"):
        columns = line.split("\t")
        if len(columns) != 3:
            continue  # attribute lines ("A1\tderivType_... T1 relAdj") have two columns
        category, _, offsets = columns[1].partition(" ")
        if DERIVED in category:
            continue
        for fragment in offsets.split(";"):
            start, end = fragment.split(" ")
            out.add((int(start), int(end), category))
    return out


def overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return not (a[1] < b[0] or b[1] < a[0])  # inclusive ends, as in the official script


def compare(gold: set, predicted: set, match) -> tuple[int, int, int, list, list]:
    """(tp, fp, fn, missed gold, unmatched predictions) under the official counting."""
    by_category: dict[str, list] = {}
    for p in predicted:
        by_category.setdefault(p[2], []).append(p)
    tp = 0
    missed = []
    used = set()
    for g in gold:
        hit = next((p for p in by_category.get(g[2], ()) if match(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            tp += 1
            used.add(hit)
    return tp, len(predicted) - tp, len(gold) - tp, missed, [p for p in predicted if p not in used]


def scores(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument(
        "--model",
        default=None,
        metavar="DIR",
        help="model directory to score (default kronika/models/pl-ner-crf), e.g. a training --out",
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--show-errors", type=int, default=0, metavar="N", help="print N missed and N spurious annotations"
    )
    parser.add_argument("--write-meta", action="store_true", help="record the scores in the model's meta.json")
    args = parser.parse_args()

    path = Path(args.data) / GOLD_FILE
    if not path.exists():
        print(f"no PolEval 2018 gold file at {path}; pass --data", file=sys.stderr)
        return 1
    if args.model:
        # Every loader goes through kronika.stages.ner.model_dir, so the stage itself runs the model.
        kronika.stages.ner.model_dir = lambda lang, directory=Path(args.model): directory
    questions = json.loads(path.read_text(encoding="utf-8"))["questions"][: args.limit]
    scored = [q for q in questions if len(q["answers"]) == 1]

    language = get_language("pl")
    segment, morphology, ner = SegmentStage(language), MorphologyStage(language), NerStage(language)
    started = time.perf_counter()
    tagger = load_tagger("pl")
    startup = time.perf_counter() - started
    categories = tagger.features.POLEVAL_CATEGORIES

    totals = {"overlap": [0, 0, 0], "exact": [0, 0, 0]}
    per_category: dict[str, Counter] = {}
    errors: list[tuple[str, str, tuple]] = []
    tokens = 0
    text_seconds = stage_seconds = 0.0
    for q in scored:
        text = q["input"]["fileContent"]
        t0 = time.perf_counter()
        doc = morphology(segment(Document(text=text)))
        t1 = time.perf_counter()
        doc = ner(doc)  # timed: tagging and the mentions' base forms, caches cold
        stage_seconds += time.perf_counter() - t1
        text_seconds += t1 - t0
        found = tagger.spans(doc)  # every layer and category, for scoring
        tokens += len(doc.tokens)
        predicted = set()
        for sentence, span in found:
            category = categories.get(span.category)
            if category:
                predicted.add((sentence[span.start].start, sentence[span.end - 1].end, category))
        gold = gold_annotations(q["answers"][0]["data"]["brat"])
        for name, match in (("overlap", overlaps), ("exact", lambda a, b: a[:2] == b[:2])):
            tp, fp, fn, missed, spurious = compare(gold, predicted, match)
            for i, value in enumerate((tp, fp, fn)):
                totals[name][i] += value
            if name == "exact":
                for g in gold:
                    per_category.setdefault(g[2], Counter())["gold"] += 1
                for p in predicted:
                    per_category.setdefault(p[2], Counter())["predicted"] += 1
                for g in gold - set(missed):
                    per_category[g[2]]["tp"] += 1
                errors.extend(("missed", text, g) for g in missed)
                errors.extend(("spurious", text, p) for p in spurious)

    overlap_f1 = scores(*totals["overlap"])[2]
    exact_f1 = scores(*totals["exact"])[2]
    final = 0.8 * overlap_f1 + 0.2 * exact_f1
    print(
        f"PolEval 2018 Task 2: {len(scored)} of {len(questions)} texts scored (single-answer, as the "
        f"official script), {tokens:,} tokens"
    )
    for name in ("overlap", "exact"):
        p, r, f = scores(*totals[name])
        tp, fp, fn = totals[name]
        print(f"{name.upper():8s} precision {p:.3f} recall {r:.3f} F1 {f:.3f}  (TP={tp} FP={fp} FN={fn})")
    print(f"FINAL    {final:.3f}  (0.8 overlap + 0.2 exact)")
    print("exact F1 per category:")
    for category, c in sorted(per_category.items(), key=lambda x: -x[1]["gold"]):
        p = c["tp"] / c["predicted"] if c["predicted"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {category:24s} gold {c['gold']:6d}  predicted {c['predicted']:6d}  F1 {f:.3f}")
    stage_rate = tokens / stage_seconds
    print(
        f"speed: ner stage {stage_rate:,.0f} tokens/s per core (features, CRF, base forms; cold caches); "
        f"segmentation and morphology {tokens / text_seconds:,.0f} tokens/s; all three "
        f"{tokens / (text_seconds + stage_seconds):,.0f} tokens/s; model load {startup:.2f} s"
    )

    if args.show_errors:
        rng = random.Random(0)
        for kind in ("missed", "spurious"):
            chosen = [e for e in errors if e[0] == kind]
            rng.shuffle(chosen)
            shown = min(args.show_errors, len(chosen))
            print(f"--- {kind} (exact match), {len(chosen)} in all; {shown} at random:")
            for _kind, text, (start, end, category) in chosen[: args.show_errors]:
                context = f"{text[max(0, start - 40) : start]}[{text[start:end]}]{text[end : end + 40]}"
                print(f"  {category:22s} {context!r}")

    if args.write_meta:
        meta_path = kronika.stages.ner.model_dir("pl") / META_FILE
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta.setdefault("scores", {})["poleval2018_task2"] = {
            "final": round(final, 4),
            "overlap_f1": round(overlap_f1, 4),
            "exact_f1": round(exact_f1, 4),
            "texts": len(scored),
            "metric": "official poleval_ner_test.py rules, reimplemented in bench/ner.py",
            "command": "python bench/ner.py --data ../shared/data --write-meta",
        }
        meta["scores"]["tokens_per_second_per_core"] = round(stage_rate, -2)
        meta["scores"]["speed_measured"] = (
            "ner stage on the PolEval texts after segmentation and morphology, one process, caches cold (bench/ner.py)"
        )
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"updated {meta_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
