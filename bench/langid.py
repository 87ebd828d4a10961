"""The Polish pack's sure-Polish test against lingua, the identifier it lets a one-article start-up skip.

    .venv/bin/python bench/langid.py [--data ../shared/data] [--eval ../shared/eval]

Reads train-pl and dev-pl, the dev story groups (Polish beside English, Russian, Czech, German, French and
more) and the BSNLP Polish news, and for every text compares ``PolishLanguage.surely_written_in`` with lingua's
answer on the same sample: how many texts the test claims, and how many of those lingua calls something else
(this must be 0). Also the CPU seconds of lingua's first answer in a new process, which the test saves.

Then lingua as Kronika asks it (trigrams; for a text under 120 characters, the full models of the five
likeliest languages: ``kronika.lang.langid._identify``) against lingua's default (the full models of every
language under 120 characters) and trigrams alone: their answers on every text's sample and on its openings
of 40, 80 and 110 characters (cut at a space), right against the text's language; and the peak memory and CPU
of a new process's first answer on a short text, lingua's default against Kronika's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import read_bsnlp  # noqa: E402

from kronika.lang import get_language  # noqa: E402
from kronika.lang.langid import SAMPLE_CHARS, _detector, _identify  # noqa: E402

# One example article, as `kronika analyze` of it would ask (lingua's cost depends on the sample's length).
# A short Polish sentence (101 characters): the kind of text that loads lingua's one-to-five-letter models.
# The peak is the process's own (VmHWM): ru_maxrss would carry this benchmark's own peak into the child.
SHORT_CALL = (
    "import sys, time; from lingua import LanguageDetectorBuilder as B; "
    "from kronika.lang.langid import _identify; "
    "text = 'Premier spotkał się z ministrem w Warszawie, a rozmowy dotyczyły bezpieczeństwa regionu i współpracy.'; "
    "d = B.from_all_languages().build() if sys.argv[1] == 'default' else None; "
    "t = time.process_time(); d.detect_language_of(text) if d else _identify(text); "
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; "
    "print(time.process_time() - t, int(hwm) // 1024)"
)
OPENINGS = (40, 80, 110)
FIRST_CALL = (
    "import time; from kronika.lang.langid import _detector, SAMPLE_CHARS; "
    "text = open('examples/001_xi_putin_pekin.txt', encoding='utf-8').read()[:SAMPLE_CHARS]; "
    "t = time.process_time(); _detector().detect_language_of(text); print(time.process_time() - t)"
)


def texts(eval_dir: Path, data_dir: Path) -> dict[str, list[tuple[str, str]]]:
    """(expected language, text) per source."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name in ("train/train-pl.jsonl", "dev/dev-pl.jsonl", "dev/stories.jsonl"):
        rows = [json.loads(line) for line in (eval_dir / name).open(encoding="utf-8") if line.strip()]
        out[name] = [(row.get("lang", "pl"), row["text"]) for row in rows]
    out["bsnlp-pl"] = [("pl", doc.text) for doc in read_bsnlp(data_dir / "bsnlp-pl", None)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    args = parser.parse_args()
    polish = get_language("pl")
    print("| source | texts | claimed Polish by the test | of those, lingua says otherwise | not Polish by lingua |")
    print("|---|---|---|---|---|")
    sources = texts(Path(args.eval), Path(args.data))
    for name, rows in sources.items():
        claimed = wrong = foreign = 0
        for _, text in rows:
            sample = text[:SAMPLE_CHARS]
            found = _identify(sample)
            code = found.iso_code_639_1.name.lower() if found else None
            foreign += code != "pl"
            if polish.surely_written_in(sample):
                claimed += 1
                wrong += code != "pl"
        print(f"| {name} | {len(rows)} | {claimed} | {wrong} | {foreign} |")
    seconds = min(
        float(
            subprocess.run(
                [sys.executable, "-c", FIRST_CALL], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(3)
    )
    print(f"\nlingua's first answer in a new process (best of 3): {seconds:.2f} s CPU")
    modes(sources)
    return 0


def _code(found) -> str | None:
    return found.iso_code_639_1.name.lower() if found is not None else None


def modes(sources: dict[str, list[tuple[str, str]]]) -> None:
    """Kronika's lingua against lingua's default, on whole samples and on short openings."""
    from lingua import LanguageDetectorBuilder

    default = LanguageDetectorBuilder.from_all_languages().build()
    readers = {"default": default.detect_language_of, "trigrams": _detector().detect_language_of, "Kronika": _identify}
    print("\n| source | samples of 120+ characters: same answer | openings | right: " + " / ".join(readers) + " |")
    print("|---|---|---|---|")
    for name, rows in sources.items():
        long = [text[:SAMPLE_CHARS] for _, text in rows if len(text[:SAMPLE_CHARS]) >= 120]
        same = sum(_code(default.detect_language_of(s)) == _code(_identify(s)) for s in long)
        openings = [(lang, text[:cut].rsplit(" ", 1)[0]) for lang, text in rows for cut in OPENINGS]
        right = [sum(_code(read(s)) == lang for lang, s in openings) for read in readers.values()]
        print(f"| {name} | {same} of {len(long)} | {len(openings)} | {' / '.join(map(str, right))} |")
    for mode in ("default", "Kronika"):
        run = subprocess.run(
            [sys.executable, "-c", SHORT_CALL, mode], capture_output=True, text=True, check=True, cwd=ROOT
        )
        seconds, mib = run.stdout.split()
        print(f"first answer on a 101-character text, {mode}: {float(seconds):.2f} s CPU, peak {mib} MiB")


if __name__ == "__main__":
    raise SystemExit(main())
