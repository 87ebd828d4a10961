"""The detector's mentions linked by their base form and merged with the gazetteer's names: quote marks and
lower-case words trimmed, a place or a body the detector ran into a person's name split off ("Kijowa Serhij
Popko", "rzeczniczka Pentagonu Sabrina Singh"), a span the gazetteer splits into known names replaced."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from kronika.record import Document, NameMention, Token
from kronika.stages.link_model import WORD_RE, Found, is_acronym, is_capitalised, leader_alias, overlaps, token_span

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker


def _starting_in(spans: list[Found], lo: int, hi: int) -> list[Found]:
    """The spans (sorted by start) that start at a token in [lo, hi): a slice, not a scan of the article."""
    return spans[bisect_left(spans, lo, key=lambda f: f.start) : bisect_left(spans, hi, key=lambda f: f.start)]


def _without_edge_quotes(linker: Linker, tokens: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """The span without quote marks at its ends (None when nothing else is left)."""
    quotes = getattr(linker.language, "quotes", frozenset())
    start, end = span
    while start < end and tokens[start].text in quotes:
        start += 1
    while end > start and tokens[end - 1].text in quotes:
        end -= 1
    return (start, end) if start < end else None


def merge_detected(linker: Linker, tokens: list[Token], doc: Document, gazetteer: list[Found]) -> list[Found]:
    """The detector's mentions, linked where possible; gazetteer names fill in around them."""
    detected: list[Found] = []
    for mention in _joined_at_particles(linker, tokens, doc):
        detected += _linked_mention(linker, tokens, doc, gazetteer, mention)
    return _with_gazetteer(detected, gazetteer)


def _joined_at_particles(linker: Linker, tokens: list[Token], doc: Document) -> list:
    """The detector's mentions, two people's names joined when only a lower-case particle of foreign names
    stands between them ("Tamim" ibn "Hamad Al-Sani"): the detector cut one name in two there. The language's
    own list (``joining_particles``) leaves out its words ("Kaczyński da Morawieckiemu" is two people) and
    says what type the part after each particle may have: a person, or a body after "son of" ("ibn")."""
    particles = linker.language.joining_particles
    out: list = []
    for mention in doc.mentions:
        last = out[-1] if out else None
        if particles and last is not None and last.type == "PER" and mention.start > last.end:
            gap = doc.text[last.end : mention.start]
            between = gap.split()
            span = token_span(tokens, last.start, mention.end)
            joined = len(between) == 1 and "\n" not in gap and mention.type in particles.get(between[0], ())
            if joined and span is not None:
                text = doc.text[last.start : mention.end]
                base = linker.base_form(tokens, *span, doc.text)
                out[-1] = NameMention(last.start, mention.end, text, "PER", base, last.source)
                continue
        out.append(mention)
    return out


def _linked_mention(linker: Linker, tokens: list[Token], doc: Document, gazetteer: list[Found], mention) -> list[Found]:
    """What one detector mention becomes: itself linked where possible, the names it splits into, or nothing."""
    detected: list[Found] = []
    read = _read_mention(linker, tokens, doc, mention)
    if read is None:
        return detected
    span, base, entry, quoted = read
    found = Found(span[0], span[1], mention.type, base, entry.id if entry else None, mention.source)
    if entry:
        found.type, found.name = entry.type, entry.name
    inner = [g for g in _starting_in(gazetteer, found.start, found.end) if g.end <= found.end]
    if mention.type == "PER" and entry is None:
        # A person's name the base lists only among a body's names is the person (``leader_alias``).
        inner = [g for g in inner if (g.start, g.end) != span or not leader_alias(linker.kb.get(g.entry), base)]
    whole = entry is None and bool(inner) and _holds_together(linker, tokens, found, inner, mention, base)
    if entry is None and not whole and inner:
        split = _place_then_name(linker, tokens, doc, found, inner[0], mention)
        if split is not None:
            return [split]
    at = _person_after_body(linker, tokens, found, inner, mention.type) if entry is None else None
    if at is not None:
        # "rzeczniczka Pentagonu Sabrina Singh", "szef Stowarzyszenia Dziennikarzy Turcji Ahmet Abakay": a
        # body the detector ran into the name of the person it gave a title.
        if not any(g.start == found.start and g.end == at for g in inner):
            head = linker.base_form(tokens, found.start, at, doc.text)
            detected.append(Found(found.start, at, "ORG", head, None, mention.source))
        rest = linker.person_base(tokens, at, found.end, linker.base_form(tokens, at, found.end, doc.text))
        person = linker.link_name(rest, doc.text[tokens[at].start : tokens[found.end - 1].end], "PER")
        detected.append(
            Found(at, found.end, "PER", person.name if person else rest, person.id if person else None, mention.source)
        )
        return detected
    if (
        entry is None
        and not whole
        and inner
        and (len(inner) > 1 or inner[0].end - inner[0].start > 1 or found.end - found.start == 1)
    ):
        return detected  # the gazetteer's names replace a span the model ran together
    if (
        entry is None
        and found.end - found.start == 1
        and not quoted
        and not linker.language.is_proper_name(mention.text)
    ):
        return detected  # one capitalised common word ("Sojusz", "Pałac") the base does not know is no name
    if entry is None and found.type in ("ORG", "PER", "MISC", None):
        # "Ministerstwo obrony Armenii", "Konsulat Generalny RP w Irkucku": an unknown body of a known
        # state belongs to that state.
        states = [linker.kb.get(g.entry) for g in inner if g.entry]
        states = [e for e in states if e and e.type == "GPE" and e.country]
        if states:
            found.country = states[0].country
    detected.append(found)
    return detected


