"""Train the Polish name tagger (``kronika/models/pl-ner-crf/``): a linear-chain CRF over NKJP 1M.

Training data: ``nkjp-ner-iob/nkjp-nested-simplified-v2.iob`` (NKJP 1M named entities, GPL-3, via
CLARIN-PL PolDeepNer). Every tenth document (crc32 of its id, bucket 0) is held out for the NKJP dev
score; ``--all-documents`` then trains the same settings on every document into the same folder,
keeping that score in meta.json: the shipped model is made that way (about 10 % more data).
The NKJP tokens are run through the pipeline's own morphology stage, not NKJP's gold lemmas and tags,
so the tagger learns from the evidence it will see at run time. Word clusters (``clusters.tsv``) are
induced from the training documents' text by ``--clusters`` (see ``induce_clusters``).

``--weak GOLD.jsonl`` adds the articles of an eval-format gold file as training sentences, their listed entities
found in the text (``scripts/ner_weak.py``); ``--folds N --fold K`` leaves fold K of the articles out, so the
tagger can be scored on them by cross-validation (the fold's articles through ``bench/events.py``).
``--weak-repeat N`` gives each weak sentence N times (an upweighting against NKJP's million tokens).

The PolEval 2018 test set is never read here: ``bench/ner.py`` evaluates on it.
Training is deterministic (fixed document order, L-BFGS), single-process.

Example (the shipped model):
    .venv/bin/python scripts/train_ner.py --data ../shared/data --out DIR
    .venv/bin/python scripts/train_ner.py --data ../shared/data --out DIR --all-documents
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.lang import get_language  # noqa: E402  (the script runs from a checkout)
from kronika.lang.pl.ner_features import NKJP_TYPES, document_name_forms, sentence_features  # noqa: E402
from kronika.record import Document, Token  # noqa: E402
from kronika.stages.morph import MorphologyStage  # noqa: E402
from kronika.stages.ner import (  # noqa: E402
    CLUSTERS_FILE,
    LAYER_SEPARATOR,
    META_FILE,
    MODEL_FILE,
    decode,
    model_dir,
    read_clusters,
)

NKJP_FILE = "nkjp-ner-iob/nkjp-nested-simplified-v2.iob"
VERSION = "1.1.0"
DEV_BUCKETS = 10
# Inner categories that occur without their outer entity in a few hundred NKJP tokens; the outer
# entity is the person name they are part of.
PERSON_PARTS = ("persName-forename", "persName-surname", "persName-addName")

# L1 keeps the model small (most of the million features get weight zero), L2 smooths the rest.
CRF_PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 100,
    "feature.possible_transitions": True,
}


def read_nkjp(path: Path) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """Documents as (id, sentences of (form, label)), tokens joined as the pipeline's segmenter joins them."""
    docs: list[tuple[str, list[list[tuple[str, str]]]]] = []
    sentence: list[tuple[str, str, str]] = []

    def close_sentence():
        nonlocal sentence
        if sentence and docs:
            docs[-1][1].append(join_periods(sentence))
        sentence = []

    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART FILE"):
                close_sentence()
                docs.append((line.split(" ", 2)[2], []))
            elif line.startswith("-DOCSTART"):
                continue
            elif not line.strip():
                close_sentence()
            else:
                cols = line.split("\t")
                sentence.append((cols[0], cols[2], normalize_label(cols[3])))
    close_sentence()
    return docs


