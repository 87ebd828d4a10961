"""Cross-lingual story clustering: quality on the dev stories, speed, and cost against open stories.

    .venv/bin/python bench/stories.py                    # both parts below, default sizes
    .venv/bin/python bench/stories.py --dev --distractors 40
    .venv/bin/python bench/stories.py --scale 10000,100000,1000000 --max-seconds 60

``--dev``: the 24 articles of ``../shared/eval/dev/stories.jsonl`` (4 real events, 11 languages) with their
``lang`` removed (so language identification is measured too), mixed with distractors: the 30 Polish
articles of ``dev-pl.jsonl`` and the first ``--distractors`` articles of each BSNLP Polish topic (Brexit
2018-19, Ryanair 2018, COVID-19 January 2021, Nord Stream, Asia Bibi, Trump 2016, ...). The distractors
are spread between the gold articles in a fixed shuffled order (seed 7). The clusters are written to
``--out`` and graded with ``../shared/eval/score.py --stories`` (B-cubed over the gold articles). Prints
the language identification accuracy per language, B-cubed P/R/F1 at both levels (stories: one occurrence,
what the gold calls a story; threads: the longer story), the distractors that landed in a gold article's
cluster (the error B-cubed over the gold articles cannot see), and articles/s for identification +
analysis, vectorising and clustering. ``--logo``: each gold group held out in turn, the rule of ``GRID``
that fits the other three best is graded on it (a parameter earns a change only if this held-out score
beats the default rule's). ``--cache DIR`` keeps the analysed records between runs.

``--scale``: the clusterer alone on synthetic articles replayed in order: a story has a random topic vector,
a start day, two to six entities drawn from a Zipf-like pool of 50,000 and one to three numbers; its
articles (one to twelve, geometric) get the topic plus noise (cosine to the topic about 0.6), a subset
of its entities plus unrelated ones, dates within two days of the start, and one in ten has no date.
``--per-day`` articles a day set how many stories are open at once. Each size runs in a process of its own
until done or until ``--max-seconds``; the line says how many articles it reached, articles/s, the mean
number of candidate stories an article is compared with (the open stories around its date), the stories
made and still held at the end, the rows of the centroid matrix, the process's peak memory and the share
of articles whose story is right (B-cubed F1 against the generated stories). The clusterer closes and drops
old stories (``StoryClusterer(evict=True)``); ``--keep-all`` keeps every story, as before.
``--check-eviction N`` replays N articles with and without eviction and counts the decisions that differ.
``--neighbours off,10:2:7``: the scale part once per setting of the undated articles' neighbour estimate
(k positions, margin days, order slack days; ``kronika/stories/neighbours.py``), with a last column for
the undated articles alone.

``--dated-order N``: the dev mix in date order (an article without a dateline as given at the median date
of its gold story or BSNLP topic) with the dateline of one dated article in N dropped, each of the N
offsets in turn, clustered with each ``--neighbours`` setting: B-cubed at both levels, over the gold
articles made undated, and the distractors in gold stories, means over the offsets.
"""

from __future__ import annotations

from collections import Counter

import os

# The clusterer's matrix products are small (hundreds of stories): BLAS threads cost more than they give,
# and on a shared 2-core machine they made it 3.5 times slower. Set before numpy loads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # after the thread limits above
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
TOPICS = ("brexit", "ryanair", "covid-19", "trump", "nord_stream", "asia_bibi", "ec", "us_election_2020")


