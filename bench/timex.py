"""Temporal expressions: Kronika's time stage against gold (evaluation runner, not a test).

KPWr (``data/kpwr-timex-liner2``): each document is rebuilt from its CCL XML (tokens joined with the
spacing the XML records), so precision counts every sentence, not only those with a gold timex; the gold
timexes come from ``timexes.tsv`` with the document creation date ``dct`` as the dateline. Scores:

- span P/R/F1 *strict* (same start and end) and *relaxed* (overlapping spans, one-to-one);
- type accuracy and value accuracy over the relaxed matches whose gold has a value (KPWr leaves SETs
  without one), so a convention difference in spans ("w 2011 r." vs KPWr's "2011 r.") does not hide the
  value; value recall counts the right values over all gold timexes with a value.

KPWr's spans leave prepositions out and Kronika's keep them (``eval/GUIDE.md``), hence the low strict F1.
The baseline is ``dateparser.search.search_dates`` on each sentence with the dct as ``RELATIVE_BASE``.

Then the gold articles of ``eval/dev`` (seed and dev-pl): the pipeline's segmentation and the time stage
write records, ``eval/score.py`` grades them, and its timex lines are printed.

    .venv/bin/python bench/timex.py [--shared ../shared] [--show-errors 20] [--no-baseline] [--skip-kpwr]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kronika.lang import get_language  # noqa: E402
from kronika.record import Document  # noqa: E402
from kronika.stages.segment import SegmentStage  # noqa: E402
from kronika.stages.time import TimeStage  # noqa: E402

KPWR = "data/kpwr-timex-liner2"
GOLD_FILES = ("eval/dev/seed.jsonl", "eval/dev/dev-pl.jsonl")
PART_OF_DAY = ("TMO", "TAF", "TEV", "TNI", "TDT", "TMI")


@dataclass
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    sentence: str = ""


@dataclass
class KpwrDoc:
    id: str
    dct: str | None
    text: str
    sentences: list[tuple[int, int]]
    gold: list[Span]


def _ini_date(path: Path) -> str | None:
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "date":
            return value.strip() or None
    return None


def read_kpwr(shared: Path) -> list[KpwrDoc]:
    """Every document of the folder (also those without a timex, so extras count against precision)."""
    folder = shared / KPWR
    rows = defaultdict(list)
    dcts = {}
    with (folder / "timexes.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows[row["doc"]].append(row)
            dcts[row["doc"]] = row["dct"] or None
    docs = []
    for path in sorted(folder.glob("*/*.xml")):
        doc_id = f"{path.parent.name}/{path.stem}"
        dct = dcts[doc_id] if doc_id in dcts else _ini_date(path.with_suffix(".ini"))
        root = ET.parse(path).getroot()
        pieces, offset, sentences, token_spans = [], 0, [], {}
        for chunk in root.iter("chunk"):
            if pieces:
                pieces.append("\n\n")
                offset += 2
            for sentence in chunk.iter("sentence"):
                spans, space = [], bool(sentences) and pieces[-1] != "\n\n"
                for element in sentence:
                    if element.tag == "ns":
                        space = False
                    elif element.tag == "tok":
                        if space:
                            pieces.append(" ")
                            offset += 1
                        orth = element.findtext("orth")
                        pieces.append(orth)
                        spans.append((offset, offset + len(orth)))
                        offset += len(orth)
                        space = True
                if spans:
                    sentences.append((spans[0][0], spans[-1][1]))
                    token_spans[sentence.get("id")] = spans
        text = "".join(pieces)
        gold = []
        for row in rows.get(doc_id, []):
            spans = token_spans[row["sent_id"]]
            start, end = spans[int(row["tok_start"])][0], spans[int(row["tok_end"])][1]
            gold.append(Span(start, end, text[start:end], row["type"], row["val"] or None, row["sentence"]))
        docs.append(KpwrDoc(doc_id, dct, text, sentences, gold))
    return docs


def kronika_spans(doc: KpwrDoc, segment, time_stage) -> list[Span]:
    record = time_stage(segment(Document(text=doc.text, date=doc.dct)))
    return [Span(t.start, t.end, t.text, t.type, t.value) for t in record.timexes]


def dateparser_spans(doc: KpwrDoc) -> list[Span]:
    from dateparser.search import search_dates

    settings = {}
    if doc.dct:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(doc.dct)
    out = []
    for s_start, s_end in doc.sentences:
        sentence = doc.text[s_start:s_end]
        found = search_dates(sentence, languages=["pl"], settings=settings) or []
        cursor = 0
        for text, when in found:
            i = sentence.find(text, cursor)
            if i < 0:
                continue
            cursor = i + len(text)
            has_time = (when.hour, when.minute) != (0, 0)
            value = when.strftime("%Y-%m-%dT%H:%M") if has_time else when.strftime("%Y-%m-%d")
            out.append(Span(s_start + i, s_start + cursor, text, "TIME" if has_time else "DATE", value))
    return out


def fold(value: str | None) -> str | None:
    """The part of day folded into its day, as ``eval/score.py`` does: 2025-09-04TEV counts as 2025-09-04."""
    if value is None:
        return None
    for part in PART_OF_DAY:
        if value.endswith(part):
            return value[: -len(part)]
    return value


def same_under_conventions(system: Span, gold: Span, dated: bool = True) -> bool | None:
    """Whether two values agree once KPWr's conventions are allowed for; None when they cannot be compared.

    - KPWr writes VAGUE where TIMEX3 writes PXY, PTXH (an unknown number of units);
    - KPWr splits a range ("1972-1992", "3-10 sierpnia") into two timexes, Kronika keeps one interval:
      a gold endpoint of the interval agrees;
    - KPWr leaves unresolved positions as x ("2009-Wxx", "xxxx-08-31", "T18:00"): a value that fills
      them in agrees;
    - KPWr writes hours without the T of TIMEX3 durations (P20000H for PT20000H);
    - KPWr marks the quantity of "dwa lata temu", "za tydzień", "dzień wcześniej" as a DURATION, Kronika the
      whole as the DATE it points to: those values cannot be compared (None);
    - in a document without a dct Kronika leaves relative expressions unresolved by design, while KPWr's
      annotators resolved them against a date the data does not give: not comparable (None);
    - KPWr's all-x values ("xxxx", "xxxx-xx-xx") mean "some unknown time": a vague reference (PAST_REF) or
      an unresolved value agrees.
    """
    s, g = fold(system.value), fold(gold.value)
    if s is None and not dated:
        return None
    if g is not None and re.fullmatch(r"[x-]+", g):
        return s is None or s in ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
    if s is None or g is None:
        return s == g
    if gold.type == "DURATION" and system.type in ("DATE", "TIME"):
        return None
    if g == "VAGUE":
        return bool(re.match(r"^PT?X", s)) or s in ("PAST_REF", "FUTURE_REF", "PRESENT_REF")
    candidates = s.split("/") if "/" in s else [s]
    for candidate in candidates:
        candidate = fold(candidate)
        if candidate == g or candidate.replace("PT", "P") == g.replace("PT", "P"):
            return True
        if re.search("[xX]", g) or g.startswith("T"):
            pattern = re.escape(g).replace("x", "[0-9]").replace("X", "[0-9]")
            if re.fullmatch(pattern, candidate) or (g.startswith("T") and re.search(pattern + "$", candidate)):
                return True
    return False


def score(docs: list[KpwrDoc], system: dict[str, list[Span]]) -> tuple[dict, list[str]]:
    n_gold = n_sys = strict = relaxed = typed = valued = right = 0
    comparable = agreeing = 0
    gold_with_value = 0
    errors = []
    for doc in docs:
        spans = system[doc.id]
        n_gold += len(doc.gold)
        n_sys += len(spans)
        exact = {(s.start, s.end) for s in spans}
        strict += sum((g.start, g.end) in exact for g in doc.gold)
        used = set()
        for g in doc.gold:
            gold_with_value += g.value is not None
            best = None
            for i, s in enumerate(spans):
                if i in used or s.end <= g.start or s.start >= g.end:
                    continue
                overlap = min(s.end, g.end) - max(s.start, g.start)
                if best is None or overlap > best[0]:
                    best = (overlap, i)
            if best is None:
                errors.append(f"{doc.id} [{doc.dct}] MISSED {g.text!r} {g.type} {g.value}   | {g.sentence[:150]}")
                continue
            used.add(best[1])
            s = spans[best[1]]
            relaxed += 1
            if g.value is None:
                continue
            valued += 1
            typed += s.type == g.type
            agrees = same_under_conventions(s, g, dated=doc.dct is not None)
            comparable += agrees is not None
            agreeing += bool(agrees)
            if fold(s.value) == fold(g.value):
                right += 1
            else:
                errors.append(
                    f"{doc.id} [{doc.dct}] VALUE {g.text!r} gold {g.type} {g.value}; system {s.text!r} "
                    f"{s.type} {s.value}   | {g.sentence[:150]}"
                )
        for i, s in enumerate(spans):
            if i not in used:
                context = doc.text[max(0, s.start - 60) : s.end + 40].replace("\n", " ")
                errors.append(f"{doc.id} [{doc.dct}] EXTRA {s.text!r} {s.type} {s.value}   | {context}")

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    metrics = {
        "strict": prf(strict),
        "relaxed": prf(relaxed),
        "type_acc": typed / valued if valued else 0.0,
        "value_acc": right / valued if valued else 0.0,
        "value_recall": right / gold_with_value if gold_with_value else 0.0,
        "value_acc_conventions": agreeing / comparable if comparable else 0.0,
        "conventions": (agreeing, comparable),
        "counts": (n_gold, n_sys, relaxed, valued, right),
    }
    return metrics, errors


def report_line(name: str, m: dict) -> str:
    (sp, sr, sf), (rp, rr, rf) = m["strict"], m["relaxed"]
    n_gold, n_sys, relaxed, valued, right = m["counts"]
    return (
        f"{name:10s} span strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f}"
        f" | type acc {m['type_acc']:.3f} | value acc {m['value_acc']:.3f} ({right}/{valued})"
        f" | value acc under KPWr conventions {m['value_acc_conventions']:.3f} ({m['conventions'][0]}/"
        f"{m['conventions'][1]}) | value recall {m['value_recall']:.3f} (gold {n_gold}, system {n_sys})"
    )


def run_kpwr(shared: Path, show_errors: int, baseline: bool) -> None:
    docs = read_kpwr(shared)
    language = get_language("pl")
    segment, time_stage = SegmentStage(language), TimeStage(language)
    started = time.perf_counter()
    systems = {"Kronika": {d.id: kronika_spans(d, segment, time_stage) for d in docs}}
    elapsed = {"Kronika": time.perf_counter() - started}
    if baseline:
        try:
            import dateparser  # noqa: F401
        except ImportError:
            sys.exit("dateparser is missing: .venv/bin/pip install dateparser (or run with --no-baseline)")
        started = time.perf_counter()
        systems["dateparser"] = {d.id: dateparser_spans(d) for d in docs}
        elapsed["dateparser"] = time.perf_counter() - started
    print(
        f"KPWr timex (Liner2 subset): {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold timexes, "
        f"{sum(len(d.sentences) for d in docs)} sentences"
    )
    for name, spans in systems.items():
        metrics, errors = score(docs, spans)
        print(report_line(name, metrics) + f" [{elapsed[name]:.1f}s]")
        if show_errors and name == "Kronika":
            for line in errors[:show_errors]:
                print("   ", line)


def run_gold(shared: Path, show_errors: bool) -> None:
    language = get_language("pl")
    segment, time_stage = SegmentStage(language), TimeStage(language)
    scorer = shared / "eval" / "score.py"
    for relative in GOLD_FILES:
        gold_path = shared / relative
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
            for line in gold_path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                gold = json.loads(line)
                doc = Document(text=gold["text"], id=gold["id"], date=gold.get("date"), lang=gold.get("lang"))
                out.write(time_stage(segment(doc)).to_json(tokens=False) + "\n")
        command = [sys.executable, str(scorer), str(gold_path), out.name] + (["--show-errors"] if show_errors else [])
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        print(f"{relative}:")
        for line in result.stdout.splitlines():
            if "timex" in line:
                print("   ", line)
        Path(out.name).unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="list N KPWr errors and the dev ones")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser (slow)")
    ap.add_argument("--skip-kpwr", action="store_true", help="only the eval/dev gold articles")
    args = ap.parse_args()
    if not args.skip_kpwr:
        run_kpwr(args.shared, args.show_errors, not args.no_baseline)
    run_gold(args.shared, bool(args.show_errors))


if __name__ == "__main__":
    main()
