"""Role assignment: the actor and recipient of a trigger, read off the case frames and the subject of its clause."""

from __future__ import annotations

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.stages.events.ground import Placed, _common
from kronika.stages.events.roots import MEDIATE, TALK_ROOTS
from kronika.stages.events.tags import CASES, _adjectival, _nominal, _verb, tag_cases
from kronika.stages.events.triggers import Found


# How far (in tokens) after an event noun its agent or object may stand.
NOUN_REACH = 6


def _coordinated(first: Placed, others: list[Placed], lemmas: list[str], cues) -> list[Placed]:
    """``first`` and the mentions joined to it by "i"/"oraz" in the same case ("Xi i Putin")."""
    group = [first]
    closed = 1  # the group up to its last coordinator: a comma list without one is no coordination
    for p in others:
        last = group[-1]
        if p.start <= last.start or p.attached:
            continue
        # "Trump i przywódca Korei Kim": the second name may come with its title.
        between = lemmas[last.end : max(last.end, p.lead if p.lead >= 0 else p.start)]
        agrees = bool(p.cases & last.cases or not p.cases)
        if agrees and between and between[-1] in cues.COORDINATORS and between[:-1] in ([], [","]):
            group.append(p)
            closed = len(group)
        elif agrees and between == [","] and p.entity.type == last.entity.type and not p.adjective:
            group.append(p)  # "uznały USA, Kanada, Izrael i Australia"
        elif p.start > last.end:
            break
    return group[:closed]


def _roles(
    trigger, found: Found, clause: list[Placed], tokens, lemmas, c_lo, cues, coder_cases, inherited: list[Placed] = ()
):
    frames = list(trigger.recipient)
    free = [p for p in clause if not p.attached and not found.words & set(range(p.start, p.end))]
    if trigger.pos == "noun" or ud.gerund(morph(tokens[found.start].tag)) or ud.noun(morph(tokens[found.start].tag)):
        return _noun_roles(trigger, found, clause, free, frames, tokens, lemmas, c_lo, cues, coder_cases, inherited)
    return _verb_roles(found, clause, free, frames, tokens, lemmas, c_lo, cues, coder_cases, inherited)


