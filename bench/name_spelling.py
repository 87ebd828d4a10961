"""How names outside the knowledge base are spelt: the out-of-base path on the base's own Polish spellings.

    .venv/bin/python bench/name_spelling.py [--bsnlp ../shared/data/bsnlp-pl] [--errors GROUP] [--json]

Every curated person (and place) of the base that has a Polish spelling (``aliases["pl"]``) gives a case: its
Polish spelling is put through the language pack's ``romanize`` as if the entry were absent (the first-name
evidence is rebuilt without it, leave one out), and the output (the English spelling, or the name as written
when ``romanize`` declines) is compared with the entry's English name, folded as ``../shared/eval/score.py``'s
``norm`` folds names. Cases are grouped by the writing system or romanisation convention of the entry's state
(``GROUPS``); in the Latin-script group only names Polish writes as the English name does count, and they must
stay as written ("Matthew Whitmore"). Four kinds of evidence, as the linker meets them:

- ``bare``: the name alone (no state in the article, none stated);
- ``context``: an article about the person's state (its mentions are the article's state context);
- ``foreign``: an article about another state, of another group (a name met in foreign news: "Tbilisi");
- ``title``: the text states the person's state ("prezydent Iranu X", "amerykański dyplomata X").

Per group and kind: the share spelt right, and for the state the share right and the share wrong (a state
other than the person's: the harmful answer, "Matthev Vhitmore" of Russia). ``--bsnlp``: also the BSNLP Polish
persons whose base form is their cross-lingual id's name (Latin-script names that must stay). Reads no
evaluation set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kronika.kb.base import load_kb  # noqa: E402
from kronika.kb.model import CANONICAL_LANGUAGE  # noqa: E402
from kronika.lang.pl import LANGUAGE  # noqa: E402

ARAB = ("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM").split()
# Writing system or romanisation convention of each state's names; every other state is "latin".
GROUPS = {
    "russian": ["RUS"],
    "ukrainian": ["UKR"],
    "belarusian": ["BLR"],
    "georgian": ["GEO"],
    "armenian": ["ARM"],
    "arabic": ARAB,
    "persian": ["IRN"],
    "pashto-urdu": ["AFG", "PAK"],
    "hebrew": ["ISR"],
    "chinese": ["CHN", "TWN", "HKG"],
    "korean": ["KOR", "PRK"],
    "japanese": ["JPN"],
    "turkish": ["TUR"],
    "turkic": ["AZE", "KAZ", "UZB", "KGZ", "TKM", "TJK", "MNG"],
    "bulgarian": ["BGR"],
    "greek": ["GRC", "CYP"],
    "vietnamese": ["VNM"],
}
GROUP_OF = {state: group for group, states in GROUPS.items() for state in states}
# The state of an article about another group's state, per group (``foreign``): each group's first state,
# Georgia for the Latin-script names ("Matthew Whitmore" in Tbilisi).
FOREIGN = {"latin": "GEO", "russian": "USA", "ukrainian": "USA", "belarusian": "USA"}
KINDS = ("bare", "context", "foreign", "title")


def norm(text: str) -> str:
    """``../shared/eval/score.py``'s key: case, accents, hyphens and spaces folded."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    text = "".join(c if c.isalnum() else " " for c in text.lower())
    return " ".join(text.split())


@dataclass(frozen=True)
class Case:
    polish: str
    english: str
    state: str | None
    group: str
    person: bool
    entry: str  # id of the entry the case comes from (left out of the first-name evidence)


def group_of(state: str | None) -> str:
    return GROUP_OF.get(state or "", "latin")


def kb_cases(kb) -> list[Case]:
    """Cases from the curated entries: each Polish spelling of a full name (two words or more for a person)."""
    cases = []
    for entry in kb:
        if "curated" not in entry.source or entry.type not in ("PER", "GPE", "LOC") or not entry.country:
            continue
        person = entry.type == "PER"
        english = re.sub(r"\s*\(.*\)$", "", entry.name)  # "Park Jin (politician)"
        group = group_of(entry.country) + ("" if person else " places")
        for polish in dict.fromkeys(entry.aliases_in("pl")):
            words = polish.split()
            if not words or not words[0][:1].isupper() or (person and len(norm(polish).split()) < 2):
                continue
            if group.startswith("latin") and norm(polish) != norm(english):
                continue  # a translated name ("Karol III", "Monachium"), which no spelling rule gives
            cases.append(Case(polish, english, entry.country, group, person, entry.id))
    return cases