def _place_then_name(linker: Linker, tokens: list[Token], doc: Document, found: Found, place: Found, mention):
    """ "Kijowa Serhij Popko", "Chin Xi Jinping": a place opening the span, then a name of its own, which is what
    the mention stands for; None when the span does not read so. Unless the first word may be a first name
    ("Marek Miga") and what follows is no name the base knows."""
    if not (
        place.start == found.start
        and place.type in ("GPE", "LOC")
        and place.end < found.end
        and is_capitalised(tokens[place.end].text)
    ):
        return None
    rest = (place.end, found.end)
    rest_base = linker.base_form(tokens, *rest, doc.text)
    rest_entry = linker.link_name(rest_base, doc.text[tokens[rest[0]].start : tokens[rest[1] - 1].end], None)
    if rest_entry is None and (
        linker.may_be_person(tokens[place.start].text) or _first_name_place(linker, tokens, place, mention)
    ):
        return None
    if rest_entry is None and _person_after_place(linker, tokens, rest, mention.type):
        # A person's name the place titles ("w Tigraju Getachew Reda"), whatever type the detector gave the span.
        return Found(*rest, "PER", linker.person_base(tokens, *rest, rest_base), None, mention.source)
    if rest_entry is None:
        return Found(*rest, mention.type, rest_base, None, mention.source)
    return Found(*rest, rest_entry.type, rest_entry.name, rest_entry.id, mention.source)


def _read_mention(linker: Linker, tokens: list[Token], doc: Document, mention):
    """A detector mention's token span without edge quote marks and lower-case words, its base form, the entry
    it links to (or None), and whether it stood in quote marks of its own; None when it is no name to link."""
    span = token_span(tokens, mention.start, mention.end)
    base = mention.lemma or mention.text
    if span is None or linker.is_demonym(mention.text, base):
        return None
    inner = _without_edge_quotes(linker, tokens, span)
    if inner is None:
        return None
    # A name in quote marks of its own ('"Wprost"') is a title, though its word is a common one.
    quoted = inner[0] > span[0] and inner[1] < span[1]
    if inner != span:
        # 'fundacji "Ordo Iuris"', '"Nikopol"': the quote marks around a name are not part of it.
        # The detector's base form is kept: lemmatised anew, "Wprost" would be taken for the adverb.
        span, base = inner, base.strip("".join(linker.language.quotes) + " ")
    if not is_capitalised(tokens[span[0]].text):
        # "tzw. Globalne Południe": a name starts at its first capital.
        first = next((i for i in range(*span) if is_capitalised(tokens[i].text)), None)
        if first is None:
            return None
        span = (first, span[1])
        base = linker.base_form(tokens, *span, doc.text)
    base = linker.unchanged_words(tokens[span[0] : span[1]], base)
    entry = linker.link_name(base, mention.text, mention.type)
    if entry is None and mention.type == "PER":
        base = linker.person_base(tokens, *span, base)
        entry = linker.link_name(base, mention.text, mention.type)
    elif entry is None and span[1] - span[0] > 1:
        # A person's name the detector typed otherwise ("Kim Dzong Una" as a body) is still that person,
        # when its base form as a person's is one of the base's people.
        person = linker.link_name(linker.person_base(tokens, *span, base), mention.text, "PER")
        if person is not None and person.type == "PER":
            entry = person
    return span, base, entry, quoted