def _noun_roles(
    trigger, found: Found, clause: list[Placed], free, frames, tokens, lemmas, c_lo, cues, coder_cases, inherited
):
    """An event noun's or gerund's roles: its genitive, its adjective, its frame, an agent, a light verb's subject."""
    actor: list[Placed] = []
    recipient: list[Placed] = []
    # The noun's own genitive follows it directly, past adjectives at most: in "sprzeciw wobec przyjęcia
    # Szwecji" the genitive belongs to "przyjęcia", not to "sprzeciw".
    genitives = [
        p
        for p in clause
        if p.start >= found.end
        and p.start - found.end <= 2
        and "Gen" in p.cases
        and not p.preposition
        and all(_adjectival(t.tag) for t in tokens[found.end : p.start])
    ]
    adjective_object = any(f.adjective for f in trigger.recipient)
    adjectives = [
        p
        for p in clause
        if p.adjective
        and abs(p.start - found.start) <= 2
        and not p.preposition
        and (adjective_object or not _heads_phrase(tokens, p, found))
    ]
    if adjectives and adjective_object:
        recipient = adjectives[:1]  # "zakup rosyjskiej ropy": the adjective names the seller
    elif not genitives and adjectives and any(f.adjective for f in trigger.actor_from):
        actor = adjectives[:1]  # "ostrzały rosyjskie", "rosyjski atak"
    is_gerund = ud.gerund(morph(tokens[found.start].tag))
    # With an agent ("ostrzał izraelskich żołnierzy przez Hamas") the genitive is the object.
    has_agent = cues.AGENT_PREPOSITION in lemmas[found.end : found.end + NOUN_REACH]
    genitives = [p for p in genitives if not _heads_phrase(tokens, p, found)]
    if genitives:
        head = _coordinated(genitives[0], clause, lemmas, cues)
        head = [p for p in head if p not in recipient]
        genitive_actor = any(f.ud_case == "Gen" and not f.preposition for f in trigger.actor_from)
        if is_gerund or not genitive_actor or has_agent:
            recipient = head
        else:
            actor = head
    elif not actor and not recipient:
        # "atak bojowników Hamasu", "ostrzał ormiańskich osad": a common noun in the genitive with a name
        # or a state's adjective of its own; armed forces do the deed, anything else undergoes it.
        phrase = _genitive_phrase(tokens, lemmas, clause, found, coder_cases)
        if phrase is not None:
            names, noun = phrase
            object_frame = any(f.ud_case == "Gen" and not f.preposition for f in trigger.recipient)
            if has_agent or is_gerund or (object_frame and noun not in cues.FORCE_NOUNS):
                recipient = names
            elif any((f.ud_case == "Gen" or f.adjective) and not f.preposition for f in trigger.actor_from):
                actor = names
    after = [p for p in free if p.start >= found.end and p not in actor + recipient]
    recipient = recipient or _by_frames(frames, after, lemmas, cues, allow_bare=False)
    if not recipient:
        # "naloty na pozycje Hamasu", "atak na ukraińską stolicę": the name or the state's adjective sits
        # inside the phrase the frame asks for.
        recipient = _inside_frame([f.preposition for f in frames if f.preposition], clause, found, actor)
    if not recipient:
        recipient = _deep_in_frame(
            tokens, lemmas, [f.preposition for f in frames if f.preposition], clause, found, actor
        )
    # The agent of an event noun stands in its phrase: "ostrzał żołnierzy przez Hamas", not further on.
    agents = [p for p in after if p.preposition == cues.AGENT_PREPOSITION and p.start - found.end <= NOUN_REACH]
    agents = agents or _inside_frame([cues.AGENT_PREPOSITION], clause, found, recipient)
    if agents:
        actor = _coordinated(agents[0], free, lemmas, cues)  # "zacieśnianie współpracy przez Pjongjang"
    if not actor and _after_light_verb(tokens, lemmas, found, c_lo, cues):
        # "armia przeprowadziła serię ataków"; "Moskwa zapowiadała, że podejmie kroki odwetowe"
        actor = _subject(free, found, lemmas, cues, clause) or list(inherited)
    if not actor and trigger.cameo == MEDIATE:
        actor = _subject(free, found, lemmas, cues, clause)  # "Mediatorem był Katar", "w roli pośrednika"
    if not actor and trigger.symmetric and trigger.cameo[:2] in TALK_ROOTS:
        # "Xi i Putin podczas rozmowy ...": the clause's subject holds the talks. Other nouns do not
        # borrow it: "w wojnie przeciwko Ukrainie" is not a war the subject wages.
        actor = _subject(free, found, lemmas, cues, clause)
    return actor, recipient


def _verb_roles(found: Found, clause: list[Placed], free, frames, tokens, lemmas, c_lo, cues, coder_cases, inherited):
    """A verb's roles: the "przez" agent and the subject in the passive, else the subject and the frame."""
    passive = _is_passive(lemmas, tokens, found, c_lo, cues)
    subject = _subject(free, found, lemmas, cues, clause, tokens)
    if passive:
        agents = [p for p in free if p.preposition == cues.AGENT_PREPOSITION]
        actor = _coordinated(agents[0], free, lemmas, cues) if agents else []
        actor = actor or _inside_frame([cues.AGENT_PREPOSITION], clause, found, [])  # "przez wojska rosyjskie"
        if not subject:
            # The participle modifies the name before it: "Azerbejdżan, wspierany przez Turcję".
            before = [p for p in free if p.end <= found.start and p not in actor]
            subject = before[-1:]
        return actor, subject
    if (
        inherited
        and not [p for p in subject if p.end <= found.start]
        and not any(len(p.cases) < len(CASES) for p in subject)
    ):
        # "..., że zamknie Konsulat Generalny RP": with the speaker's subject dropped, a name after the verb
        # whose case is unknown (an acronym) is its object, not a subject.
        subject = list(inherited)
    actor = subject
    rest = [p for p in free if p not in actor]
    recipient = _by_frames(frames, rest, lemmas, cues, allow_bare=True, after=found.start)
    if not recipient and any(f.ud_case == "Acc" and not f.preposition for f in frames):
        # "potępiło działania Izraela", "odrzucił prośbę prezydenta Maduro": the object is a common noun and
        # the name in its genitive is whom the act concerns.
        # With the subject after the verb the object may come first: "Działania Izraela potępiło pięć państw".
        inverted = bool(actor) and actor[0].start > found.start
        for p in clause:
            head = p.start - 1
            if (
                p.attached
                and not p.outer
                and (head > found.start or (inverted and p.end <= found.start))
                and p not in actor
                and "Acc" in coder_cases(tokens[head])
                and _common(tokens, head)
            ):
                recipient = [p]
                break
    if not recipient:
        # "przybył do stolicy Chin": the named place sits inside the phrase the frame asks for.
        inside = [p for p in clause if p.attached and p.outer and p.start > found.start and p not in actor]
        recipient = next(([p] for f in frames for p in inside if f.preposition == p.outer), [])
    if not recipient:
        # "przeprowadziła naloty na cele powiązane z Hezbollahem"
        recipient = _deep_in_frame(
            tokens, lemmas, [f.preposition for f in frames if f.preposition], clause, found, actor
        )
    return actor, recipient


