"""Kronika's entities on the BSNLP shared-task Polish news (2017 ec/trump, 2019 asia_bibi/brexit/nord_stream/ryanair).

Reads ``<data>/bsnlp-pl/<topic>/raw/pl/*.txt`` (id, language, date, URL, title lines, then the body) and the
gold ``<topic>/annotated/pl/*`` file of the same stem (doc id, then one line per distinct mention:
form TAB base form TAB type TAB cross-lingual id; lines equal after trimming spaces count once). Only
topics with both are scored. Each body goes through the real pipeline, ``kronika.analyze(body, date=...)``
(``--title`` puts the title line in front: the gold also annotates names in titles). The data is read at run time and never copied into the project.

    .venv/bin/python bench/bsnlp.py [--data ../shared/data] [--limit N] [--show-errors N] [--title]

As in BSNLP, each document is scored on its set of distinct mentions (surface forms); counts are summed
over documents (micro). Forms are compared exactly, case-insensitively in the lower-cased 2017 topics.
Two system sides are scored: ``entities`` = the forms of ``record.entities[*].mentions`` (after linking),
``detector`` = the forms of ``record.mentions`` (names found before linking).

Recognition (precision / recall / F1):
- strict: same form and type. Kronika PER->PER, ORG->ORG, GPE/LOC->LOC; only gold PER/LOC/ORG and system
  forms of those types take part (gold EVT/PRO/MISC and Kronika MISC are left out of this line).
- relaxed exact: same form, any type; every gold mention counts (EVT/PRO/MISC included).
- relaxed partial: any type; a system form matches when it equals a gold form or one is a run of whole
  words inside the other ("Farage" ~ "Nigel Farage"). Precision = system forms matching some gold form,
  recall = gold forms matched by some system form.
Base forms (accuracy; gold base forms compared exactly, case-insensitively for 2017; "ci" = ignoring case):
- found: gold (form, base) pairs whose form the entities side found, scored with
  ``lemmatize_phrase(form)``, the pipeline's phrase lemmatiser, out of context.
- all gold: ``lemmatize_phrase`` on every distinct gold (form, base) pair: the lemmatiser alone.
Identity (pairwise precision / recall / F1): over pairs of distinct gold forms in one document that the
entities side found, "same" = same cross-lingual id in the gold, same Kronika entity in the system.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kronika  # noqa: E402  (run from a checkout)
from kronika.lang.pl.morphology import lemmatize_phrase  # noqa: E402

LOWERCASED = {"ec", "trump"}  # 2017 topics: forms and base forms are lower-cased
TYPES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}  # Kronika -> BSNLP; others: no strict type


@dataclass
class Doc:
    topic: str
    name: str
    date: str | None
    title: str
    body: str
    gold: list[tuple[str, str, str, str]]  # (form, base, type, cross-lingual id), distinct lines


def read_docs(root: Path) -> list[Doc]:
    docs = []
    for topic_dir in sorted(p for p in root.iterdir() if (p / "annotated" / "pl").is_dir()):
        gold_files = {p.stem: p for p in (topic_dir / "annotated" / "pl").iterdir()}
        for raw in sorted((topic_dir / "raw" / "pl").glob("*.txt")):
            if raw.stem not in gold_files:
                continue
            lines = raw.read_text(encoding="utf-8-sig").split("\n")
            gold_lines = gold_files[raw.stem].read_text(encoding="utf-8-sig").splitlines()[1:]
            gold = list(
                dict.fromkeys(tuple(c.strip() for c in g.split("\t")[:4]) for g in gold_lines if g.count("\t") >= 3)
            )
            docs.append(
                Doc(
                    topic_dir.name,
                    raw.stem,
                    # The day of the source's timestamp ("2016-12-07T17:59:00+01:00"): the pipeline takes a date.
                    lines[2].strip()[:10] or None,
                    lines[4].strip(),
                    "\n".join(lines[5:]).strip(),
                    gold,
                )
            )
    return docs


@dataclass
class PRF:
    tp_p: int = 0  # system items matched (precision numerator)
    n_sys: int = 0
    tp_r: int = 0  # gold items matched (recall numerator)
    n_gold: int = 0

    def add(self, sys_items, gold_items, match=None) -> tuple[set, set]:
        """Score one document; return (spurious system items, missed gold items)."""
        if match is None:
            hit_s = hit_g = set(sys_items) & set(gold_items)
        else:
            hit_s = {s for s in sys_items if any(match(s, g) for g in gold_items)}
            hit_g = {g for g in gold_items if any(match(s, g) for s in sys_items)}
        self.tp_p += len(hit_s)
        self.n_sys += len(sys_items)
        self.tp_r += len(hit_g)
        self.n_gold += len(gold_items)
        return set(sys_items) - hit_s, set(gold_items) - hit_g

    def line(self, label: str) -> str:
        p = self.tp_p / self.n_sys if self.n_sys else 0.0
        r = self.tp_r / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{label:<38} P {p:6.2%} ({self.tp_p}/{self.n_sys})  R {r:6.2%} ({self.tp_r}/{self.n_gold})  F1 {f:6.2%}"


def words(form: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", form))


def partial(s: str, g: str) -> bool:
    """Equal, or one form's words are a contiguous run of the other's."""
    if s == g:
        return True
    a, b = words(s), words(g)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


@dataclass
class Accuracy:
    right: int = 0
    right_ci: int = 0
    total: int = 0
    errors: list = field(default_factory=list)

    def add(self, form: str, gold: str, guess: str, fold) -> None:
        self.total += 1
        self.right += fold(guess) == fold(gold)
        self.right_ci += guess.lower() == gold.lower()
        if fold(guess) != fold(gold):
            self.errors.append((form, gold, guess))

    def line(self, label: str) -> str:
        t = self.total or 1
        return f"{label:<38} acc {self.right / t:6.2%} ({self.right}/{self.total})  ci {self.right_ci / t:6.2%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=None, help="score the first N documents only")
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="print N missed, N spurious forms and N base-form errors",
    )
    parser.add_argument("--title", action="store_true", help="analyse the title line with the body")
    args = parser.parse_args()

    docs = read_docs(Path(args.data) / "bsnlp-pl")[: args.limit]
    kronika.analyze("Rozgrzewka.")  # load models outside the timing
    strict = {s: PRF() for s in ("entities", "detector")}
    exact = {s: PRF() for s in ("entities", "detector")}
    part = {s: PRF() for s in ("entities", "detector")}
    found_lemma, all_lemma, identity = Accuracy(), Accuracy(), PRF()
    missed, spurious, seconds = [], [], 0.0

    for doc in docs:
        fold = str.lower if doc.topic in LOWERCASED else (lambda s: s)
        text = f"{doc.title}\n\n{doc.body}" if args.title else doc.body
        start = time.perf_counter()
        record = kronika.analyze(text, date=doc.date)
        seconds += time.perf_counter() - start

        entity_of: dict[str, int] = {}  # form -> first Kronika entity holding it
        sides = {"entities": set(), "detector": set()}  # (form, type)
        for i, entity in enumerate(record.entities):
            for m in entity.mentions:
                entity_of.setdefault(fold(m.text), i)
                sides["entities"].add((fold(m.text), entity.type))
        sides["detector"] = {(fold(m.text), m.type) for m in record.mentions}

        gold_typed = {(fold(f), t) for f, _, t, _ in doc.gold if t in ("PER", "LOC", "ORG")}
        gold_forms = {fold(f) for f, *_ in doc.gold}
        for side, found in sides.items():
            strict[side].add({(f, TYPES[t]) for f, t in found if t in TYPES}, gold_typed)
            forms = {f for f, _ in found}
            fp, fn = exact[side].add(forms, gold_forms)
            part[side].add(forms, gold_forms, partial)
            if side == "entities":
                spurious += [(doc.name, f) for f in sorted(fp)]
                missed += [(doc.name, f) for f in sorted(fn)]

        ids: dict[str, str] = {}
        for form, _, _, xid in doc.gold:
            if fold(form) in entity_of:
                ids.setdefault(fold(form), xid)
        for form, base in dict.fromkeys((f, b) for f, b, _, _ in doc.gold):
            guess = lemmatize_phrase(form)
            all_lemma.add(form, base, guess, fold)
            if fold(form) in entity_of:
                found_lemma.add(form, base, guess, fold)
        pairs = list(combinations(sorted(ids), 2))
        gold_same = {p for p in pairs if ids[p[0]] == ids[p[1]]}
        sys_same = {p for p in pairs if entity_of[p[0]] == entity_of[p[1]]}
        identity.add(sys_same, gold_same)

    n_gold = sum(len(d.gold) for d in docs)
    print(
        f"documents {len(docs)}  topics {len({d.topic for d in docs})}  gold mentions {n_gold}"
        f"  title {'with body' if args.title else 'not analysed'}"
    )
    for side in ("entities", "detector"):
        print(strict[side].line(f"strict [{side}]"))
        print(exact[side].line(f"relaxed exact [{side}]"))
        print(part[side].line(f"relaxed partial [{side}]"))
    print(found_lemma.line("base form, found [lemmatize_phrase]"))
    print(all_lemma.line("base form, all gold [lemmatize_phrase]"))
    print(identity.line("identity pairs [entities]"))
    print(f"speed {len(docs) / seconds:.1f} articles/s ({seconds:.1f} s in kronika.analyze)")

    if args.show_errors:
        n = args.show_errors
        print("\nmissed gold forms:", *(f"  {d}: {f}" for d, f in missed[:n]), sep="\n")
        print("\nspurious system forms:", *(f"  {d}: {f}" for d, f in spurious[:n]), sep="\n")
        print(
            "\nbase-form errors (form, gold, lemmatize_phrase):",
            *(f"  {f} | {g} | {s}" for f, g, s in all_lemma.errors[:n]),
            sep="\n",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
