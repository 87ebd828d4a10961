"""Train the learned entity filter on train-pl and measure it by article-level cross-validation.

    .venv/bin/python scripts/train_entities.py [--eval ../shared/eval] [--folds 5] [--repeats N] [--no-save]

Runs the pipeline without the filter stage over every article of ``train/train-pl.jsonl``. An entity is a
positive when the grader (``score.py``) matches it to a gold entity, a negative when it is an extra. A logistic
regression on the features of ``kronika/stages/entity_filter.py`` is trained on four fifths of the articles and
scores the fifth; each regularisation strength and keep threshold of a small grid is graded with ``score.py`` over
all articles (an entity an event, quote or amount names is kept, as the stage keeps it). The best by
cross-validated F1 ships, trained on every article, to ``kronika/models/pl-entity-filter/`` with its numbers in
``meta.json``: the mean F1 over the partition by ``i mod folds`` and ``--repeats N`` partitions shuffled by seed,
since one partition's F1 moves by 0.002 with the partition alone, as much as a feature gains.
Needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.core import normalize_text  # noqa: E402
from kronika.lang import get_language  # noqa: E402
from kronika.models import model_dir  # noqa: E402
from kronika.pipeline import Pipeline, default_stages  # noqa: E402
from kronika.record import Document  # noqa: E402
from kronika.stages.entity_filter import (  # noqa: E402
    KEEP,
    REBUILD,
    EntityFilterStage,
    article_features,
    named_after_nouns,
    participants,
)
from kronika.stages.link import load_linker  # noqa: E402
from learning import fit_linear, load_grader, shuffled_folds, training_sets  # noqa: E402  (scripts/learning.py)

EVAL = ROOT.parent / "shared" / "eval"
OUT = model_dir("pl-entity-filter")
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)


def analyse(path: Path, grader) -> list[dict]:
    """Per article: its gold, the unfiltered entities as grader dicts, their features, labels and whether the
    record's events, quotes or amounts name them."""
    language = get_language("pl")
    kb = load_linker("pl").kb
    quotes = "".join(language.quotes)
    pipeline = Pipeline([s for s in default_stages("pl") if s.name != EntityFilterStage.name])
    out = []
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        gold = json.loads(line)
        doc = pipeline(Document(text=normalize_text(gold["text"]), date=gold.get("date"), id=gold["id"]))
        records = [{"id": e.id, "name": e.name, "type": e.type} for e in doc.entities]
        named = participants(doc) | named_after_nouns(doc, language)
        out.append(
            {
                "gold": gold,
                "entities": records,
                "features": article_features(doc, doc.entities, kb, quotes),
                "labels": matched(grader, gold, records),
                "named": [e.id in named for e in doc.entities],
            }
        )
    return out


def matched(grader, gold: dict, system: list[dict]) -> list[bool]:
    """Which system entities the grader pairs with a gold entity (``score_entities``' greedy order)."""
    sys_ents = [(i, s) for i, s in enumerate(system) if s.get("type") in grader.ENTITY_TYPES]
    used: set[int] = set()
    for g in gold.get("entities", []):
        if g.get("type", "PER") not in grader.ENTITY_TYPES:
            continue
        keys = grader.entity_keys(g)
        for i, s in sys_ents:
            if i in used:
                continue
            sk = {grader.norm(s.get("name"))}
            if str(s.get("id", "")).upper().startswith("Q"):
                sk.add(str(s["id"]).upper())
            if keys & sk:
                used.add(i)
                break
    return [i in used for i in range(len(system))]


def fit(articles: list[dict], c: float):
    rows = [{f: 1.0 for f in feats} for a in articles for feats in a["features"]]
    labels = [KEEP if y else "drop" for a in articles for y in a["labels"]]
    return fit_linear(rows, labels, c)


def cross_validate(articles: list[dict], fold_of: list[int], folds: int, c: float) -> list[list[float]]:
    """Each article's entities' out-of-fold probability of being right."""
    shares: list[list[float]] = [[] for _ in articles]
    for k, train in enumerate(training_sets(fold_of, folds)):
        model = fit([articles[i] for i in train], c)
        for i in (i for i, f in enumerate(fold_of) if f == k):
            shares[i] = [p[KEEP] for p in model.many(articles[i]["features"])] if articles[i]["features"] else []
    return shares


def score(grader, articles: list[dict], shares: list[list[float]], threshold: float) -> dict:
    tp = n_sys = n_gold = 0
    for article, probs in zip(articles, shares):
        kept = [e for e, p, named in zip(article["entities"], probs, article["named"]) if p >= threshold or named]
        t, s, g, _, _ = grader.score_entities(article["gold"], {"entities": kept})
        tp, n_sys, n_gold = tp + t, n_sys + s, n_gold + g
    return grader.prf(tp, n_sys, n_gold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(EVAL))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=0)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    eval_dir = Path(args.eval)
    grader = load_grader(eval_dir)
    started = time.perf_counter()
    articles = analyse(eval_dir / "train" / "train-pl.jsonl", grader)
    n = len(articles)
    positives = sum(sum(a["labels"]) for a in articles)
    total = sum(len(a["labels"]) for a in articles)
    print(
        f"{n} articles, {total} entities ({positives} right, {total - positives} extra), {time.perf_counter() - started:.0f} s"
    )
    partitions = [[i % args.folds for i in range(n)]]
    partitions += [shuffled_folds(n, args.folds, seed) for seed in range(1, args.repeats + 1)]
    ones = [[1.0] * len(a["entities"]) for a in articles]
    print(f"no filter (the rules alone): {score(grader, articles, ones, 0.5)}")
    best = None
    for c in C_GRID:
        shares = [cross_validate(articles, fold_of, args.folds, c) for fold_of in partitions]
        for threshold in THRESHOLDS:
            results = [score(grader, articles, s, threshold) for s in shares]
            mean = round(sum(r["f1"] for r in results) / len(results), 4)
            first = results[0]
            print(
                f"CV C={c} threshold={threshold}: P {first['p']} R {first['r']} F1 {first['f1']}"
                f" (mean of {len(results)} partitions {mean})"
            )
            if best is None or mean > best[0]:
                best = (mean, first, [r["f1"] for r in results[1:]], c, threshold)
    mean, result, repeats, c, threshold = best
    print(f"chosen: C={c} threshold={threshold}, CV F1 {result['f1']} (i mod {args.folds}), mean {mean}")
    if args.no_save:
        return 0
    model = fit(articles, c)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "model.json").write_text(json.dumps({"model": model.to_json(), "threshold": threshold}), encoding="utf-8")
    meta = {
        "task": "keep or drop each entity of the linker (learned entity filter)",
        "trained_on": "train-pl (../shared/eval/train/train-pl.jsonl), every article",
        "regularisation_c": c,
        "threshold": threshold,
        "cv_folds": args.folds,
        "cv_entities": result,
        "cv_shuffled_f1": repeats,
        "cv_mean_f1": mean,
        "command": REBUILD,
        "license": "GPL-3.0-or-later (its features read the NKJP-trained name tagger's output)",
    }
    (OUT / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    shutil.copy(model_dir("pl-quotes") / "LICENSE", OUT / "LICENSE")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