def _with_gazetteer(detected: list[Found], gazetteer: list[Found]) -> list[Found]:
    """The detected names and the gazetteer's names that fill in around them: one the detector kept whole wins,
    an unlinked one gives way to a longer known name."""
    kept = list(detected)
    detected.sort(key=lambda d: d.start)
    longest = max((d.end - d.start for d in detected), default=0)
    for g in gazetteer:
        clashes = [d for d in _starting_in(detected, g.start - longest, g.end) if overlaps(d, g)]
        if not clashes:
            kept.append(g)
        elif any(d.start <= g.start and g.end <= d.end for d in clashes):
            continue  # a name the detector kept whole: "Marek" in "Marek Miga" is not the town Marki
        elif all(d.entry is None or (g.end - g.start) > (d.end - d.start) for d in clashes):
            kept = [k for k in kept if k not in clashes]
            kept.append(g)
    return kept


def _person_after_body(
    linker: Linker, tokens: list[Token], found: Found, inner: list[Found], mention_type: str | None
) -> int | None:
    """Where a person's name starts in a span the detector ran on from a body the base knows, or None. The
    body's last word is in an oblique case or an acronym ("Pentagonu", "Hezbollahu", "ONZ", "Turcji": a
    complement of the person's title before it), or the detector typed the whole a person ("Huti Jahja
    Sarea"); two or three capitalised words follow, none of them a name the base knows, the first a first
    name (of the base's people or the dictionary's), or each a proper name or a word the dictionary lacks
    ("Sabrina Singh"). "Gazprom Germania GmbH" stays whole: "Gazprom" is in its base form."""
    for g in inner:
        at, rest = g.end, found.end - g.end
        if not (g.entry and found.start <= g.start and 2 <= rest <= 3):
            continue
        if g.start == found.start and g.type in ("GPE", "LOC"):
            continue  # a place first is the rule above's ("Kijowa Serhij Popko"; "Polski Przemysł Futrzarski")
        last = tokens[at - 1]
        words = tokens[at : found.end]
        if not (mention_type == "PER" or is_acronym(last.text) or (last.lemma and last.lemma != last.text)):
            continue
        if not all(is_capitalised(t.text) and not is_acronym(t.text) for t in words):
            continue
        if any(h.start >= at for h in inner if h.entry):
            continue
        first = words[0].text
        if (
            mention_type == "PER"
            or linker.is_first_name(first)
            or linker.may_be_person(first)
            or all(linker.language.is_proper_name(t.text) for t in words)
        ):
            return at
    return None


def _person_after_place(linker: Linker, tokens: list[Token], rest: tuple[int, int], kind: str | None) -> bool:
    """Whether the words the base does not know after a place split off a detector's span are a person's name:
    two words or more, typed a person's, or opening with a first name of the base's people or one the dictionary
    knows ("Tigraju Getachew Reda" typed a place; not "Dubai International Airport")."""
    if rest[1] - rest[0] < 2:
        return False
    first = tokens[rest[0]].text
    return kind == "PER" or linker.is_first_name(first) or (first[1:].islower() and linker.may_be_person(first))


def _first_name_place(linker: Linker, tokens: list[Token], place: Found, mention) -> bool:
    """Whether a one-word place opening a name the detector typed a person's is its first name instead ("Rosario
    Silva de Lapuerta", "Hassan Nur"): a town, not a state, written in its base form; a place before a
    person's name stands in the genitive of a title ("mer Kijowa Serhij Popko", "przywódca Chin Xi Jinping")."""
    token = tokens[place.start]
    return (
        mention.type == "PER"
        and place.end - place.start == 1
        and not linker._is_state(place.entry)
        and token.text == token.lemma
    )


