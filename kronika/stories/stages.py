"""The stages that run for a language without a pack: knowledge-base names and written dates.

They give a record in any language what cross-lingual story clustering needs (entities with their
mentions, full dates) without pretending to analyse the language: no sentences, tokens or events.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kronika.record import Document, Timex

_ISO_DAY = re.compile(r"(?<![\d\-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d\-])")
_DMY = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?!\d)")


class AliasEntityStage:
    """Entities by knowledge-base alias matching (``kronika/stories/aliases.py``), any language or script; in a
    text of a script without capital letters (Arabic, Hebrew) through consonant skeletons (``skeleton.py``)."""

    name = "alias_entities"
    requires = ("text",)
    assigns = ("entities",)

    def __call__(self, doc: Document) -> Document:
        from kronika.stories.aliases import load_matcher
        from kronika.stories.skeleton import caseless, load_skeleton_matcher

        doc.entities = load_matcher().find(doc.text)
        if caseless(doc.text):
            known = {e.id for e in doc.entities}
            doc.entities += [e for e in load_skeleton_matcher().find(doc.text) if e.id not in known]
        return doc


class WrittenDateStage:
    """Full dates and months with their year, as TIMEX3 DATE values: in digits (2025-09-10, 10.09.2025), read
    the same everywhere, and in words ("15 January 2019", "15. ledna 2019", "enero de 2019") for the
    languages ``months.tsv`` has month names for: shared full dates are evidence of one story, in any
    language."""

    name = "written_dates"
    requires = ("text",)
    assigns = ("timexes",)

    def __call__(self, doc: Document) -> Document:
        found = []
        for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_DMY, (2, 1, 0))):
            for match in pattern.finditer(doc.text):
                year, month, day = (int(match.group(i + 1)) for i in order)
                value = _iso(year, month, day)
                if value:
                    found.append(Timex(match.start(), match.end(), match.group(), "DATE", value))
        words = _month_pattern(doc.lang)
        if words is not None:
            pattern, months = words
            taken = [(t.start, t.end) for t in found]
            for match in pattern.finditer(doc.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                day = match.group("d1") or match.group("d2")
                month = months[match.group("m").lower()]
                value = _iso(int(match.group("y")), month, int(day)) if day else f"{match.group('y')}-{month:02d}"
                if value:
                    found.append(Timex(match.start(), match.end(), match.group(), "DATE", value))
        doc.timexes = sorted(found, key=lambda t: t.start)
        return doc


def _iso(year: int, month: int, day: int) -> str | None:
    from datetime import date as Date

    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None  # 31.02.2025 is not a date


@cache
def month_names() -> dict[str, dict]:
    """``months.tsv``: per language, month form -> number, and the connecting words and ordinal suffixes."""
    tables: dict[str, dict] = {}
    for line in (Path(__file__).parent / "months.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, what, forms = line.split("\t")
        table = tables.setdefault(lang, {"months": {}, "connect": [], "ordinal": []})
        if what in ("connect", "ordinal"):
            table[what].extend(forms.split(","))
        else:
            table["months"].update((form, int(what)) for form in forms.split(","))
    return tables


@cache
def _month_pattern(lang: str | None):
    table = month_names().get(lang or "")
    if table is None:
        return None

    def alternatives(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    ordinal = f"(?:{alternatives(table['ordinal'])})?" if table["ordinal"] else ""
    connect = rf"(?:(?:{alternatives(table['connect'])})\s+)?" if table["connect"] else ""
    # "15 January 2019", "15. Januar 2019", "15 de enero de 2019", "January 15, 2019", "January 2019".
    pattern = (
        rf"(?<![\w.])(?:(?P<d1>[0-3]?\d){ordinal}\.?\s+{connect})?"
        rf"(?P<m>{alternatives(table['months'])})(?!\w)\.?"
        rf"(?:\s+(?P<d2>[0-3]?\d){ordinal}(?!\d))?,?\s+{connect}(?P<y>(?:19|20)\d\d)(?!\d)"
    )
    return re.compile(pattern, re.IGNORECASE), table["months"]


def foreign_stages() -> list:
    return [AliasEntityStage(), WrittenDateStage()]