def dev_articles(distractors: int):
    from kronika.ingest.article import Article

    gold = [json.loads(line) for line in (EVAL / "dev" / "stories.jsonl").open(encoding="utf-8")]
    stories = [Article(text=r["text"], id=r["id"], url=r.get("url"), date=r.get("date")) for r in gold]
    others = []
    for line in (EVAL / "dev" / "dev-pl.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        others.append(
            Article(text=r["text"], id="dev-pl:" + r["id"], url=r.get("url"), date=r.get("date"), title=r.get("title"))
        )
    for topic in TOPICS:
        for path in sorted((SHARED / "data" / "bsnlp-pl" / topic / "raw" / "pl").glob("*.txt"))[:distractors]:
            lines = path.read_text(encoding="utf-8-sig").split("\n")
            others.append(
                Article(
                    text="\n".join(lines[5:]).strip(),
                    id=f"bsnlp:{topic}:{path.stem}",
                    url=lines[3].strip() or None,
                    date=lines[2].strip() or None,
                    title=lines[4].strip() or None,
                )
            )
    random.Random(7).shuffle(others)
    step = max(1, len(others) // len(stories))
    mixed = []
    for i, article in enumerate(stories):
        mixed.extend(others[i * step : (i + 1) * step])
        mixed.append(article)
    mixed.extend(others[len(stories) * step :])
    return gold, mixed


def analysed_dev(distractors: int, cache: Path | None):
    """The dev mix analysed (language identification + pipeline), in replay order, with the seconds it took;
    with ``cache``, records are read from and written to ``cache/records-N.jsonl`` (delete it after changing
    an analysis stage)."""
    from kronika.core import analyze_articles
    from kronika.record import Document

    gold, articles = dev_articles(distractors)
    path = cache / f"records-{distractors}.jsonl" if cache else None
    if path is not None and path.exists():
        docs = [Document.from_json(line) for line in path.open(encoding="utf-8")]
        if [d.id for d in docs] == [a.id for a in articles]:
            return gold, docs, None
    started = time.perf_counter()
    docs = [d for d in analyze_articles(articles, lang="auto") if not isinstance(d, Exception)]
    seconds = time.perf_counter() - started
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(d.to_json(tokens=False) + "\n" for d in docs), encoding="utf-8")
    return gold, docs, seconds


def bcubed_prf(system: dict[str, str], gold: dict[str, str], only: set[str] | None = None) -> tuple[float, ...]:
    """B-cubed P, R, F1 over the gold articles (``only`` these of them), as ``score.py --stories`` grades."""
    clusters: dict[str, set[str]] = {}
    truth: dict[str, set[str]] = {}
    for article, label in gold.items():
        clusters.setdefault(system[article], set()).add(article)
        truth.setdefault(label, set()).add(article)
    items = [a for a in gold if only is None or a in only]
    p = sum(len(clusters[system[a]] & truth[gold[a]]) / len(clusters[system[a]]) for a in items) / len(items)
    r = sum(len(clusters[system[a]] & truth[gold[a]]) / len(truth[gold[a]]) for a in items) / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def two_levels(features, rule=None, thread_rule=None):
    """Story and thread ids of each article, in order."""
    from kronika.stories import TwoLevelClusterer

    clusterer = TwoLevelClusterer(rule, thread_rule)
    placed = [clusterer.add(f) for f in features]
    return [p.story.story.id for p in placed], [p.thread.id for p in placed], clusterer


# What the leave-one-group-out split may tune: the story rule's time window, its evidence bar for loose
# (undated or month-dated) pairs and its cosine floor; the default values come first and win ties.
GRID = {"window_days": (3, 2, 5), "min_evidence_loose": (1.5, 1.0, 2.0), "min_cosine": (0.30, 0.25, 0.35)}


def leave_one_group_out(features, gold: dict[str, str]) -> None:
    """Each gold group held out in turn: the grid's best rule on the other groups, graded on the held-out one."""
    import itertools

    from kronika.stories import StoryRule

    ids = [f.id for f in features]
    rules = [StoryRule(**dict(zip(GRID, values))) for values in itertools.product(*GRID.values())]
    runs = [dict(zip(ids, two_levels(features, rule)[0])) for rule in rules]
    groups = sorted(set(gold.values()))
    held_p = held_r = 0.0
    chosen = []
    for group in groups:
        held = {a for a, g in gold.items() if g == group}
        fitted = [bcubed_prf(run, gold, set(gold) - held)[2] for run in runs]
        best = max(range(len(rules)), key=lambda i: (round(fitted[i], 6), -i))
        p, r, _ = bcubed_prf(runs[best], gold, held)
        held_p += p * len(held)
        held_r += r * len(held)
        chosen.append(f"{group}: " + ", ".join(f"{k}={getattr(rules[best], k)}" for k in GRID))
    p, r = held_p / len(gold), held_r / len(gold)
    default = bcubed_prf(runs[0], gold)
    print(
        f"leave-one-group-out over {len(rules)} rules: held-out B-cubed P {p:.3f} R {r:.3f} "
        f"F1 {2 * p * r / (p + r):.3f} (default rule: F1 {default[2]:.3f})"
    )
    for line in chosen:
        print(f"  {line}")


