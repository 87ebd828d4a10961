"""Two names joined by a hyphen are two names: "dialog Belgrad-Prisztina", "szczyt UE-Kanada", "mecz
Francja-Niemcy", "rządy PO-PSL".

News joins the two sides of a relation with a hyphen, and the tokenizer keeps such a word whole, so the name
tagger marks it as one name that the knowledge base does not know. The linker reads the article through a
copy of its tokens in which such a word is three tokens (name, hyphen, name) when each side is a name the base
knows and the whole is not (a name with a hyphen of its own, "Bielsko-Biała" or "Gwinea-Bissau", stays whole).
The document's tokens are left as they are: entities point into the text by characters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kronika.record import Token

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker

HYPHENS = re.compile(r"[-‐‑–—]")


def split_name_pairs(linker: Linker, tokens: list[Token]) -> list[Token]:
    """``tokens``, with every hyphenated word whose parts are all names the base knows split into its parts and
    hyphens; the same list when there is none."""
    out: list[Token] = []
    for token in tokens:
        parts = _name_parts(linker, token)
        if parts is None:
            out.append(token)
            continue
        at = token.start
        for i, part in enumerate(parts):
            if i:
                out.append(Token(at, at + 1, token.text[at - token.start], "-", "interp"))
                at += 1
            out.append(Token(at, at + len(part), part, part))
            at += len(part)
    return out if len(out) != len(tokens) else tokens


def _name_parts(linker: Linker, token: Token) -> list[str] | None:
    """The parts of a hyphenated word when each is a capitalised name the base knows and the word is none."""
    parts = HYPHENS.split(token.text)
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts) or _known(linker, token.text, token.lemma):
        return None
    return parts if all(_known(linker, part, None) for part in parts) else None


def _known(linker: Linker, word: str, lemma: str | None) -> bool:
    """Whether the base has an entry for ``word``, its lemma or a capitalised lemma of one of its readings."""
    forms = {word, lemma or word} | {r.lemma for r in linker.morphology.analyse(word) if r.lemma[:1].isupper()}
    return any(linker.kb.lookup(form) for form in forms)