def _owner_after(tokens, clause: list[Placed], found: Found, actor: list[Placed]) -> list[Placed]:
    """The name in the genitive right after an expression's noun, past its adjectives: "zamknąć Konsulat
    Generalny RP w Irkucku" is done to Poland, not to the city the consulate stands in."""
    for p in clause:
        if (
            p.start >= found.end
            and p not in actor
            and not p.preposition
            and "Gen" in p.cases
            and all(_adjectival(t.tag) for t in tokens[found.end : p.start])
            and p.start - found.end <= 2
        ):
            return [p]
    return []


def _heads_phrase(tokens, p: Placed, found: Found) -> bool:
    """A state's adjective after the trigger that qualifies a noun of its own: "ostrzał ormiańskich osad"."""
    return (
        p.adjective
        and p.start >= found.end
        and p.end < len(tokens)
        and _nominal(tokens[p.end].tag)
        and tokens[p.end].text.islower()
    )


def _genitive_phrase(tokens, lemmas, clause: list[Placed], found: Found, coder_cases):
    """The names in the genitive phrase right after an event noun, with that phrase's head noun: "ostrzał
    ormiańskich osad" (the adjective, "osada"), "atak bojowników Hamasu" (Hamas, "bojownik")."""
    by_start = {p.start: p for p in clause}
    j = found.end
    while j < min(len(tokens), found.end + 2) and _adjectival(tokens[j].tag) and j not in by_start:
        j += 1
    first = by_start.get(j)
    if first is not None and _heads_phrase(tokens, first, found) and "Gen" in coder_cases(tokens[first.end]):
        return [first], lemmas[first.end]
    if (
        j < len(tokens)
        and first is None
        and _nominal(tokens[j].tag)
        and tokens[j].text.islower()
        and "Gen" in coder_cases(tokens[j])
    ):
        name = by_start.get(j + 1)
        if name is not None and name.attached and not name.outer:
            return [name], lemmas[j]
    return None


def _inside_frame(prepositions, clause: list[Placed], found: Found, taken: list[Placed]) -> list[Placed]:
    """A name in the genitive or a state's adjective inside the prepositional phrase a frame names, close
    after the trigger ("na pozycje Hamasu", "przez wojska rosyjskie")."""
    for preposition in prepositions:
        for p in clause:
            if (
                p.outer == preposition
                and not p.preposition
                and found.end <= p.start <= found.end + NOUN_REACH
                and p not in taken
            ):
                return [p]
    return []


# How far into the phrase a frame's preposition opens an organisation may stand ("na cele związane z ruchem Huti").
DEEP_REACH = 6


def _deep_in_frame(tokens, lemmas, prepositions, clause: list[Placed], found: Found, taken) -> list[Placed]:
    """An organisation named deeper in the phrase the frame asks for: "uderzenia na cele związane z ruchem Huti
    w Jemenie" strike the Houthis, not the country the targets are in. The phrase ends at a comma or a verb."""
    for k in range(found.end, min(len(tokens), found.end + NOUN_REACH)):
        if lemmas[k] not in prepositions or not ud.preposition(morph(tokens[k].tag)):
            continue
        for p in clause:
            if (
                p.entity.type == "ORG"
                and k < p.start <= k + DEEP_REACH
                and p not in taken
                and not any(t.text in ",;:" or ud.finite(morph(t.tag)) for t in tokens[k : p.start])
            ):
                return [p]
        return []
    return []