def _holds_together(linker: Linker, tokens: list[Token], found: Found, inner: list[Found], mention, base: str) -> bool:
    """Whether a span of two words or more the detector found whole, which the base does not know, is one name
    though the gazetteer knows names inside it: then neither the place before it is split off nor do the
    gazetteer's names replace it."""
    if found.end - found.start < 2:
        return False
    first = inner[0]
    place_first = first.start == found.start and first.type in ("GPE", "LOC") and first.end < found.end
    if place_first and first.entry and linker._is_state(first.entry):
        place_first = False  # a state opening a name is its own ("Israel Foreign Ministry"): events need it
    if mention.type == "PER" and _nickname_after_first_name(linker, tokens, found, inner):
        return True
    if mention.type == "PER" and place_first and _first_name_town(linker, first, inner, base):
        return True
    if place_first and _foreign_name_after_town(linker, tokens, found, inner):
        return True
    return _complement_of_head(linker, tokens, found, inner)


def _nickname_after_first_name(linker: Linker, tokens: list[Token], found: Found, inner: list[Found]) -> bool:
    """Whether a person's name is a first name and a one-word alias of another of the base's people, a
    surname or a nickname ("Asia Bibi" is not Netanyahu's "Bibi"): the first word may be a first name, no
    person the base knows by two words or more is inside, and the first word is none of the known person's
    own first names ("Benjamin Bibi" is Netanyahu)."""
    people = [g for g in inner if g.type == "PER"]
    if not people or any(g.start == found.start or g.end - g.start > 1 for g in people):
        return False
    opening = tokens[found.start]
    if not (linker.may_be_person(opening.text) or linker.is_first_name(opening.text)):
        return False
    own = {
        words[0].casefold()
        for g in people
        if (entry := linker.kb.get(g.entry)) is not None
        for alias in (entry.name, *entry.all_aliases())
        if len(words := alias.split()) > 1
    }
    return not own & {opening.text.casefold(), (opening.lemma or opening.text).casefold()}


def _first_name_town(linker: Linker, place: Found, inner: list[Found], base: str) -> bool:
    """Whether a one-word town (no state) opening a person's name is the first name, in an oblique case the
    town's readings do not tell ("Nigela Oakesa": the person's base form opens with a first name of the
    base's people); ``_first_name_place`` takes those written in the base form."""
    words = WORD_RE.findall(base)
    return (
        place.end - place.start == 1
        and bool(words)
        and linker.is_first_name(words[0])
        and not any(g.type == "PER" for g in inner)
    )


def _foreign_name_after_town(linker: Linker, tokens: list[Token], found: Found, inner: list[Found]) -> bool:
    """Whether a place (no state) written in its base form opens a run of capitalised words that are names or
    words the dictionary lacks, none of them known ("Cambridge Analytica", "Zurich Insurance Group"): a
    place in Polish follows the name it complements, in the genitive; one in its base form before foreign
    words is a word of a foreign name."""
    place = inner[0]
    if not all(t.lemma and t.text == t.lemma for t in tokens[place.start : place.end]):
        return False
    if any(g.start >= place.end for g in inner):
        return False
    rest = tokens[place.end : found.end]
    return all(is_capitalised(t.text) and linker.language.is_proper_name(t.text) for t in rest)


def _complement_of_head(linker: Linker, tokens: list[Token], found: Found, inner: list[Found]) -> bool:
    """Whether a name opens with words the base does not know, and a known name other than a person's, in an
    oblique case, follows a capitalised word of them that is neither a title nor an adjective: the known name
    is the complement of the name's head ("Partii Niepodległości Zjednoczonego Królestwa", "Ambasada Stanów
    Zjednoczonych", "Kongresie Republiki Peru"), as a one-word state after a body already is ("Ministerstwo
    obrony Armenii" stays whole below)."""
    covered = {i for g in inner for i in range(g.start, g.end)}
    if found.start in covered:
        return False
    language = linker.language
    for g in inner:
        if g.type == "PER" or g.start - 1 in covered:
            continue
        head, last = tokens[g.start - 1], tokens[g.end - 1]
        if not is_capitalised(head.text) or is_acronym(head.text):
            continue
        if (head.lemma or head.text).casefold() in linker._title_starts:
            continue  # "Prezydenta Rzeczypospolitej Polskiej": a title, then the state
        if head.tag and language.is_adjective(head.tag):
            continue  # "Brytyjska Izba Gmin": an adjective names no body of its own
        if not (last.tag and language.is_nominative(last.tag)):
            return True
    return False
