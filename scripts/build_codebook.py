"""Regenerate the committed event codebook (kronika/codebook/data/*.tsv) from its sources.

Sources (facts carry over; the descriptions taken from the PLOVER manual stay under CC BY-SA 4.0, see
kronika/codebook/data/NOTICE.md):
  ../shared/data/plover/CAMEO2PLOVER-2021.txt     CAMEO code -> PLOVER type, mode, context, most CAMEO names
                                                  (Open Event Data Alliance, P. Schrodt, 2021; CC BY-SA 4.0)
  ../shared/data/plover/PLOVER_MANUAL.tex         PLOVER 0.8 types, modes, contexts, quad categories, scores
  ../shared/data/cameo/CAMEO.goldsteinscale.txt   GDELT's CAMEO -> Goldstein lookup
  CAMEO_NAMES below                               names the crosswalk lacks (roots, 01x, 02x) or misspells,
                                                  from the CAMEO 1.1b3 codebook (Schrodt 2012)

Usage:
  .venv/bin/python scripts/build_codebook.py [--shared ../shared] [--check]  # --check: compare only
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kronika" / "codebook" / "data"

# CAMEO 1.1b3 names that the crosswalk does not carry: the roots, the two roots PLOVER dropped (01 statements,
# 02 appeals), two codes missing from GDELT's Goldstein table, and the crosswalk's typos.
CAMEO_NAMES = {
    "01": "MAKE PUBLIC STATEMENT",
    "02": "APPEAL",
    "03": "EXPRESS INTENT TO COOPERATE",
    "04": "CONSULT",
    "05": "ENGAGE IN DIPLOMATIC COOPERATION",
    "06": "ENGAGE IN MATERIAL COOPERATION",
    "07": "PROVIDE AID",
    "08": "YIELD",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "EXHIBIT FORCE POSTURE",
    "16": "REDUCE RELATIONS",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "USE UNCONVENTIONAL MASS VIOLENCE",
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation, not specified below",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for material aid, not specified below",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform, not specified below",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield, not specified below",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
    # Typos and placeholders in the crosswalk's comments.
    "055": "Apologize",
    "0813": "Ease curfew",
    "100": "Demand, not specified below",
    "1444": "Obstruct passage to demand change in institutions, regime",
    "175": "Use tactics of violent repression",
}

# The two CAMEO roots that PLOVER dropped: statements and appeals have no PLOVER type.
DROPPED_ROOTS = {"01", "02"}
# Root 08 YIELD splits: 080-083 are verbal (CONCEDE), 084-087 material (RETREAT); the root has no one type.
SPLIT_ROOTS = {"08": "CONCEDE (080-083) | RETREAT (084-087)"}

# QuadClass by CAMEO root, the convention of GDELT's event data and of Phoenix (which adds 0 for 01-02):
# verbal cooperation 01-05, material cooperation 06-08, verbal conflict 09-13, material conflict 14-20.
QUAD_BY_ROOT = {f"{r:02d}": (1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)}

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# One-line definitions of the sixteen types, summarised from the manual's chapter "Event Categories"; the
# first field is the manual's "Requires recipient".
PLOVER_DEFINITIONS = {
    "AGREE": ("no", "Agree to, offer or promise cooperation; future CONSULT/SUPPORT/COOPERATE/AID"),
    "CONSULT": ("no", "Meetings, visits (visitor actor, host recipient), talks, negotiations, calls"),
    "SUPPORT": ("no", "Diplomatic, non-material cooperation: praise, endorse, recognise, sign agreements"),
    "CONCEDE": ("no", "Verbal concessions without immediate material effect: pardons, regrets, truces"),
    "COOPERATE": ("yes", "Mutual material cooperation: economic, military (joint exercises), judicial"),
    "AID": ("yes", "Material aid benefiting mainly the recipient: economic, military, humanitarian, asylum"),
    "RETREAT": ("no", "Concessions with material effect: withdrawal, release, disarmament, ceasefire"),
    "REQUEST": ("no", "Requests, demands and orders, less forceful than threats"),
    "ACCUSE": ("no", "Disapprove, condemn, criticise, accuse, sue, investigate"),
    "REJECT": ("no", "Rejections and refusals"),
    "THREATEN": ("no", "Threats and coercive warnings with serious potential repercussions"),
    "PROTEST": ("no", "Civilian demonstrations and collective protest: demos, riots, strikes, boycotts"),
    "SANCTION": ("yes", "Reducing existing relations: sanctions, expelling diplomats, halting aid or talks"),
    "MOBILIZE": ("no", "Military or police moves short of the use of force: alerts, deployments, exercises"),
    "COERCE": ("no", "Repression short of violence: arrests, seizures, bans, curfews, deportations"),
    "ASSAULT": ("no", "Deliberate actions that can cause substantial physical harm: attacks, killings"),
}

# PLOVER's own quad category for each type (manual, "Quad category" of each type). It differs from CAMEO's
# root-based QuadClass for CONCEDE: PLOVER calls it verbal cooperation, CAMEO 08 YIELD is material.
PLOVER_QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

# Mode tables of the manual, by caption; REQUEST and REJECT share theirs.
MODE_CAPTIONS = {
    "CONSULT modes": "CONSULT",
    "RETREAT modes": "RETREAT",
    "REQUEST modes": "REQUEST",
    r"\plcat{ACCUSE} modes": "ACCUSE",
    r"\plcat{REJECT} modes": "REJECT",
    "THREATEN modes": "THREATEN",
    "PROTEST modes": "PROTEST",
    "SANCTION modes": "SANCTION",
    "MOBILIZE modes": "MOBILIZE",
    "COERCE modes": "COERCE",
    "ASSAULT modes": "ASSAULT",
}


def latex_text(text: str) -> str:
    """Plain text of a LaTeX table cell."""
    commands = r"hyperref\[[^\]]*\]|textit|emph|ti|txt|plcat|plcon|plmod|texttt"
    text = re.sub(r"\\(?:" + commands + r")\{([^{}]*)\}", r"\1", text)
    for latex, plain in (("\\_", "_"), ("---", " - "), ("``", '"'), ("''", '"'), ("`", "'")):
        text = text.replace(latex, plain)
    text = re.sub(r"\\[a-zA-Z]+", "", text).replace("{", "").replace("}", "").replace("$", "")
    return re.sub(r"\s+", " ", text).strip()


def table_rows(body: str) -> list[tuple[str, str]]:
    """(name, content) pairs of a two-column LaTeX table body, commented rows and the header left out."""
    body = "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("%"))
    rows = []
    for raw in body.split("\\\\"):
        cells = raw.replace("\\hline", "").split("&")
        if len(cells) < 2:
            continue
        name, content = latex_text(cells[0]), latex_text("&".join(cells[1:]))
        if not name and rows and content:
            # A description wrapped onto a second row with an empty name cell (THREATEN 'restrict').
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {content}")
        elif name and name != "Name":
            rows.append((name, content))
    return rows


Rows = list[tuple[str, str]]


def read_manual(path: Path) -> tuple[dict[str, Rows], Rows, dict[str, float]]:
    tex = path.read_text(encoding="utf-8")
    modes: dict[str, list[tuple[str, str]]] = {}
    for caption, ptype in MODE_CAPTIONS.items():
        start = tex.index("\\caption{" + caption)
        begin = tex.index("\\hline\nName & Content", start)
        end = tex.index("\\end{tabular}", begin)
        rows = table_rows(tex[begin:end])
        modes[ptype] = rows
    begin = tex.index("\\endlastfoot")
    end = tex.index("\\end{longtable}", begin)
    contexts = table_rows(tex[begin + len("\\endlastfoot") : end])
    # PLOVER scores: cells "TYPE: Mode & score" of the scores table; an older version of it is commented out.
    start = tex.index("\n\\caption{PLOVER conflict--cooperation scores}")
    table = tex[start : tex.index("\\end{tabular}", start)]
    scores = {}
    for label, value in re.findall(
        r"(?:\\cellcolor\{gray!25\})?([A-Z]+(?:: [A-Za-z-]+)?)\s*&\s*"
        r"(?:\\cellcolor\{gray!25\})?\s*(-?\d+(?:\.\d+)?)",
        table,
    ):
        ptype, _, mode = label.partition(": ")
        scores[f"{ptype}:{mode.lower()}" if mode else ptype] = float(value)
    return modes, contexts, scores


def read_crosswalk(path: Path) -> dict[str, dict]:
    """code -> {type, mode, context, name, heading}; the first line of a repeated code wins (175 is listed
    twice, 08 heads both CONCEDE and RETREAT). ``heading`` is the root whose block lists the code."""
    out: dict[str, dict] = {}
    heading = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        if len(code) == 2:
            heading = code
        rest, _, comment = rest.partition("#")
        fields = [f.strip() for f in rest.split(",")]
        fields += [""] * (3 - len(fields))
        if code in out:
            continue
        contexts = [c.strip() for c in fields[2].split(";") if c.strip()]
        out[code] = {
            "type": fields[0],
            "mode": fields[1].strip(),
            "context": contexts,
            "name": comment.strip(),
            "heading": heading,
        }
    return out


def read_goldstein(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0].isdigit():
            out[parts[0]] = float(parts[1])
    return out


def build(shared: Path) -> dict[str, str]:
    plover = shared / "data" / "plover"
    crosswalk = read_crosswalk(plover / "CAMEO2PLOVER-2021.txt")
    goldstein = read_goldstein(shared / "data" / "cameo" / "CAMEO.goldsteinscale.txt")
    modes, contexts, scores = read_manual(plover / "PLOVER_MANUAL.tex")
    context_names = {name for name, _ in contexts}

    codes = sorted(set(goldstein) | set(crosswalk) | set(CAMEO_NAMES), key=lambda c: (c[:2], len(c) > 2, c))
    cameo_lines = [
        "# CAMEO event codes (CAMEO 1.1b3, Schrodt 2012) with GDELT's Goldstein values, the QuadClass",
        "# of their root (01-05 verbal cooperation 1, 06-08 material cooperation 2, 09-13 verbal conflict 3,",
        "# 14-20 material conflict 4) and the CAMEO->PLOVER crosswalk (CAMEO2PLOVER-2021.txt, Open Event",
        "# Data Alliance, CC BY-SA 4.0; see NOTICE.md). Generated by scripts/build_codebook.py: edit the",
        "# script or its sources, not this file. goldstein is empty where GDELT's table has no value (the",
        "# loader falls back to the parent code, then the root); plover_context holds several contexts",
        "# separated by '|'; note says where the crosswalk is silent or disagrees with the PLOVER manual.",
        "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\tnote",
    ]
    for code in codes:
        root = code[:2]
        entry = crosswalk.get(code, {})
        name = CAMEO_NAMES.get(code) or entry.get("name", "")
        if not name:
            raise SystemExit(f"CAMEO code {code} has no name: add it to CAMEO_NAMES in {__file__}")
        ptype, mode, ctx = entry.get("type", ""), entry.get("mode", ""), list(entry.get("context", []))
        notes = []
        if root in DROPPED_ROOTS:
            notes.append("PLOVER dropped CAMEO statements and appeals: no PLOVER type")
        elif root in SPLIT_ROOTS and code == root:
            ptype = ""
            notes.append("root splits: " + SPLIT_ROOTS[root])
        elif not ptype:
            notes.append("not in the crosswalk")
        if ptype and ptype not in PLOVER_TYPES:
            raise SystemExit(f"crosswalk gives {code} the unknown PLOVER type {ptype!r}")
        if entry.get("heading") and entry["heading"] != root:
            notes.append(f"crosswalk lists it under root {entry['heading']}")
        if ptype and len(code) > 2:
            known_modes = {m for m, _ in modes.get(ptype, [])}
            if mode and mode not in known_modes:
                notes.append(f"crosswalk mode '{mode}' is not among the manual's {ptype} modes")
            elif not mode and known_modes:
                notes.append(f"crosswalk gives no mode; {ptype} has modes")
        for c in ctx:
            if c not in context_names:
                notes.append(f"crosswalk context '{c}' is not a PLOVER 0.8 context")
        if code in crosswalk and goldstein.get(code) is None:
            notes.append("no Goldstein value in GDELT's table")
        value = goldstein.get(code)
        shown = "" if value is None else f"{value:.1f}"
        cameo_lines.append(
            "\t".join([code, name, shown, str(QUAD_BY_ROOT[root]), ptype, mode, "|".join(ctx), "; ".join(notes)])
        )

    plover_lines = [
        "# PLOVER 0.8 (Open Event Data Alliance, 2021; CC BY-SA 4.0, see NOTICE.md): the sixteen event types",
        "# with their modes and the general contexts, summarised from PLOVER_MANUAL.tex. Generated by",
        "# scripts/build_codebook.py. kind: type | mode | context; quad_class is PLOVER's own quad",
        "# category of the type; requires_recipient is the manual's 'Requires recipient'; score is the",
        "# manual's PLOVER score.",
        "kind\ttype\tname\tquad_class\trequires_recipient\tscore\tdefinition",
    ]
    for ptype in PLOVER_TYPES:
        required, definition = PLOVER_DEFINITIONS[ptype]
        score = scores.get(ptype)
        plover_lines.append(
            "\t".join(
                [
                    "type",
                    ptype,
                    ptype,
                    str(PLOVER_QUAD[ptype]),
                    required,
                    "" if score is None else f"{score:g}",
                    definition,
                ]
            )
        )
        for mode, content in modes.get(ptype, []):
            mscore = scores.get(f"{ptype}:{mode}")
            shown = "" if mscore is None else f"{mscore:g}"
            plover_lines.append("\t".join(["mode", ptype, mode, "", "", shown, content]))
    for name, content in contexts:
        plover_lines.append("\t".join(["context", "", name, "", "", "", content]))
    return {"cameo.tsv": "\n".join(cameo_lines) + "\n", "plover.tsv": "\n".join(plover_lines) + "\n"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the ../shared checkout")
    parser.add_argument("--check", action="store_true", help="compare with the committed tables only")
    args = parser.parse_args(argv)
    tables = build(args.shared)
    stale = []
    for name, text in tables.items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        DATA.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {text.count(chr(10)) - text.count(chr(10) + '#') - 2} rows")
    if stale:
        print("stale: " + ", ".join(stale) + " (run scripts/build_codebook.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