def bsnlp_cases(folder: Path) -> list[Case]:
    """BSNLP persons written as their id names them: Latin-script names that must stay as written."""
    cases = []
    for line in (folder / "entities_pl.tsv").open(encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if not cells[0].startswith("PER-"):
            continue
        english = cells[0][4:].replace("-", " ")
        polish = cells[2].split("|")[0]
        if len(norm(polish).split()) >= 2 and norm(polish) == norm(english):
            cases.append(Case(polish, english, None, "bsnlp-latin", True, ""))
    return cases


def first_name_rows(kb) -> dict[str, tuple]:
    """The linker's first-name evidence rows (``Linker.first_name_evidence``), by entry id."""

    def first_words(aliases):
        return [w[0] for a in aliases if len(w := a.split()) > 1 and w[0].isalpha() and w[0][:1].isupper()]

    return {
        e.id: (e.country, first_words((e.name, *e.aliases_in(CANONICAL_LANGUAGE))), first_words(e.aliases_in("pl")))
        for e in kb
        if e.type == "PER"
    }


def evidence(case: Case, kind: str) -> tuple[dict, str | None]:
    """(the article's state mentions, the stated state) for a kind of evidence."""
    if kind == "bare" or case.state is None and kind != "foreign":
        return {}, None
    if kind == "context":
        return {case.state: 2}, None
    if kind == "foreign":
        group = case.group.split()[0]
        other = FOREIGN.get(group) or GROUPS[next(g for g in GROUPS if g != group)][0]
        return {other: 2}, None
    return {}, case.state


def run(cases: list[Case], rows: dict[str, tuple], leave_out: bool = True) -> list[dict]:
    """Each case under each kind of evidence: the output name and state; ``leave_out``: the case's entry
    left out of the first-name evidence (else the whole base's, a quicker upper bound)."""
    results = []
    everyone = list(rows.values())
    full = LANGUAGE.first_names(everyone)
    by_entry: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_entry[case.entry].append(case)
    for entry, group in by_entry.items():
        names = LANGUAGE.first_names(v for k, v in rows.items() if k != entry) if leave_out and entry in rows else full
        for case in group:
            for kind in KINDS:
                context, stated = evidence(case, kind)
                spelt = LANGUAGE.romanize(case.polish, context, stated, names, case.person)
                name, state = spelt if spelt else (case.polish, None)
                state = stated or state
                results.append({"case": case, "kind": kind, "name": name, "state": state})
    return results


def summary(results: list[dict]) -> dict:
    """Per group and kind: cases, spelt right, state right, state wrong."""
    table: dict = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for r in results:
        case = r["case"]
        cell = table[case.group][r["kind"]]
        cell[0] += 1
        cell[1] += norm(r["name"]) == norm(case.english)
        cell[2] += r["state"] == case.state or (r["state"] is None and case.group.startswith(("latin", "bsnlp")))
        cell[3] += r["state"] is not None and r["state"] != case.state
    return {g: dict(k) for g, k in table.items()}


def print_table(table: dict) -> None:
    people = [g for g in (*GROUPS, "latin", "bsnlp-latin") if g in table]
    order = people + [g for g in (f"{g} places" for g in (*GROUPS, "latin")) if g in table]
    print("| group | cases | " + " | ".join(f"{k} spelt / state right / state wrong" for k in KINDS) + " |")
    print("|---" * (2 + len(KINDS)) + "|")
    totals = defaultdict(lambda: [0, 0, 0, 0])
    for group in order:
        cells = []
        for kind in KINDS:
            n, spelt, right, wrong = table[group][kind]
            totals[kind] = [a + b for a, b in zip(totals[kind], (n, spelt, right, wrong))]
            cells.append(f"{spelt / n:.2f} / {right / n:.2f} / {wrong / n:.2f}")
        print(f"| {group} | {table[group]['bare'][0]} | " + " | ".join(cells) + " |")
    cells = [f"{t[1] / t[0]:.3f} / {t[2] / t[0]:.3f} / {t[3] / t[0]:.3f}" for t in (totals[k] for k in KINDS)]
    print(f"| all | {totals['bare'][0]} | " + " | ".join(cells) + " |")
    # The mean over groups of people weighs every convention alike, however many names the base has of it.
    # (Places are mostly Polish exonyms, "Moskwa", "Pekin", which no spelling rule gives.)
    means = [sum(table[g][k][1] / table[g][k][0] for g in people) / len(people) for k in KINDS]
    print("| mean of groups of people | | " + " | ".join(f"{m:.3f}" for m in means) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bsnlp", type=Path, default=None, help="the BSNLP Polish folder (entities_pl.tsv)")
    parser.add_argument("--errors", default=None, help="print the wrong cases of this group (or 'all')")
    parser.add_argument("--quick", action="store_true", help="no leaving out of the first-name evidence")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args()
    kb = load_kb()
    cases = kb_cases(kb) + (bsnlp_cases(args.bsnlp) if args.bsnlp else [])
    results = run(cases, first_name_rows(kb), not args.quick)
    table = summary(results)
    if args.json:
        print(json.dumps(table, sort_keys=True))
    else:
        print_table(table)
    if args.errors:
        for r in results:
            case = r["case"]
            if args.errors in ("all", case.group) and (
                norm(r["name"]) != norm(case.english) or r["state"] not in (case.state, None)
            ):
                print(f"{case.group}\t{r['kind']}\t{case.polish}\t-> {r['name']} ({r['state']})\twant {case.english}")


if __name__ == "__main__":
    main()
