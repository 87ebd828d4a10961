"""The morphology of another tree against this one in one process, article by article (a benchmark, never a test).

    .venv/bin/python bench/morph_ab.py --base DIR [--limit 400] [--passes 2] [--phrases]

``bench/stage_ab.py`` swaps functions into this tree's modules; a change to the morphology's classes or caches
cannot be swapped so. Here the Polish morphology module and the morphology stage of the tree at ``--base`` (a
``git archive`` of the commit before the change) and of this tree are loaded side by side, each with its own
Morfeusz and its own caches, and each of the first ``--limit`` BSNLP articles (segmented by this tree) goes
through both stages, the order flipped every article, on the CPU clock. The first pass meets every word for the
first time (as new text does); later passes replay the same articles on warm caches. Prints ms per article, old
-> new, and how many articles' lemmas and tags differ (none, for a speed change). ``--phrases`` then replays the
``lemmatize_phrase`` calls the pipeline of this tree makes on the same articles (name phrases, the document's
forms), in blocks of 20 alternating, on each side's warm analyser.
"""

from __future__ import annotations

import argparse
import importlib.util
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.blas import one_thread_each  # noqa: E402
from kronika.collector import fewer_collections  # noqa: E402

one_thread_each()
fewer_collections()

from bench.throughput import read_bsnlp  # noqa: E402
from kronika.core import load_pipeline  # noqa: E402
from kronika.record import Document  # noqa: E402


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def side(root: Path, label: str):
    """(the morphology stage, its analyser) of the tree at ``root``, with a Morfeusz and caches of its own."""
    import morfeusz2

    from kronika.lang.pl.guesser import load_guesser

    morphology_module = load_module(root / "kronika/lang/pl/morphology.py", f"_morph_ab_{label}")
    stage_module = load_module(root / "kronika/stages/morph.py", f"_morph_ab_stage_{label}")
    analyser = morphology_module.Morphology(morfeusz2.Morfeusz(), load_guesser())

    class Language:
        def morphology(self):
            return analyser

    return stage_module.MorphologyStage(Language()), analyser


def phrase_calls(docs: list[Document]) -> list[tuple]:
    """The ``lemmatize_phrase`` calls this tree's pipeline (with the parser) makes on ``docs``."""
    from kronika.lang.pl import morphology

    calls = []
    original = morphology.Morphology.lemmatize_phrase

    def recorded(self, text, document_forms=frozenset(), *, singular_common=False):
        calls.append((text, document_forms, singular_common))
        return original(self, text, document_forms, singular_common=singular_common)

    morphology.Morphology.lemmatize_phrase = recorded
    try:
        pipeline = load_pipeline(parse=True)
        for doc in docs:
            pipeline(Document(text=doc.text, date=doc.date, title=doc.title))
    finally:
        morphology.Morphology.lemmatize_phrase = original
    return calls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the tree before the change")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--phrases", action="store_true", help="also replay lemmatize_phrase's calls")
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = parser.parse_args()

    docs = read_bsnlp(Path(args.data) / "bsnlp-pl", args.limit)
    calls = phrase_calls(docs) if args.phrases else []
    segment = load_pipeline(parse=False).stages[0]
    inputs = [pickle.dumps(segment(Document(text=d.text, date=d.date, title=d.title))) for d in docs]
    sides = {"old": side(args.base, "old"), "new": side(ROOT, "new")}
    for n in range(args.passes):
        spent = {"old": 0.0, "new": 0.0}
        differing = 0
        for k, data in enumerate(inputs):
            out = {}
            for label in ("old", "new") if k % 2 == 0 else ("new", "old"):
                doc = pickle.loads(data)
                start = time.process_time()
                sides[label][0](doc)
                spent[label] += time.process_time() - start
                out[label] = [(t.lemma, t.tag) for t in doc.tokens]
            differing += out["old"] != out["new"]
        print(
            f"morphology, pass {n + 1}: {1000 * spent['old'] / len(inputs):.2f} -> "
            f"{1000 * spent['new'] / len(inputs):.2f} ms/article; articles differing: {differing}"
        )
    if calls:
        spent = {"old": 0.0, "new": 0.0}
        differing = 0
        for k in range(0, len(calls), 20):
            out = {}
            for label in ("old", "new") if k % 40 == 0 else ("new", "old"):
                analyser = sides[label][1]
                start = time.process_time()
                out[label] = [
                    analyser.lemmatize_phrase(t, forms, singular_common=s) for t, forms, s in calls[k : k + 20]
                ]
                spent[label] += time.process_time() - start
            differing += out["old"] != out["new"]
        print(
            f"lemmatize_phrase, {len(calls)} calls: {1000 * spent['old'] / len(inputs):.2f} -> "
            f"{1000 * spent['new'] / len(inputs):.2f} ms/article; blocks differing: {differing}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
