"""People the article names only by a title: "prezydent Turcji", "przywódcy Francji", "syryjskiego prezydenta".

The linker turns such a title into a mention of the office holder on the article's date, so that an event, a
quote or an amount can name the person ("powiedział prezydent Turcji" is Erdoğan's quote). The text never names
that person, though, and a title alone is no entity of the article (issue 15: "a title alone never links to a
person"): on train-pl every one of the seven people named only by a title was an extra. The entity list leaves
them out; the events, quotes and amounts keep them as they are, with the person's id, name and country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.record import Document, Entity

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker


def title_only(doc: Document, linker: Linker) -> set[int]:
    """``id()`` of the people of ``doc.entities`` every mention of whom is a title: its capitalised words are
    other entities' names (the state, "USA" in "prezydent USA") or a title's first word opening a sentence."""
    others = {
        (m.start, m.end): e.id for e in doc.entities for m in e.mentions
    }  # every mention, to find the states inside a title's span
    starts = {t.start: k for k, t in enumerate(doc.tokens)}
    return {
        id(entity)
        for entity in doc.entities
        if entity.type == "PER"
        and all(_is_title(doc, linker, m.start, m.end, entity, others, starts) for m in entity.mentions)
    }


def _is_title(doc: Document, linker: Linker, start: int, end: int, entity: Entity, others, starts) -> bool:
    """Whether the mention [start, end) names no one: no capitalised word of it is the person's."""
    k = starts.get(start)
    if k is None:
        return False
    inside = [
        (s, e) for (s, e), owner in others.items() if owner != entity.id and start <= s and e <= end
    ]  # names of others within the span: the state of "prezydent USA"
    first = True
    while k < len(doc.tokens) and doc.tokens[k].end <= end:
        token = doc.tokens[k]
        capitalised = token.text[:1].isupper()
        if capitalised and not any(s <= token.start and token.end <= e for s, e in inside):
            lemma = (token.lemma or token.text).casefold()
            if not (first and lemma in linker.title_starts()):
                return False
        first = False
        k += 1
    return True


def drop_title_only(doc: Document, linker: Linker) -> list[Entity]:
    """``doc.entities`` without the people named only by a title."""
    dropped = title_only(doc, linker)
    return [e for e in doc.entities if id(e) not in dropped]