def join_periods(sentence: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """NKJP writes an abbreviation and its period as two tokens ("ul", "."); the segmenter keeps them
    together ("ul."), as it does initials ("T."), so the tagger is trained on tokens it will see."""
    out: list[tuple[str, str]] = []
    previous_tag = ""
    for form, tag, label in sentence:
        initial = bool(out) and len(out[-1][0]) == 1 and out[-1][0].isupper()
        if form == "." and out and (previous_tag == "brev:pun" or initial):
            out[-1] = (out[-1][0] + ".", out[-1][1])
        else:
            out.append((form, label))
        previous_tag = tag
    return out


def normalize_label(label: str) -> str:
    """At most two layers; a lone person-name part gets its person name as the outer entity."""
    if label == "O":
        return label
    parts = label.split(LAYER_SEPARATOR)[:2]
    prefix, _, category = parts[0].partition("-")
    if len(parts) == 1 and category in PERSON_PARTS:
        parts = [f"{prefix}-persName", parts[0]]
    return LAYER_SEPARATOR.join(parts)


def to_document(sentences: list[list[tuple[str, str]]]) -> Document:
    """The NKJP tokens as a record (forms joined by spaces), ready for the morphology stage."""
    text_parts: list[str] = []
    tokens: list[Token] = []
    spans = []
    pos = 0
    for sentence in sentences:
        start = pos
        for form, _label in sentence:
            tokens.append(Token(pos, pos + len(form), form))
            text_parts.append(form + " ")
            pos += len(form) + 1
        spans.append((start, pos - 1))
    return Document(text="".join(text_parts), sentences=spans, tokens=tokens)


def featurize(docs, clusters: dict[str, str]):
    """(features, labels) per sentence, the tokens analysed by the pipeline's morphology stage."""
    stage = MorphologyStage(get_language("pl"))
    out = []
    for _doc_id, sentences in docs:
        doc = stage(to_document(sentences))
        grouped = []
        index = 0
        for sentence in sentences:
            grouped.append(doc.tokens[index : index + len(sentence)])
            index += len(sentence)
        name_forms = document_name_forms(grouped)
        for sentence, tokens in zip(sentences, grouped):
            out.append((sentence_features(tokens, name_forms, clusters), [label for _f, label in sentence]))
    return out


def induce_clusters(docs, size: int) -> dict[str, str]:
    """Hierarchical word clusters from the training text: bisecting k-means over PPMI context vectors.

    A word seen at least ``min_count`` times is described by its left, right and two-away neighbours
    among the ``size`` commonest words (positive PMI, reduced to ``dims`` dimensions by truncated SVD)
    and gets a bit-string path, Brown-cluster style: the first bit splits the vocabulary in two, each
    further bit splits a part again, to ``depth`` bits. Deterministic: fixed seeds and word order.
    """
    import numpy as np

    min_count, depth, dims = 3, 12, 100
    counts = Counter(form.lower() for _id, sentences in docs for s in sentences for form, _l in s)
    vocab = [w for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    cindex = {w: i for i, w in enumerate(vocab[:size])}
    rows, cols = [], []
    for _id, sentences in docs:
        for s in sentences:
            forms = [f.lower() for f, _l in s]
            for i, w in enumerate(forms):
                if w not in index:
                    continue
                for offset, block in ((-1, 0), (1, 1), (-2, 2), (2, 2)):
                    j = i + offset
                    if 0 <= j < len(forms) and forms[j] in cindex:
                        rows.append(index[w])
                        cols.append(block * size + cindex[forms[j]])
    matrix = np.zeros((len(vocab), 3 * size), dtype=np.float32)
    np.add.at(matrix, (np.array(rows), np.array(cols)), 1.0)
    del rows, cols
    total = float(matrix.sum())
    row = matrix.sum(axis=1, keepdims=True)
    col = matrix.sum(axis=0, keepdims=True) ** 0.75  # context smoothing (Levy et al. 2015)
    col = col / col.sum() * total
    seen = matrix > 0
    matrix *= total
    matrix /= row * col + 1e-9
    np.log(matrix, out=matrix, where=seen)
    np.maximum(matrix, 0, out=matrix)
    matrix[~seen] = 0
    del seen
    # Truncated SVD through the small Gram matrix (contexts x contexts): exact and deterministic.
    eigenvalues, eigenvectors = np.linalg.eigh(matrix.T.astype(np.float64) @ matrix.astype(np.float64))
    top = np.argsort(-eigenvalues)[:dims]
    singular = np.sqrt(np.maximum(eigenvalues[top], 1e-12))
    vectors = (matrix @ eigenvectors[:, top].astype(np.float32)) / np.sqrt(singular).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    del matrix
    paths = [""] * len(vocab)

    def split(members, prefix: str):
        """Split along the principal direction, then refine with a few 2-means steps."""
        side = None
        if len(prefix) < depth and len(members) >= 4:
            points = vectors[members]
            centred = points - points.mean(axis=0)
            direction = np.linalg.svd(centred[:5000], full_matrices=False)[2][0]
            side = centred @ direction > 0
            for _ in range(5):
                if side.all() or not side.any():
                    break
                centres = np.stack([points[~side].mean(axis=0), points[side].mean(axis=0)])
                distances = ((points[:, None, :] - centres[None]) ** 2).sum(axis=-1)
                side = distances[:, 1] < distances[:, 0]
            if side.all() or not side.any():
                side = None
        if side is None:
            for m in members:
                paths[m] = prefix
            return
        split(members[~side], prefix + "0")
        split(members[side], prefix + "1")

    split(np.arange(len(vocab)), "")
    return {w: paths[i] for i, w in enumerate(vocab) if paths[i]}


def entity_set(labels_per_sentence, keep=lambda c: True, rename=lambda c: c, layers=(0,)) -> set[tuple]:
    """(sentence, start, end, category) of the entities of ``layers``."""
    found = set()
    for n, labels in enumerate(labels_per_sentence):
        for span in decode(labels):
            if span.layer in layers and keep(span.category):
                found.add((n, span.start, span.end, rename(span.category)))
    return found


def poleval_like(gold_labels, predicted_labels) -> float:
    """PolEval's final score (0.8 overlap + 0.2 exact F1, every category of both layers) on token spans."""
    gold = entity_set(gold_labels, layers=(0, 1))
    predicted = entity_set(predicted_labels, layers=(0, 1))
    by_key: dict[tuple, list] = {}
    for p in predicted:
        by_key.setdefault((p[0], p[3]), []).append(p)
    tp_overlap = sum(any(p[1] < g[2] and g[1] < p[2] for p in by_key.get((g[0], g[3]), ())) for g in gold)
    tp_exact = len(gold & predicted)

    def f(tp):
        p, r = tp / max(len(predicted), 1), tp / max(len(gold), 1)
        return 2 * p * r / (p + r) if p + r else 0.0

    return 0.8 * f(tp_overlap) + 0.2 * f(tp_exact)


def f1(gold: set, predicted: set) -> dict[str, float]:
    tp = len(gold & predicted)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(model_path: Path, dev) -> dict:
    """NKJP dev scores of the model."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    gold = [labels for _f, labels in dev]
    predicted = [tagger.tag(features) for features, _l in dev]
    main_category = {category: category.split("-")[0] for category in NKJP_TYPES}
    scores = {
        "names": f1(
            entity_set(gold, lambda c: c in NKJP_TYPES, main_category.get),
            entity_set(predicted, lambda c: c in NKJP_TYPES, main_category.get),
        ),
        "all_categories": f1(entity_set(gold), entity_set(predicted)),
        "poleval_like_final": round(poleval_like(gold, predicted), 4),
    }
    print(f"NKJP dev, names (persName/orgName/placeName subtypes/geogName, outer, exact): {scores['names']}")
    print(f"NKJP dev, all outer categories with subtypes, dates and times: {scores['all_categories']}")
    print(f"NKJP dev, PolEval-like final (both layers, token spans): {scores['poleval_like_final']}")
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(model_dir("pl")))
    parser.add_argument(
        "--clusters", type=int, default=0, help="context words for word clusters (1000 tried: no gain); 0 = none"
    )
    parser.add_argument("--max-iterations", type=int, default=CRF_PARAMS["max_iterations"])
    parser.add_argument("--c1", type=float, default=CRF_PARAMS["c1"], help="L1 penalty")
    parser.add_argument("--c2", type=float, default=CRF_PARAMS["c2"], help="L2 penalty")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only (for a quick try)")
    parser.add_argument(
        "--all-documents",
        action="store_true",
        help="train on the dev documents too, as the shipped model is; the NKJP dev scores in "
        "--out's meta.json are then kept from a run of the same settings without them",
    )
    parser.add_argument(
        "--weak",
        default=None,
        help="a gold file of the eval format whose articles' listed entities, found in the "
        "text, train the tagger too (scripts/ner_weak.py)",
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=0,
        help="with --weak: leave out fold --fold of this many (by crc32 of the article id)",
    )
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument(
        "--weak-repeat", type=int, default=1, help="with --weak: each weak sentence this many times (an upweighting)"
    )
    parser.add_argument(
        "--evaluate-only", action="store_true", help="score the model in --out on the dev documents; no training"
    )
    args = parser.parse_args()

    import pycrfsuite

    started = time.perf_counter()
    docs = read_nkjp(Path(args.data) / NKJP_FILE)[: args.limit]
    train_docs = [d for d in docs if zlib.crc32(d[0].encode()) % DEV_BUCKETS != 0]
    dev_docs = [d for d in docs if zlib.crc32(d[0].encode()) % DEV_BUCKETS == 0]
    if args.all_documents and not args.evaluate_only:
        train_docs, dev_docs = docs, []
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    meta_path = out / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    if args.evaluate_only:
        scores = evaluate(out / MODEL_FILE, featurize(dev_docs, read_clusters(out / CLUSTERS_FILE)))
        write_meta(meta_path, meta, scores)
        return 0
    clusters: dict[str, str] = {}
    if args.clusters:
        clusters = induce_clusters(train_docs, args.clusters)
        with (out / CLUSTERS_FILE).open("w", encoding="utf-8") as f:
            for word in sorted(clusters):
                f.write(f"{word}\t{clusters[word]}\n")
    elif (out / CLUSTERS_FILE).exists():
        (out / CLUSTERS_FILE).unlink()
    print(
        f"{len(train_docs)} training and {len(dev_docs)} dev documents; {len(clusters)} clustered words "
        f"({time.perf_counter() - started:.0f} s)",
        flush=True,
    )

    train = featurize(train_docs, clusters)
    dev = featurize(dev_docs, clusters)
    weak, weak_stats = weak_sentences(args, clusters)
    train_tokens = sum(len(labels) for _f, labels in train)
    weak_tokens = sum(len(labels) for _f, labels in weak)
    print(
        f"features: {train_tokens} training tokens, {weak_tokens} weakly labelled "
        f"({time.perf_counter() - started:.0f} s)",
        flush=True,
    )

    class Trainer(pycrfsuite.Trainer):
        """CRFsuite's log reduced to one line every ten iterations."""

        def _quiet(self, *args):
            pass

        on_start = on_featgen_progress = on_featgen_end = on_prepared = on_optimization_end = on_end = _quiet

        def on_iteration(self, log, info):
            if info["num"] % 10 == 0:
                print(
                    f"  iteration {info['num']}: loss {info['loss']:.0f}, {info['active_features']} active "
                    f"features ({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )

    trainer = Trainer(algorithm="lbfgs", verbose=True)
    for features, labels in [*train, *weak * args.weak_repeat]:
        trainer.append(features, labels)
    del train, weak
    params = {**CRF_PARAMS, "max_iterations": args.max_iterations, "c1": args.c1, "c2": args.c2}
    trainer.set_params(params)
    model_path = out / MODEL_FILE
    fitted = time.perf_counter()
    trainer.train(str(model_path))
    train_seconds = time.perf_counter() - fitted
    print(f"trained in {train_seconds:.0f} s; model {model_path.stat().st_size / 1e6:.1f} MB", flush=True)

    if args.all_documents:
        scores = meta.get("scores", {}).get("nkjp_dev", {})
        scores["measured"] = "by the same settings trained without the dev documents; this model has seen them"
    else:
        scores = evaluate(model_path, dev)
    meta.update(
        {
            "name": "pl-ner-crf",
            "version": VERSION,
            "created": datetime.date.today().isoformat(),
            "description": "Linear-chain CRF (CRFsuite, L-BFGS, L1+L2) labelling NKJP named entities in two "
            "layers (outer entity and one nested entity) over Polish tokens",
            "training_data": {
                "source": f"{NKJP_FILE} (NKJP 1M named entities via CLARIN-PL PolDeepNer, commit 1cb8210)",
                "licence": "GPL-3.0 (NKJP)",
                "documents": len(train_docs),
                "tokens": train_tokens,
                "held_out": f"dev: documents with crc32(id) % {DEV_BUCKETS} == 0 ({len(dev_docs)} documents)"
                if dev_docs
                else "none (--all-documents)",
                "features": "kronika/lang/pl/ner_features.py over the pipeline's own morphology (Morfeusz2 SGJP)",
                "clusters": f"{len(clusters)} words, bisecting k-means over PPMI context vectors of the training "
                f"text ({args.clusters} context words)"
                if clusters
                else None,
            },
            "weak_data": weak_meta(args, weak_stats, weak_tokens),
            "not_used": "poleval2018-task2-ner (kept for evaluation)",
            "crf_params": params,
            "training_seconds": round(train_seconds),
            "licence": "GPL-3.0-or-later",
            "command": "python scripts/train_ner.py --data ../shared/data"
            + (f" --clusters {args.clusters}" if args.clusters else "")
            + (" --all-documents" if args.all_documents else "")
            + (f" --weak {args.weak}" if args.weak else "")
            + (f" --folds {args.folds} --fold {args.fold}" if args.weak and args.folds else "")
            + (f" --weak-repeat {args.weak_repeat}" if args.weak and args.weak_repeat != 1 else "")
            + "".join(
                f" --{name.replace('_', '-')} {params[name]}"
                for name in ("c1", "c2", "max_iterations")
                if params[name] != CRF_PARAMS[name]
            ),
        }
    )
    write_meta(meta_path, meta, scores)
    return 0


def weak_sentences(args, clusters: dict[str, str]) -> tuple[list, object]:
    """The weakly labelled sentences of --weak (without fold --fold when --folds is given), counted."""
    if not args.weak:
        return [], None
    from learning import load_grader
    from ner_weak import fold_of, weak_training

    path = Path(args.weak)

    def keep(article_id: str) -> bool:
        return not args.folds or fold_of(article_id, args.folds) != args.fold

    weak, stats = weak_training(path, load_grader(path.parents[1]), keep, clusters)
    print(f"weak supervision from {path}: {stats}", flush=True)
    return weak, stats


def weak_meta(args, stats, tokens: int) -> dict | None:
    if not args.weak:
        return None
    return {
        "source": f"{Path(args.weak).name}: the entities each article lists, found in its text (scripts/ner_weak.py)",
        "articles": stats.articles,
        "sentences": stats.kept,
        "sentences_left_out": stats.sentences - stats.kept,
        "tokens": tokens,
        "repeat": args.weak_repeat,
        "left_out_fold": f"{args.fold} of {args.folds} (crc32 of the id)" if args.folds else None,
    }


def write_meta(path: Path, meta: dict, scores: dict) -> None:
    meta.setdefault("scores", {})["nkjp_dev"] = scores
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}; run bench/ner.py --write-meta to add the PolEval scores")


if __name__ == "__main__":
    sys.exit(main())
