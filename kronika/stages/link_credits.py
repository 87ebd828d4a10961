"""Credits: the names of an article's photographers and authors, which are not entities of the article.

A credit line names who took a photo or wrote the text: "Fot. PAP/Jan Nowak", "Zdjęcie X / JAN NOWAK / EPA",
"Jan Nowak/PAP", and a correspondent's closing byline "Z Moskwy Jan Nowak (PAP)". Two shapes are read here, on
one line of the text at a time:

- after a credit cue of the language pack ("Fot.", "Autor:"), the names up to the next slash or the line's end;
- on a line with a slash and a news agency (an acronym or an entry of the base's media), a stretch between
  slashes (or a slash and the line's end) that holds nothing but names the base does not know: a caption
  ("Zdjęcie Donald Trump /...") has other words around its names and stays;
- the article's last line, when it opens with a byline opener ("Z Moskwy ...") and is short.

Only names the base does not link are dropped, and never an agency's acronym: a known agency or leader in a
caption stays an entity, and so does an agency the base lacks ("EPA").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the linker's types; importing them here at run time would be circular
    from kronika.record import Token
    from kronika.stages.link import Found, Linker

SLASH = "/"
# A news agency's acronym in a credit ("PAP", "EPA", "AFP"): all capitals, this many letters at most.
AGENCY_LETTERS = 5
# A closing byline is a short line: "Z Nowego Jorku Jan Nowak (PAP)".
BYLINE_TOKENS = 10
# Tokens that may stand between the names of a credit: "JAN NOWAK, ANNA KOWALSKA", "(fot. ...)".
FILLERS = frozenset({",", "(", ")", ".", ":", ";", "-", "–"})
MEDIA_SECTOR = "MED"


def drop_credits(linker: Linker, tokens: list[Token], text: str, found: list[Found]) -> list[Found]:
    """``found`` without the unlinked names that stand in credit lines."""
    unlinked = [f for f in found if f.entry is None]
    if not unlinked:
        return found
    named = {i for f in unlinked for i in range(f.start, f.end)}
    media = {
        i for f in found if f.entry and linker.kb.get(f.entry).sector == MEDIA_SECTOR for i in range(f.start, f.end)
    }
    credited: set[int] = set()
    lines = _lines(tokens, text)
    for line in lines:
        # Only unlinked names are dropped: a line without one has none to give (most lines of an article).
        if not named.isdisjoint(line):
            credited |= _credited(linker, tokens, line, named, media)
    if lines and _is_byline(linker, tokens, lines[-1]):
        credited |= {i for i in lines[-1] if i in named}
    return [f for f in found if f.entry is not None or not all(i in credited for i in range(f.start, f.end))]


def _lines(tokens: list[Token], text: str) -> list[list[int]]:
    """Token indexes by line of the text."""
    lines: list[list[int]] = []
    for i, token in enumerate(tokens):
        if i == 0 or "\n" in text[tokens[i - 1].end : token.start]:
            lines.append([])
        lines[-1].append(i)
    return lines


def _credited(linker: Linker, tokens: list[Token], line: list[int], named: set[int], media: set[int]) -> set[int]:
    cues = getattr(linker.language, "credit_cues", frozenset())
    out: set[int] = set()
    segments = _segments(tokens, line)
    # A credit line: it names an agency, or it has a cue ("Fot. EPA/Jan Nowak").
    has_agency = any(i in media or _is_cue(tokens, i, cues) for i in line) or any(
        _is_agency(tokens, segment) for segment in segments
    )
    for n, segment in enumerate(segments):
        cue = next((k for k, i in enumerate(segment) if _is_cue(tokens, i, cues)), None)
        if cue is not None:
            out.update(i for i in segment[cue + 1 :] if i in named)
        elif (
            has_agency
            and len(segments) > 1
            and segment
            and all(i in named or tokens[i].text in FILLERS for i in segment)
        ):
            if not _is_agency(tokens, segment):
                # The agency itself ("EPA") is a name the article does give: only the people are credits.
                out.update(segment)
    return out


def _is_cue(tokens: list[Token], i: int, cues: frozenset[str]) -> bool:
    """ "Fot.", "Autor:": a cue word closed by a dot or a colon ("źródło w rządzie" is no credit)."""
    if tokens[i].text.casefold() not in cues:
        return False
    return i + 1 < len(tokens) and tokens[i + 1].text in (".", ":")


def _segments(tokens: list[Token], line: list[int]) -> list[list[int]]:
    segments: list[list[int]] = [[]]
    for i in line:
        if tokens[i].text == SLASH:
            segments.append([])
        else:
            segments[-1].append(i)
    return segments


def _is_agency(tokens: list[Token], segment: list[int]) -> bool:
    """A stretch between slashes that is one acronym ("EPA"; "ANNA BRZOZA" is a name in capitals)."""
    words = [tokens[i].text for i in segment if tokens[i].text not in FILLERS]
    return len(words) == 1 and words[0].isalpha() and words[0].isupper() and 2 <= len(words[0]) <= AGENCY_LETTERS


def _is_byline(linker: Linker, tokens: list[Token], line: list[int]) -> bool:
    openers = getattr(linker.language, "byline_openers", frozenset())
    return len(line) <= BYLINE_TOKENS and tokens[line[0]].text.casefold() in openers
