"""Web portals named by their address: "według portalu wpolityce.pl", "opublikowany na portalu tvn24.pl".

News cites online media by their domain, often in lower case, and the segmenter splits the address into words
("tvn24", ".", "pl") in which the name tagger finds no name. An address in running text is the portal of that
name: the base's medium or company whose name is the address or its first label ("tvn24.pl" is TVN24,
"twitter.com" Twitter), else an organisation named as the text writes it. An address that is part of a link
or a credit (a slash, "@" or "://" next to it: "pic.twitter.com/...", "RadioZET.pl/PAP") is not a mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from kronika.stages.link_model import Found

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.record import Token
    from kronika.stages.link import Linker

# Top-level domains of the media the news cites: generic ones and the country codes of Europe's and the main
# powers' media, each with the state whose portal it marks (None: no state).
TLD_STATES = {
    "com": None,
    "org": None,
    "net": None,
    "info": None,
    "eu": None,
    "tv": None,
    "news": None,
    "io": None,
    "pl": "POL",
    "de": "DEU",
    "ua": "UKR",
    "ru": "RUS",
    "by": "BLR",
    "uk": "GBR",
    "fr": "FRA",
    "it": "ITA",
    "es": "ESP",
    "cz": "CZE",
    "sk": "SVK",
    "lt": "LTU",
    "lv": "LVA",
    "ee": "EST",
    "hu": "HUN",
}
DOMAIN_RE = re.compile(
    r"(?<![\w@/.:-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + "|".join(TLD_STATES) + r"))(?![\w@/-])",
    re.IGNORECASE,
)
# What every address ``DOMAIN_RE`` finds holds: a dot, a top-level domain, no more of the address after it. Found
# by a scan from dot to dot, which is cheap, where ``DOMAIN_RE`` tries every word; most articles cite no portal.
ADDRESS_END = re.compile(r"\.(?:" + "|".join(TLD_STATES) + r")(?![\w@/-])", re.IGNORECASE)
# Host labels that name a server, not the portal ("www.onet.pl" is Onet.pl).
HOST_LABELS = frozenset({"www", "m", "mobile"})
# The sectors of the base's entries an address's first label may name: media and companies ("twitter.com").
PORTAL_SECTORS = frozenset({"MED", "BUS"})


def web_portals(linker: Linker, tokens: list[Token], text: str, found: list[Found]) -> list[Found]:
    """``found`` with each web address of running text as a mention of its portal, in place of the mentions
    its words held."""
    if ADDRESS_END.search(text) is None:
        return found
    for match in DOMAIN_RE.finditer(text):
        labels = [label for label in match.group(1).split(".") if label.casefold() not in HOST_LABELS]
        if len(labels) < 2 or not any(c.isalpha() for c in labels[0]):
            continue
        span = _address_tokens(tokens, match.start(1), match.end(1))
        if span is None:
            continue
        start, end = span
        if any(f.start < end and start < f.end and not (start <= f.start and f.end <= end) for f in found):
            continue  # words of a longer name
        found = [f for f in found if f.end <= start or end <= f.start]
        name = ".".join(labels)
        entry = _portal_entry(linker, name, labels[0])
        if entry is not None:
            found.append(Found(start, end, entry.type, entry.name, entry.id, "domain"))
        else:
            found.append(Found(start, end, "ORG", name, None, "domain", TLD_STATES.get(labels[-1].casefold())))
    return found


def _address_tokens(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """The tokens that open within the address's characters: the last may run past it, since "pl." is one
    token at a sentence's end."""
    first = bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect_left(tokens, end, key=lambda t: t.start)
    if first >= last or tokens[first].start != start:
        return None
    return first, last


def _portal_entry(linker: Linker, address: str, label: str):
    """The base's medium or company the address names, by the whole address or its first label."""
    for key in (address, label):
        hits = [e for e in linker.kb.lookup(key) if e.type == "ORG" and e.sector in PORTAL_SECTORS]
        if len(hits) == 1:
            return hits[0]
    return None