def run_dev(distractors: int, out: Path, cache: Path | None = None, logo: bool = False) -> None:
    from kronika.stories import article_features
    from kronika.stories.encoder import embed_documents, load_encoder
    from kronika.stories.neighbours import estimated

    gold_rows, docs, analysed = analysed_dev(distractors, cache)
    load_encoder().encode(["warm-up"])  # the encoder's load is start-up, not per article
    started = time.perf_counter()
    vectors = np.concatenate([embed_documents(docs[i : i + 32]) for i in range(0, len(docs), 32)])
    vectorised = time.perf_counter() - started
    started = time.perf_counter()
    # Undated articles take their neighbours' estimate, as in `kronika cluster` (``featurized``).
    features = list(estimated(article_features(doc, vector) for doc, vector in zip(docs, vectors)))
    featured = time.perf_counter() - started
    started = time.perf_counter()
    stories, threads, clusterer = two_levels(features)
    clustered = time.perf_counter() - started
    gold = {r["id"]: r["story"] for r in gold_rows}
    with out.open("w", encoding="utf-8") as handle:
        for doc, story, thread in zip(docs, stories, threads):
            handle.write(json.dumps({"id": doc.id, "story": story, "thread": thread, "lang": doc.lang}) + "\n")
    langs = {doc.id: doc.lang for doc in docs}
    polish = sum(doc.lang == "pl" for doc in docs)
    print(
        f"articles: {len(gold)} gold in {len({r['lang'] for r in gold_rows})} languages + "
        f"{len(docs) - len(gold)} distractors; {len(clusterer.stories)} stories in {len(clusterer.threads)} threads"
    )
    by_lang: dict[str, list[int]] = {}
    for r in gold_rows:
        by_lang.setdefault(r["lang"], []).append(langs.get(r["id"]) == r["lang"])
    print(
        f"language identification on the gold articles: {sum(map(sum, by_lang.values()))}/{len(gold)} ("
        + ", ".join(f"{lang} {sum(v)}/{len(v)}" for lang, v in sorted(by_lang.items()))
        + "); distractors "
        f"identified as Polish: {polish - sum(langs.get(r['id']) == 'pl' for r in gold_rows)}/{len(docs) - len(gold)}"
    )
    if analysed is not None:
        from kronika.lang import SUPPORTED

        packed = Counter(doc.lang for doc in docs if doc.lang in SUPPORTED)
        print(
            f"identification + analysis (language packs for {', '.join(f'{n} {c}' for c, n in packed.items())} "
            f"articles, names and written dates for the others): {len(docs) / analysed:.1f} articles/s"
        )
    print(f"vectorising (title + lead + entity names, batches of 32): {len(docs) / vectorised:.0f} articles/s")
    print(
        f"features (name keys, numbers, dates): {len(docs) / featured:.0f} articles/s; "
        f"clustering at both levels: {len(docs) / clustered:.0f} articles/s"
    )
    for level, labels in (("story (one occurrence)", stories), ("thread", threads)):
        p, r, f = bcubed_prf(dict(zip(langs, labels)), gold)
        held = {lab for a, lab in zip(langs, labels) if a in gold}
        # B-cubed grades the gold articles only; a distractor in a gold article's cluster is the error it
        # cannot see (at the story level: no distractor reports one of the four occurrences).
        joined = sum(1 for a, lab in zip(langs, labels) if a not in gold and lab in held)
        print(
            f"{level} level: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f} ({len(held)} system clusters for "
            f"{len(set(gold.values()))}); distractors in the gold articles' clusters: {joined}"
        )
    print(f'clusters written to {out} ("story" graded by score.py; "thread" the longer story)')
    score = subprocess.run(
        [sys.executable, str(EVAL / "score.py"), "--stories", str(EVAL / "dev" / "stories.jsonl"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    print("score.py:", score.stdout.strip() or score.stderr.strip())
    if logo:
        leave_one_group_out(features, gold)


def in_date_order(docs, gold: dict[str, str]):
    """The dev mix sorted by dateline, as a feed or an archive gives it. An article without a dateline as
    given goes where its group's dated articles are (the median of their first days; its gold story, or
    its BSNLP topic): a stream delivers it around its own time. The dev-pl articles without one (no group)
    keep the places the shuffle gave them."""
    import statistics

    from kronika.record import date_interval

    def group(doc):
        return gold.get(doc.id) or (doc.id.rsplit(":", 1)[0] if doc.id.startswith("bsnlp:") else None)

    days: dict[str, list[int]] = {}
    for doc in docs:
        if group(doc) and date_interval(doc.date) is not None:
            days.setdefault(group(doc), []).append(date_interval(doc.date)[0])
    when = {
        i: date_interval(doc.date)[0] if date_interval(doc.date) else statistics.median_low(days[group(doc)])
        for i, doc in enumerate(docs)
        if date_interval(doc.date) or group(doc) in days
    }
    ordered = list(docs)
    for place, i in zip(sorted(when), sorted(when, key=lambda i: (when[i], i))):
        ordered[place] = docs[i]
    return ordered


def run_dated(distractors: int, cache: Path | None, every: int, settings: list) -> None:
    """The dev mix in date order with the dateline of every ``every``-th dated article dropped (each offset in
    turn, so every dated article is undated once), clustered with each neighbour setting. A dropped article
    loses its resolved timexes too (the Polish pipeline anchors "yesterday" on the dateline); days written
    in digits stay, as for any undated article."""
    import dataclasses

    from kronika.record import date_interval
    from kronika.stories import article_features
    from kronika.stories.encoder import embed_documents
    from kronika.stories.neighbours import estimated

    gold_rows, docs, _ = analysed_dev(distractors, cache)
    gold = {r["id"]: r["story"] for r in gold_rows}
    docs = in_date_order(docs, gold)
    vectors = np.concatenate([embed_documents(docs[i : i + 32]) for i in range(0, len(docs), 32)])
    dated = [i for i, doc in enumerate(docs) if date_interval(doc.date) is not None]
    print(
        f"dev mix in date order: {len(docs)} articles, {len(dated)} dated, {len(docs) - len(dated)} without a "
        f"dateline as given; the dateline of one dated article in {every} dropped, {every} offsets"
    )
    for setting in settings:
        totals = np.zeros(6)
        dropped_gold = joined = 0
        undated_f1 = []
        for offset in range(every):
            dropped = set(dated[offset::every])
            features = [
                article_features(dataclasses.replace(doc, date=None, timexes=[]) if i in dropped else doc, vector)
                for i, (doc, vector) in enumerate(zip(docs, vectors))
            ]
            if setting is not None:
                features = list(estimated(features, **estimating(setting)))
            stories, threads, _ = two_levels(features)
            ids = [doc.id for doc in docs]
            lost = {docs[i].id for i in dropped} & set(gold)
            dropped_gold += len(lost)
            totals += [*bcubed_prf(dict(zip(ids, stories)), gold), *bcubed_prf(dict(zip(ids, threads)), gold)]
            held = {label for i, label in zip(ids, stories) if i in gold}
            joined += sum(1 for i, label in zip(ids, stories) if i not in gold and label in held)
            if lost:
                undated_f1.append((len(lost), bcubed_prf(dict(zip(ids, stories)), gold, lost)[2]))
        p, r, f, tp, tr, tf = totals / every
        mean_undated = sum(n * f1 for n, f1 in undated_f1) / max(1, dropped_gold)
        print(
            f"  neighbours {describe(setting)}: stories B-cubed "
            f"P {p:.3f} R {r:.3f} F1 {f:.3f}; threads P {tp:.3f} R {tr:.3f} F1 {tf:.3f}; "
            f"story F1 of the {dropped_gold} undated gold articles {mean_undated:.3f}; distractors in gold "
            f"stories {joined / every:.1f} (means of {every} offsets)"
        )


def synthetic(count: int, per_day: int, seed: int = 11):
    """Article features in replay order with their true story, generated on the fly."""
    from kronika.stories.features import ArticleFeatures

    rng = np.random.default_rng(seed)
    pool = 50_000
    zipf = 1.0 / np.arange(1, pool + 1)
    zipf /= zipf.sum()
    made = 0
    story = 0
    start_day = 738_000
    open_stories: list[dict] = []
    while made < count:
        day = start_day + made // per_day
        # New stories arrive so that each lasts about three days of articles.
        while len(open_stories) < max(1, per_day // 2):
            topic = rng.standard_normal(512).astype(np.float32)
            open_stories.append(
                {
                    "id": story,
                    "topic": topic / np.linalg.norm(topic),
                    "day": day,
                    "left": int(rng.geometric(0.2)) + 1,
                    "entities": list(rng.choice(pool, rng.integers(2, 7), p=zipf)),
                    "numbers": [str(n) for n in rng.integers(10, 100_000, rng.integers(1, 4))],
                }
            )
            story += 1
        pick = open_stories[int(rng.integers(len(open_stories)))]
        noise = rng.standard_normal(512).astype(np.float32)
        vector = pick["topic"] + noise / np.linalg.norm(noise) * 1.3
        vector /= np.linalg.norm(vector)
        own = [e for e in pick["entities"] if rng.random() < 0.7]
        other = list(rng.choice(pool, rng.integers(0, 4), p=zipf))
        dated = rng.random() >= 0.1
        when = pick["day"] + int(rng.integers(0, 3))
        features = ArticleFeatures(
            id=f"s{made}",
            lang="en",
            vector=vector,
            interval=(when, when) if dated else None,
            entities={f"E{e}": 1.0 for e in own + other},
            names=frozenset(),
            numbers=frozenset(n for n in pick["numbers"] if rng.random() < 0.5),
            days=frozenset(),
        )
        yield features, pick["id"]
        made += 1
        pick["left"] -= 1
        if pick["left"] <= 0 or day - pick["day"] > 3:
            open_stories.remove(pick)


def bcubed(system: np.ndarray, gold: np.ndarray, only: np.ndarray | None = None) -> float:
    """B-cubed F1 of a system labelling against a gold one, one label per article; with ``only`` (a mask),
    averaged over those articles (their clusters still count every article)."""
    _, by_system, system_size = np.unique(system, return_inverse=True, return_counts=True)
    _, by_gold, gold_size = np.unique(gold, return_inverse=True, return_counts=True)
    _, by_pair, pair_size = np.unique(
        by_system.astype(np.int64) * (len(gold_size) + 1) + by_gold, return_inverse=True, return_counts=True
    )
    precision, recall = pair_size[by_pair] / system_size[by_system], pair_size[by_pair] / gold_size[by_gold]
    if only is not None:
        precision, recall = precision[only], recall[only]
    p, r = float(np.mean(precision)), float(np.mean(recall))
    return 2 * p * r / (p + r)


def parse_neighbours(value: str) -> list[tuple[int, ...] | None]:
    """``off,10:2,20:0:7`` -> [None, (10, 2), (20, 0, 7)]: neighbour estimates off, or k positions, a margin
    and optionally the order slack (``kronika/stories/neighbours.py``)."""
    return [None if part == "off" else tuple(int(x) for x in part.split(":")) for part in value.split(",")]


def describe(setting: tuple[int, ...] | None) -> str:
    if setting is None:
        return "off"
    from kronika.stories.neighbours import ORDER_SLACK_DAYS

    k, margin, slack = (*setting, ORDER_SLACK_DAYS)[:3]
    return f"k={k}, margin={margin}, slack={slack}"


def estimating(setting: tuple[int, ...]) -> dict:
    return dict(zip(("k", "margin", "slack"), setting))


def with_neighbours(pairs, neighbours: tuple[int, ...] | None):
    """(features, truth) pairs with the undated articles' neighbour estimates, or unchanged."""
    if neighbours is None:
        return pairs
    from kronika.stories.neighbours import with_estimates

    return with_estimates(
        pairs, lambda pair: pair[0], lambda pair, features: (features, pair[1]), **estimating(neighbours)
    )


def replay(size: int, per_day: int, max_seconds: float, evict: bool, neighbours: tuple[int, ...] | None = None) -> dict:
    """One size in this process: the numbers of one table row, with the process's peak memory."""
    import resource

    from kronika.stories import StoryClusterer

    clusterer = StoryClusterer(evict=evict)
    # Labels as arrays, not Python objects: the grading's own memory stays small next to the clusterer's.
    system = np.zeros(size, dtype=np.int64)
    gold = np.zeros(size, dtype=np.int64)
    undated = np.zeros(size, dtype=bool)
    reached = compared = 0
    started = time.perf_counter()
    for features, truth in with_neighbours(synthetic(size, per_day), neighbours):
        compared += len(clusterer.candidates(features))
        system[reached], gold[reached] = clusterer.add(features).story.seq, truth
        undated[reached] = features.interval is None
        reached += 1
        if reached % 1000 == 0 and time.perf_counter() - started > max_seconds:
            break
    spent = time.perf_counter() - started
    return {
        "reached": reached,
        "rate": reached / spent,
        "compared": compared / reached,
        "made": len(clusterer),
        "held": len(clusterer.stories),
        "rows": len(clusterer._centroids),
        "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "f1": bcubed(system[:reached], gold[:reached]),
        "f1_undated": bcubed(system[:reached], gold[:reached], undated[:reached]),
    }


def _in_child(conn, *args) -> None:
    conn.send(replay(*args))
    conn.close()


def run_scale(
    sizes: list[int], per_day: int, max_seconds: float, evict: bool, neighbours: tuple[int, ...] | None = None
) -> None:
    import multiprocessing

    # Each size in a fresh process, so the peak memory column is that size's own.
    context = multiprocessing.get_context("fork")
    print(
        "| articles replayed | articles/day | reached in time | articles/s | candidates per article | "
        "stories made | stories held at the end | centroid rows | peak memory (MiB) | B-cubed F1 | "
        "B-cubed F1, undated articles |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=_in_child, args=(child, size, per_day, max_seconds, evict, neighbours))
        process.start()
        row = parent.recv()
        process.join()
        print(
            f"| {size:,} | {per_day:,} | {row['reached']:,} | {row['rate']:,.0f} | {row['compared']:,.0f} | "
            f"{row['made']:,} | {row['held']:,} | {row['rows']:,} | {row['peak']:,.0f} | {row['f1']:.3f} | "
            f"{row['f1_undated']:.3f} |",
            flush=True,
        )


def check_eviction(size: int, per_day: int) -> None:
    """The same stream with and without eviction: the articles whose story differs."""
    from kronika.stories import StoryClusterer

    kept, evicting = StoryClusterer(), StoryClusterer(evict=True)
    differ = undated = 0
    for features, _ in synthetic(size, per_day):
        if kept.add(features).story.seq != evicting.add(features).story.seq:
            differ += 1
            undated += features.interval is None
    print(
        f"eviction check, {size:,} articles at {per_day:,} a day: {differ} decisions differ "
        f"({undated} of them undated articles); {len(evicting.stories):,} of {len(kept):,} stories held"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", action="store_true", help="only the dev quality and speed part")
    parser.add_argument("--distractors", type=int, default=40, help="BSNLP articles per topic mixed in")
    parser.add_argument("--out", type=Path, default=Path("/tmp/kronika-stories-dev.jsonl"))
    parser.add_argument("--cache", type=Path, help="keep the analysed dev records here between runs")
    parser.add_argument("--logo", action="store_true", help="also the leave-one-group-out split over the rule grid")
    parser.add_argument("--scale", help="only the scaling part, with these sizes (comma-separated)")
    parser.add_argument("--per-day", default="1000", help="synthetic articles per day (comma-separated)")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="time bound for each size")
    parser.add_argument("--keep-all", action="store_true", help="scale part without eviction of closed stories")
    parser.add_argument(
        "--neighbours",
        default="off",
        help="scale part: undated articles' neighbour estimates, 'off' or K:MARGIN (comma-separated)",
    )
    parser.add_argument(
        "--dated-order",
        type=int,
        metavar="N",
        help="dev mix in date order, every N-th dateline dropped, for each --neighbours setting",
    )
    parser.add_argument(
        "--check-eviction",
        type=int,
        metavar="N",
        help="replay N articles with and without eviction and count the decisions that differ",
    )
    args = parser.parse_args()
    if args.check_eviction:
        for per_day in (int(p) for p in args.per_day.split(",")):
            check_eviction(args.check_eviction, per_day)
        return 0
    if args.dated_order:
        run_dated(args.distractors, args.cache, args.dated_order, parse_neighbours(args.neighbours))
        return 0
    if not args.scale:
        if not EVAL.exists():
            print(f"{EVAL} not found: the dev part needs ../shared", file=sys.stderr)
            return 1
        run_dev(args.distractors, args.out, args.cache, args.logo)
    if args.scale or not args.dev:
        sizes = [int(s) for s in (args.scale or "10000,100000,1000000").split(",")]
        for per_day in (int(p) for p in args.per_day.split(",")):
            for neighbours in parse_neighbours(args.neighbours):
                print(f"neighbour estimates: {describe(neighbours)}")
                run_scale(sizes, per_day, args.max_seconds, not args.keep_all, neighbours)
    return 0


if __name__ == "__main__":
    sys.exit(main())