def _both_subject(all_readings, found: Found, c_lo, cues, tokens, named: set[int], plural) -> bool:
    """A subject "obaj liderzy", "obie strony" before the trigger, with no name of its own. Any reading
    counts: at the start of a sentence the tagger may take "Obie" for a name. A plural "przywódcy" with no
    name after it is the pair as well ("Przywódcy zapowiedzieli ...")."""
    if any(cues.BOTH & all_readings[j] for j in range(c_lo, found.start)):
        return True
    for j in range(c_lo, found.start):
        if cues.PAIR_NOUNS & all_readings[j] and plural(tokens[j].text) and j + 1 not in named and j + 2 not in named:
            return True
    return False


def _after_light_verb(tokens, lemmas, found: Found, c_lo, cues) -> bool:
    verbs = [j for j in range(c_lo, found.start) if _verb(tokens[j].tag)]
    return bool(verbs) and lemmas[verbs[-1]] in cues.LIGHT_VERBS | cues.FUNDING_VERBS


def _subject(free: list[Placed], found: Found, lemmas, cues, clause=(), tokens=None) -> list[Placed]:
    nominative = [p for p in free if "Nom" in p.cases and not p.preposition and p.entity.type != "LOC"]
    if tokens is not None and not [p for p in nominative if p.end <= found.start]:
        # "misja Iranu zaprzeczyła", "władze Chin ogłosiły": a common noun subject speaks for the name
        # in its genitive.
        for p in clause:
            head = p.start - 1
            if (
                p.attached
                and not p.outer
                and head >= 0
                and p.end <= found.start
                and "Nom" in tag_cases(tokens[head].tag)
                and _common(tokens, head)
            ):
                return [p]
    before = [p for p in nominative if p.end <= found.start]
    if before and tokens is not None:
        # "Pakistan oskarżył Indie o ... i poderwał myśliwce": past the first verb of coordinated predicates
        # stand its objects; their subject is the one before that verb.
        verb = next((j for j in range(before[0].end, found.start) if ud.finite(morph(tokens[j].tag))), None)
        # The trigger is the second predicate: right after "i"/"oraz", no name between ("i poderwał").
        joined = verb is not None and any(
            lemmas[c] in cues.COORDINATORS and not any(c < p.start < found.start for p in free)
            for c in range(max(verb + 1, found.start - 3), found.start)
        )
        if joined:
            before = [p for p in before if p.end <= verb]
    if before:
        # The closest group before the verb; earlier mentions coordinated with it come along.
        groups = []
        for p in before:
            if groups and p in groups[-1]:
                continue
            groups.append(_coordinated(p, before, lemmas, cues))
        return groups[-1]
    after = [p for p in nominative if p.start >= found.end]
    return _coordinated(after[0], nominative, lemmas, cues) if after else []


def _by_frames(frames, candidates, lemmas, cues, *, allow_bare, after=None):
    # A verb's prepositional object mostly follows it: "Ustępująca ze stanowiska kanclerz Niemiec spotkała się z
    # prezydentem Francji" meets France; a phrase before the verb fills the frame only when none after does.
    ordered = candidates if after is None else sorted(candidates, key=lambda p: p.start < after)
    for frame in frames:
        for p in ordered:
            if frame.preposition:
                if p.preposition != frame.preposition:
                    continue
                if frame.ud_case and frame.ud_case not in p.cases and p.cases:
                    continue
            else:
                if not allow_bare or p.preposition or frame.ud_case not in p.cases:
                    continue
                if frame.ud_case in ("Acc", "Nom") and after is not None and p.start < after:
                    continue  # an accusative object follows its verb; before it stands the subject
            return _coordinated(p, candidates, lemmas, cues)
    return []


def _is_passive(lemmas, tokens, found: Found, c_lo, cues) -> bool:
    """ "został zaatakowany", or a bare participle with its agent: "Azerbejdżan, wspierany przez Turcję"."""
    if not ud.passive_participle(morph(tokens[found.start].tag)):
        return False
    if any(lemmas[j] in cues.PASSIVE_AUXILIARIES for j in range(max(c_lo, found.start - 3), found.start)):
        return True
    return cues.AGENT_PREPOSITION in lemmas[found.end : found.end + 4]
