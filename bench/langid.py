"""The Polish pack's sure-Polish test against lingua, the identifier it lets a one-article start-up skip.

    .venv/bin/python bench/langid.py [--data ../shared/data] [--eval ../shared/eval]

Reads train-pl and dev-pl, the dev story groups (Polish beside English, Russian, Czech, German, French and
more) and the BSNLP Polish news, and for every text compares ``PolishLanguage.surely_written_in`` with lingua's
answer on the same sample: how many texts the test claims, and how many of those lingua calls something else
(this must be 0). Also the CPU seconds of lingua's first answer in a new process, which the test saves.
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
from kronika.lang.langid import SAMPLE_CHARS, _detector  # noqa: E402

# One example article, as `kronika analyze` of it would ask (lingua's cost depends on the sample's length).
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
    for name, rows in texts(Path(args.eval), Path(args.data)).items():
        claimed = wrong = foreign = 0
        for _, text in rows:
            sample = text[:SAMPLE_CHARS]
            found = _detector().detect_language_of(sample)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
