"""Train the quote models on train-pl and measure them by article-level cross-validation.

    .venv/bin/python scripts/train_quotes.py [--eval ../shared/eval] [--folds 5] [--no-save] [--repeats N]
        [--keep-quote-model] [--keep-chain]

Runs the pipeline up to the quote stage over every article of ``train/train-pl.jsonl``, finds the candidate
stretches (``kronika/quotes/candidates.py``) and labels each by the gold: a quote when it overlaps a gold quote
as ``score.py`` aligns them (half of the shorter span). Two logistic regressions: is a candidate a quote, and
(on the candidates that are gold quotes) is an entity near it the gold speaker. Cross-validation trains on four
fifths of the articles and decodes the fifth as the stage does,
then grades all articles with ``score.py`` against the rules alone (a marked stretch with a verb of saying or
of 8+ words, every dash form with a verb; the rule speaker). The threshold pair with the best CV F1 x speaker
accuracy ships. The bonuses of the joint decoding of an article's speakers (``kronika/quotes/chain.py``) and the
bias of the option that nobody named said a quote are then tuned together by nested cross-validation over the same
out-of-fold scores (each fold decoded with the bonuses and bias best on the other four). ``--repeats N`` also measures the speakers over N partitions shuffled by seed (each quote
alone, and chained with nested-tuned bonuses), since one partition's number moves by a point or two with the
partition alone. ``--keep-quote-model`` retrains only the speaker model and keeps the shipped quote model and
threshold, so the quote spans stay as they were; ``--keep-chain`` keeps the shipped chain bonuses and nobody bias
(the tuned ones are reported in ``meta.json``'s ``chain_tuned``). The final models, trained on every article, go to
``kronika/models/pl-quotes/model.json`` with the numbers in ``meta.json``. Needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict
from itertools import product, takewhile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.events.linear import LinearModel  # noqa: E402
from kronika.lang import get_language  # noqa: E402
from kronika.models import model_dir  # noqa: E402
from kronika.ingest.decoding import normalize_text  # noqa: E402
from kronika.pipeline import Pipeline, default_stages  # noqa: E402
from kronika.quotes.candidates import find_candidates  # noqa: E402
from kronika.quotes.chain import LINKS, link  # noqa: E402
from kronika.quotes.claimants import claim_options, rank_claimants  # noqa: E402
from kronika.quotes.features import quote_features  # noqa: E402
from kronika.quotes.mentions import participant  # noqa: E402
from kronika.quotes.model import QuoteModels, load_quote_models, save_quote_models  # noqa: E402
from kronika.quotes.origin import speaker_party  # noqa: E402
from kronika.quotes.speakers import Said, nobody_features, rule_speaker, speaker_candidates  # noqa: E402
from kronika.record import Document  # noqa: E402
from kronika.stages.amounts import find_amounts  # noqa: E402
from kronika.stages.quotes import attribute, choose, favour_nobody, speaker_options, speaker_text, to_quote  # noqa: E402
from learning import fit_linear, load_grader, shuffled_folds, training_sets  # noqa: E402  (scripts/learning.py)

EVAL = ROOT.parent / "shared" / "eval"
OUT = model_dir("pl-quotes")
C = 0.5
GRID = {"quote": (0.4, 0.5, 0.6), "speaker": (0.0,)}
RULE_WORDS = 8
# Added to the log-odds of the nobody option when decoding (``QuoteModels.nobody_bias``): the pairwise ranker
# learns no level for it. Each quote alone decodes with ``NOBODY_BIAS`` (session 19: chosen by
# ``bench/speaker_cv.py`` among -1, 0, 1 and 2); the chain tunes it with its bonuses, by nested cross-validation,
# among ``NOBODY_GRID``, and ships the value best on all articles unless ``--keep-chain`` (session 20: the tuned
# point, bonuses 8/6/2/0.5 and bias 1.5, gained 0.3 points out of fold but lost dev-pl 0.695 -> 0.610 and
# check-pl's claimants 0.877 -> 0.860, so the shipped model keeps 4/2/1/0 and 1).
NOBODY_BIAS = 1.0
NOBODY_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)
# Bonuses tried for consecutive quotes keeping one speaker, by how they stand (``kronika/quotes/chain.py``).
CHAIN_GRID = {
    "paragraph": (0.0, 2.0, 3.0, 4.0, 6.0, 8.0),
    "next": (0.0, 2.0, 3.0, 4.0, 6.0),
    "near": (0.0, 1.0, 2.0),
    "far": (0.0, 0.5),
}


def analyse(path: Path):
    """(gold article, Text, candidates) per article, the pipeline run up to the quote stage."""
    # The stages before the quote stage: the later ones (amounts, the entity filter, tone) read the quotes.
    stages = list(takewhile(lambda stage: stage.name != "quotes", default_stages("pl")))
    pipeline, language = Pipeline(stages), stages[0].language
    data = get_language("pl").data("quotes")
    out = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            gold = json.loads(line)
            doc = pipeline(Document(text=normalize_text(gold["text"]), id=gold["id"], date=gold.get("date")))
            text = speaker_text(doc, language, data)
            out.append((gold, text, find_candidates(text)))
    return out


def claim_data(data, quotes_per_article) -> list:
    """(amounts with the rule's claimants, their claimant options) per article, given each article's quotes as
    the quote stage decided them out of fold (the rule and the options read the quotes' speakers)."""
    language = get_language("pl")
    amount_data = language.data("amounts")
    out = []
    for (gold, text, _), quotes in zip(data, quotes_per_article):
        text.doc.quotes = quotes
        amounts = find_amounts(text.doc, language, amount_data)
        out.append((amounts, claim_options(text, amounts)))
    return out


def claim_groups(grader, gold: dict, amounts, options) -> list:
    """Claimant examples: the options of every amount that matches a gold amount, labelled by its claimant."""
    records = [_amount_record(a, a.claimant) for a in amounts]
    pairs, _, _ = grader.align(gold, {"amounts": records}, "amounts", 0.01)
    index = {id(r): k for k, r in enumerate(records)}
    groups = []
    for g, record in pairs:
        group = options[index[id(record)]]
        groups.append(
            [
                (features, grader.same_party(g.get("claimant"), asdict(participant(e)) if e else None))
                for e, features in group
            ]
        )
    return groups


def grade_claims(grader, pairs) -> dict:
    """Amount F1 and claimant accuracy over (gold, amount records) pairs."""
    tp = n_sys = n_gold = claimants = 0
    for gold, records in pairs:
        t, s, g, _, c = grader.score_amounts(gold, {"amounts": records})
        tp, n_sys, n_gold, claimants = tp + t, n_sys + s, n_gold + g, claimants + c
    out = grader.prf(tp, n_sys, n_gold)
    out["claimant"] = round(claimants / tp, 4) if tp else 0.0
    return out


def _amount_record(amount, entity_or_participant) -> dict:
    party = entity_or_participant
    if party is not None and not hasattr(party, "sector"):
        party = participant(party)
    return {
        "start": amount.start,
        "end": amount.end,
        "text": amount.text,
        "value": amount.value,
        "claimant": asdict(party) if party is not None else None,
    }


def gold_quote(grader, gold: dict, candidate) -> dict | None:
    spans = grader.gold_spans(gold["text"], gold.get("quotes") or [])
    return next(
        (
            g
            for g, span in zip(gold.get("quotes") or [], spans)
            if span and grader.overlaps(span, (candidate.start, candidate.end), 0.5)
        ),
        None,
    )


def examples(grader, gold: dict, text, candidates):
    """Quote examples for every candidate; speaker examples for the candidates that are gold quotes."""
    quotes, speakers = [], []
    counts = Counter(p.entity.id for p in text.placed)
    for candidate in candidates:
        match = gold_quote(grader, gold, candidate)
        quotes.append((quote_features(text, candidate), "yes" if match else "no"))
        if match is None:
            continue
        options = speaker_candidates(text, candidate, counts)
        group = [
            (
                features,
                grader.same_party(
                    match.get("speaker"), asdict(speaker_party(entity, text.memo["countries"], text.memo["names"]))
                ),
            )
            for entity, features in options
        ]
        group.append((nobody_features(text, candidate, len(options)), not match.get("speaker")))
        speakers.append(group)
    return quotes, speakers


def fit(rows, c: float = C) -> LinearModel:
    return fit_linear(
        [{f: 1 for f in feats} for feats, _ in rows], ["yes" if label == "yes" else "no" for _, label in rows], c
    )


def fit_ranker(groups, c: float = C) -> LinearModel:
    """A ranking of the options of each quote: a logistic regression on the difference of the features of the
    right option and of each wrong one (pairwise ranking), so only the order within a quote is learned."""
    pairs = []
    for group in groups:
        for right, ok in group:
            if not ok:
                continue
            for wrong, bad in group:
                if bad:
                    continue
                diff = Counter({f: 1 for f in right})
                diff.subtract({f: 1 for f in wrong})
                pairs.append({f: v for f, v in diff.items() if v})
    rows = pairs + [{f: -v for f, v in p.items()} for p in pairs]
    return fit_linear(rows, ["yes"] * len(pairs) + ["no"] * len(pairs), c, intercept=False)


def decode(text, candidates, models: QuoteModels) -> list:
    scores = models.quote.many([quote_features(text, c) for c in candidates])
    kept = [c for c, p in zip(candidates, scores) if p["yes"] >= models.quote_threshold]
    return [to_quote(text, said) for said in attribute(text, kept, models)]


def rules(text, candidates) -> list[dict]:
    """The hand rule: a marked stretch with a verb of saying or of 8+ words, a dash form with a verb."""
    out = []
    for c in candidates:
        words = len(text.doc.text[c.start : c.end].split())
        if c.verb is None and (c.kind not in ("marked", "open") or words < RULE_WORDS):
            continue
        found = rule_speaker(text, c)
        out.append(to_quote(text, Said(c, getattr(found, "entity", found))))
    return out


def _as_record(quote) -> dict:
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": asdict(quote.speaker) if quote.speaker else None,
    }


def grade(grader, pairs) -> dict:
    tp = n_sys = n_gold = speakers = 0
    for gold, quotes in pairs:
        t, s, g, k = grader.score_quotes(gold, {"quotes": [_as_record(q) for q in quotes]})
        tp, n_sys, n_gold, speakers = tp + t, n_sys + s, n_gold + g, speakers + k
    out = grader.prf(tp, n_sys, n_gold)
    out["speaker"] = round(speakers / tp, 4) if tp else 0.0
    return out


def cross_validate(grader, data, per_article, folds: int):
    fold_models = []
    for k in range(folds):
        train = [i for i in range(len(data)) if i % folds != k]
        fold_models.append(
            (
                fit([r for i in train for r in per_article[i][0]]),
                fit_ranker([g for i in train for g in per_article[i][1]]),
            )
        )
    results, decoded = {}, {}
    for qt in GRID["quote"]:
        for st in GRID["speaker"]:
            decoded[(qt, st)] = [
                decode(text, cands, QuoteModels(*fold_models[i % folds], None, qt, st, nobody_bias=NOBODY_BIAS))
                for i, (gold, text, cands) in enumerate(data)
            ]
            results[(qt, st)] = grade(grader, [(d[0], q) for d, q in zip(data, decoded[(qt, st)])])
    best = max(results, key=lambda key: results[key]["f1"] * results[key]["speaker"])
    return best, results[best], decoded[best], fold_models


def chain_grid() -> list[dict[str, float]]:
    """Every point tried by ``tune_chain``: the chain's bonuses (``LINKS``) with the nobody bias (``"nobody"``)."""
    names = (*LINKS, "nobody")
    grids = (*(CHAIN_GRID[name] for name in LINKS), NOBODY_GRID)
    return [dict(zip(names, values)) for values in product(*grids)]


def _cost(point: dict[str, float]) -> float:
    """Ties between grid points go to the smallest bonuses and the bias nearest ``NOBODY_BIAS``."""
    return sum(point[name] for name in LINKS) + abs(point["nobody"] - NOBODY_BIAS)


def tune_chain(grader, data, fold_models, qt: float, st: float, folds: int, fold_of: list[int] | None = None):
    """The chain bonuses (``kronika/quotes/chain.py``) and the nobody bias by nested cross-validation: each fold is
    decoded with the point that does best on the other folds' out-of-fold scores. Returns the point best on all
    articles (the bonuses by link, and ``"nobody"``), the graded out-of-fold decoding, its quotes and each fold's
    point. ``fold_of`` gives each article's fold (default: its index modulo ``folds``)."""
    fold_of = fold_of or [i % folds for i in range(len(data))]
    runs = []  # per article: (kept candidates, options, scores with no nobody bias) under its fold's models
    for i, (gold, text, cands) in enumerate(data):
        models = QuoteModels(*fold_models[fold_of[i]], None, qt, st, nobody_bias=0.0)
        scores = models.quote.many([quote_features(text, c) for c in cands])
        kept = [c for c, p in zip(cands, scores) if p["yes"] >= qt]
        runs.append((kept, *speaker_options(text, kept, models)))
    biased = {
        bias: [
            (kept, options, [favour_nobody(g, row, bias) for g, row in zip(options, scores)])
            for kept, options, scores in runs
        ]
        for bias in NOBODY_GRID
    }
    grid = chain_grid()
    # An article's decoding depends only on the bias and the bonuses of the links its quotes have: each is
    # graded once per distinct pair, not once per grid point.
    present = [
        sorted({link(text, kept[k - 1], kept[k]) for k in range(1, len(kept))})
        for (_, text, _), (kept, *_) in zip(data, runs)
    ]
    graded: dict[tuple, int] = {}
    right = []  # per grid point, per article: speakers right
    for point in grid:
        row = []
        for i, ((gold, text, _), (kept, options, scores)) in enumerate(zip(data, biased[point["nobody"]])):
            key = (i, point["nobody"], *(point[name] for name in present[i]))
            if key not in graded:
                quotes = _chained(text, kept, options, scores, point, qt, st)
                graded[key] = grader.score_quotes(gold, {"quotes": [_as_record(q) for q in quotes]})[3]
            row.append(graded[key])
        right.append(row)
    chosen = {}
    for k in range(folds):
        others = [i for i in range(len(data)) if fold_of[i] != k]
        chosen[k] = max(range(len(grid)), key=lambda g: (sum(right[g][i] for i in others), -_cost(grid[g])))
    decoded = [
        _chained(data[i][1], *biased[grid[chosen[fold_of[i]]]["nobody"]][i], grid[chosen[fold_of[i]]], qt, st)
        for i in range(len(data))
    ]
    overall = max(range(len(grid)), key=lambda g: (sum(right[g]), -_cost(grid[g])))
    return (
        grid[overall],
        grade(grader, [(d[0], q) for d, q in zip(data, decoded)]),
        decoded,
        [grid[chosen[k]] for k in range(folds)],
    )


def repeated_cv(grader, data, per_article, qt: float, st: float, folds: int, repeats: int) -> list[tuple[float, float]]:
    """Speaker accuracy out of fold, each quote alone and chained with nested-tuned bonuses, over ``repeats``
    partitions of the articles shuffled by seed: one partition's number moves by a point or two with the
    partition alone, so a change is judged by the mean."""
    out = []
    for seed in range(repeats):
        fold_of = shuffled_folds(len(data), folds, seed)
        fold_models = [
            (
                fit([r for i in train for r in per_article[i][0]]),
                fit_ranker([g for i in train for g in per_article[i][1]]),
            )
            for train in training_sets(fold_of, folds)
        ]
        alone = [
            decode(text, cands, QuoteModels(*fold_models[fold_of[i]], None, qt, st, nobody_bias=NOBODY_BIAS))
            for i, (_, text, cands) in enumerate(data)
        ]
        alone_score = grade(grader, [(d[0], q) for d, q in zip(data, alone)])["speaker"]
        chained = tune_chain(grader, data, fold_models, qt, st, folds, fold_of)[1]["speaker"]
        out.append((alone_score, chained))
    return out


def _chained(text, kept, options, scores, bonus, qt, st) -> list:
    return [to_quote(text, said) for said in choose(text, kept, options, scores, bonus, st)]


def cross_validate_claims(grader, data, claims, groups, folds: int) -> dict:
    pairs = []
    for k in range(folds):
        model = fit_ranker([g for i in range(len(data)) if i % folds != k for g in groups[i]])
        for i in range(k, len(data), folds):
            gold, (amounts, options) = data[i][0], claims[i]
            chosen = rank_claimants(model, options)
            pairs.append((gold, [_amount_record(a, e) for a, e in zip(amounts, chosen)]))
    return grade_claims(grader, pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(EVAL), help="the shared eval folder (train/train-pl.jsonl, score.py)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds, by article")
    parser.add_argument("--no-save", action="store_true", help="measure only; leave kronika/models/pl-quotes alone")
    parser.add_argument(
        "--repeats", type=int, default=0, help="also report speaker accuracy over this many shuffled partitions"
    )
    parser.add_argument(
        "--keep-quote-model",
        action="store_true",
        help="save the new speaker model beside the shipped quote model and threshold (quote spans do not move)",
    )
    parser.add_argument(
        "--keep-chain",
        action="store_true",
        help="keep the shipped chain bonuses and nobody bias (the tuned ones are only reported, in meta.json)",
    )
    args = parser.parse_args()
    grader = load_grader(Path(args.eval))
    data = analyse(Path(args.eval) / "train" / "train-pl.jsonl")
    per_article = [examples(grader, gold, text, cands) for gold, text, cands in data]
    ruled = grade(grader, [(gold, rules(text, cands)) for gold, text, cands in data])
    print(f"rules alone         quotes {_fmt(ruled)}  speaker {ruled['speaker']:.3f}")
    (qt, st), alone, _, fold_models = cross_validate(grader, data, per_article, args.folds)
    print(
        f"learned ({args.folds}-fold CV) quotes {_fmt(alone)}  speaker {alone['speaker']:.3f}  at quote {qt}, "
        f"speaker {st}",
        flush=True,
    )
    chain, best, decoded, per_fold = tune_chain(grader, data, fold_models, qt, st, args.folds)
    print(
        f"chained ({args.folds}-fold nested CV) speaker {best['speaker']:.3f}; bonuses {chain} (per fold {per_fold})",
        flush=True,
    )
    if args.repeats:
        runs = repeated_cv(grader, data, per_article, qt, st, args.folds, args.repeats)
        mean = [sum(r[k] for r in runs) / len(runs) for k in (0, 1)]
        print(
            f"speaker over {args.repeats} shuffled partitions: alone {mean[0]:.3f}, chained (nested) {mean[1]:.3f} "
            f"({', '.join(f'{a:.3f}/{c:.3f}' for a, c in runs)})",
            flush=True,
        )
    claims = claim_data(data, decoded)
    groups = [claim_groups(grader, d[0], amounts, options) for d, (amounts, options) in zip(data, claims)]
    claims_ruled = grade_claims(
        grader, [(d[0], [_amount_record(a, a.claimant) for a in amounts]) for d, (amounts, _) in zip(data, claims)]
    )
    claims_learned = cross_validate_claims(grader, data, claims, groups, args.folds)
    print(
        f"amount claimants    rules {claims_ruled['claimant']:.3f}  learned ({args.folds}-fold CV) "
        f"{claims_learned['claimant']:.3f}",
        flush=True,
    )
    if args.no_save:
        return 0
    # The claimant model ships only when it beats the amount stage's rule out of fold; else the rule stays.
    claimant = (
        fit_ranker([g for article in groups for g in article])
        if claims_learned["claimant"] > claims_ruled["claimant"]
        else None
    )
    quote, threshold, bonuses, bias = _kept(args, per_article, qt, chain)
    models = QuoteModels(
        quote, fit_ranker([g for a in per_article for g in a[1]]), claimant, threshold, st, bonuses, bias
    )
    meta = {
        "trained_on": "train-pl.jsonl (240 articles)",
        "folds": args.folds,
        "c": C,
        "cv": {
            "rules": ruled,
            "learned": alone,
            "chained": best,
            "chain_per_fold": per_fold,
            "claimants": {"rules": claims_ruled, "learned": claims_learned},
        },
        "examples": {
            "quote": sum(len(a[0]) for a in per_article),
            "speaker": sum(len(g) for a in per_article for g in a[1]),
            "claimant": sum(len(g) for article in groups for g in article),
        },
        "features": {
            "quote": len(models.quote.weights),
            "speaker": len(models.speaker.weights),
            "claimant": len(claimant.weights) if claimant else None,
        },
        "claimants_by": "model" if claimant else "rule",
        "quote_model": "kept from the model before (--keep-quote-model)" if args.keep_quote_model else "trained here",
        "chain": "kept from the model before (--keep-chain)" if args.keep_chain else "tuned here",
        "chain_tuned": chain,
    }
    print(f"wrote {save_quote_models(OUT, models, meta)}")
    return 0


def _kept(args, per_article, qt: float, chain: dict[str, float]) -> tuple:
    """The quote model, its threshold, the chain's bonuses and nobody's bias to ship: trained and tuned here, or
    the shipped model's (``--keep-quote-model``, ``--keep-chain``)."""
    shipped = load_quote_models("pl") if args.keep_quote_model or args.keep_chain else None
    if args.keep_quote_model:
        quote, threshold = shipped.quote, shipped.quote_threshold
    else:
        quote, threshold = fit([r for a in per_article for r in a[0]]), qt
    if args.keep_chain:
        return quote, threshold, shipped.chain, shipped.nobody_bias
    return quote, threshold, {name: chain[name] for name in LINKS}, chain["nobody"]


def _fmt(scores: dict) -> str:
    return " / ".join(f"{scores[k]:.3f}" for k in ("p", "r", "f1"))


if __name__ == "__main__":
    raise SystemExit(main())
