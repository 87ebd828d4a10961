"""The stages that run for a language without a pack: knowledge-base names and dates written in digits.

They give a record in any language what cross-lingual story clustering needs (entities with their
mentions, full dates) without pretending to analyse the language: no sentences, tokens or events.
"""

from __future__ import annotations

import re

from kronika.record import Document, Timex

_ISO_DAY = re.compile(r"(?<![\d\-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d\-])")
_DMY = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?!\d)")


class AliasEntityStage:
    """Entities by knowledge-base alias matching (``kronika/stories/aliases.py``), any language or script."""

    name = "alias_entities"
    requires = ("text",)
    assigns = ("entities",)

    def __call__(self, doc: Document) -> Document:
        from kronika.stories.aliases import load_matcher

        doc.entities = load_matcher().find(doc.text)
        return doc


class DigitDateStage:
    """Full dates written in digits (2025-09-10, 10.09.2025) as TIMEX3 DATE values: read the same everywhere."""

    name = "digit_dates"
    requires = ("text",)
    assigns = ("timexes",)

    def __call__(self, doc: Document) -> Document:
        from datetime import date as Date

        found = []
        for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_DMY, (2, 1, 0))):
            for match in pattern.finditer(doc.text):
                year, month, day = (int(match.group(i + 1)) for i in order)
                try:
                    value = Date(year, month, day).isoformat()
                except ValueError:
                    continue  # 31.02.2025 is not a date
                found.append(Timex(match.start(), match.end(), match.group(), "DATE", value))
        doc.timexes = sorted(found, key=lambda t: t.start)
        return doc


def foreign_stages() -> list:
    return [AliasEntityStage(), DigitDateStage()]
