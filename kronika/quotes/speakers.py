"""Who said a quote: the named parties near it, each described for the speaker model, and the rule's choice.

The rule (kept as one feature among others, and as the fallback without a model): the named subject of the verb
of saying (a nominative mention right after the verb, "zapewnił Xi", else the nearest one before it that no
preposition governs), else the source of a "według X" in the quote's sentence, else the party a pronoun source points
back to ("jego zdaniem", "według niego": ``pronoun_source.py``), else the subject of the latest verb of saying within
``CARRY_SENTENCES`` sentences ("Dodał, że „…”", "– zapowiedział.").

Candidates are the article's entities (PER, ORG, GPE) named outside the quote, the last speaker and the rule's
choice, the body of a state a common-noun speaker names ("stwierdził szef węgierskiego rządu": ``titled.py``), plus
the choice that nobody named said it. Each entity is described by its mentions: which side of the
quote and how far in sentences (in detail from ``BEFORE_SENTENCES`` before to ``AFTER_SENTENCES`` after), whether
it can be a subject (nominative, no preposition), whether it stands right after the verb or after a source
preposition, its type, whether it is linked, and how often the article names it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.quotes.candidates import Candidate, Text
from kronika.quotes.echo import echo_speakers
from kronika.quotes.pronoun_source import pronoun_source
from kronika.quotes.roles import entity_roles, title_role
from kronika.quotes.speaker_index import speaker_mentions
from kronika.quotes.titled import body_features, title_body
from kronika.quotes.mentions import (
    SPEAKER_TYPES,
    WORD,
    Placed,
    find_subject,
    is_verb,
    mentions_between,
    tag_cases,
)

BEFORE_SENTENCES = 2
AFTER_SENTENCES = 1
CARRY_SENTENCES = 3
# How far (tokens) after a source preposition ("według", "zdaniem") the cited mention may start.
SOURCE_REACH = 3
# How far (tokens) after the verb of saying its subject may stand ("napisał w piątek minister Mariusz Kamiński").
AFTER_VERB = 10
# How far (tokens) after a common noun the name it belongs to may start ("rzecznik rosyjskiego MSZ").
TITLE_REACH = 3
# How far (tokens) before a common noun its state's adjective may stand ("niemiecki minister").
TITLE_BEFORE_NOUN = 2


@dataclass
class Said:
    """A quote whose speaker is decided: where it was and which entity said it (None: nobody named)."""

    candidate: Candidate
    entity: object | None  # kronika.record.Entity


def rule_speaker(text: Text, quote: Candidate) -> Placed | object | None:
    """The rule's speaker: a placed mention, or the entity who spoke last, or None."""
    subject = named_subject(text, quote)
    if subject is not None:
        return subject
    cited = cited_source(text, *text.sentence(quote.first))
    if cited is not None:
        return cited
    return pronoun_source(text, quote) or last_sayer(text, quote)


def named_subject(text: Text, quote: Candidate) -> Placed | None:
    """The named subject of the quote's own verb of saying ("– powiedział X", "X podkreślił: „…”"), or None."""
    if quote.verb is None:
        return None
    lo, hi = text.sentence(quote.verb)
    return find_subject(
        text.tokens,
        quote.verb,
        min(lo, quote.first),
        hi,
        text.placed,
        text.mention_starts,
        skip=(quote.first, quote.last),
        coordinators=text.data.COORDINATORS,
        person_reach=AFTER_VERB,
    )


def cited_source(text: Text, lo: int, hi: int) -> Placed | None:
    """The mention a source preposition cites in tokens [lo, hi): "według NIS", "zdaniem premiera"."""
    for i in range(lo, hi):
        if text.lemmas[i] in text.data.SOURCE_PREPOSITIONS:
            nearby = [
                p
                for p in mentions_between(text.placed, text.mention_starts, i + 1, min(hi, i + 1 + SOURCE_REACH))
                if p.entity.type in SPEAKER_TYPES
            ]
            if nearby:
                return nearby[0]
    return None


def speaker_candidates(text: Text, quote: Candidate, counts: dict[str, int]) -> list[tuple[object, list[str]]]:
    """(entity, features) for every entity that may have said ``quote``."""
    rule = rule_speaker(text, quote)
    rule_entity = rule.entity if isinstance(rule, Placed) else rule
    s_first, s_last = text.sentence_of[quote.first], text.sentence_of[max(quote.first, quote.last - 1)]
    index = speaker_mentions(text)
    by_entity = index.outside(quote.first, quote.last)
    entities = {ms[0].entity.id: ms[0].entity for ms in by_entity.values()}
    sayer = last_sayer(text, quote)
    for extra in (rule_entity, sayer):
        if extra is not None:
            entities.setdefault(extra.id, extra)
    ranks = _subject_ranks(text, quote)
    recent = _recent_subjects(text, quote)
    title = common_subject(text, quote.verb, quote) if quote.verb is not None else None
    governing = _governing_subject(text, quote)
    echoed = echo_speakers(text, quote, named_subject)
    # The office the speaking noun's title names ("szef węgierskiego rządu"), read when the stage gave the linker.
    linker = text.memo.get("linker")
    role = title_role(text, linker, title) if title is not None and linker is not None else None
    impersonal = quote.verb is not None and ud.impersonal(morph(text.tokens[quote.verb].tag))
    out = []
    kind, has_verb = f"kind={quote.kind}", f"has_verb={quote.verb is not None}"  # the quote's, for every entity
    countries = text.memo.get("countries", {})
    for key, entity in entities.items():
        features = _mention_features(text, quote, key, by_entity.get(key, []), s_first, s_last, ranks)
        linked = not entity.id.startswith("kronika:")
        features += [
            f"type={entity.type}",
            kind,
            has_verb,
            f"named={min(counts.get(key, 0), 5)}",
            f"linked={linked}",
            f"country={entity.country is not None or key in countries}",
            f"type={entity.type}|verb={quote.verb is not None}",
        ]
        # The carried cues (the rule, the last sayer, a recent subject) each also by whether the quote's verb has
        # a common-noun subject ("przekazała służba prasowa Kremla"): that subject is someone, so a party carried
        # from an earlier sentence is less likely to be the speaker.
        cued = f"title={title is not None}"
        if rule_entity is not None and entity.id == rule_entity.id:
            features += ["rule", f"rule|type={entity.type}", f"rule|verb={quote.verb is not None}", f"rule|{cued}"]
        if key in recent:
            rank = min(recent[key], 3)
            features += [
                f"recent_subject={rank}",
                f"recent_subject={rank}|type={entity.type}",
                f"recent_subject={rank}|verb={quote.verb is not None}",
                f"recent_subject={rank}|{cued}",
            ]
        if impersonal:
            features.append(f"impersonal|type={entity.type}")
        if title is not None:
            features += _title_features(text, quote, title, key, entity)
        if role is not None and entity.type == "PER" and role in entity_roles(linker, entity):
            features += _role_features(text, title, entity)
        if governing is not None and entity.id == governing.id:
            features += ["governing", f"governing|verb={quote.verb is not None}"]
        if key in echoed:
            features += ["echo", f"echo|verb={quote.verb is not None}"]
        if sayer is not None and entity.id == sayer.id:
            features += ["sayer", f"sayer|has_verb={quote.verb is not None}", f"sayer|{cued}"]
        out.append((entity, features))
    body = title_body(text, quote, title)
    if body is not None and body.id not in entities:
        out.append((body, body_features(text, quote, title, body)))
    return out


def nobody_features(text: Text, quote: Candidate, options: int) -> list[str]:
    """The features of the choice that nobody named said it: a verb whose subject is a common noun with no name
    after it ("krzyczeli demonstranci", "mówi jeden z mieszkańców"), a verb in the plural, which verb it is (crowds
    chant and shout), no verb at all, few parties around."""
    features = [
        "nobody",
        f"nobody|kind={quote.kind}",
        f"nobody|has_verb={quote.verb is not None}",
        f"nobody|options={min(options, 4)}",
    ]
    verb = quote.verb
    if verb is None:
        return features
    plural = ud.plural(morph(text.tokens[verb].tag))
    features += [f"nobody|plural={plural}", f"nobody|verb_lemma={text.lemmas[verb]}"]
    features += _common_subject_features(text, quote, verb)
    _, hi = text.sentence(verb)
    named = speaker_mentions(text).named
    for i in range(verb + 1, min(hi, verb + 1 + 3)):
        token = text.tokens[i]
        if not WORD.search(token.text):
            break
        if i in named:
            features.append("nobody|named_after_verb")
            break
        m = morph(token.tag)
        if (ud.noun(m) or ud.numeral(m) or ud.adjective(m)) and "Nom" in tag_cases(token.tag):
            features.append("nobody|unnamed_after_verb")
            break
    return features


def _common_subject_features(text: Text, quote: Candidate, verb: int) -> list[str]:
    """Whether the verb's subject is a common noun, in which number, and whether a name stands right after it: "krzyczeli
    demonstranci", "tłum skandował" name nobody; "rzecznik MSZ", "rzecznik Kremla" name a body."""
    noun = common_subject(text, verb, quote)
    if noun is None:
        return []
    plural = ud.plural(morph(text.tokens[noun].tag))
    named = speaker_mentions(text).named
    bare = not any(k in named for k in range(noun + 1, min(len(text.tokens), noun + 1 + TITLE_REACH)))
    return [
        "nobody|common_subject",
        f"nobody|common_subject|plural={plural}",
        f"nobody|common_subject|bare={bare}",
        f"nobody|common_subject|plural={plural}|bare={bare}",
    ]


def last_sayer(text: Text, quote: Candidate):
    """The named subject of the latest verb of saying before the quote within ``CARRY_SENTENCES`` sentences:
    who was speaking when the article went on ("X oświadczył, że ... . „…” – dodał.")."""
    s_first = text.sentence_of[quote.first]
    lo = text.spans[max(0, s_first - CARRY_SENTENCES)][0] if text.spans else 0
    for i in range(quote.first - 1, lo - 1, -1):
        if text.speech_verb(i) and i != quote.verb:
            a, b = text.sentence(i)
            subject = find_subject(
                text.tokens, i, a, b, text.placed, text.mention_starts, coordinators=text.data.COORDINATORS
            )
            if subject is not None:
                return subject.entity
    return None


def common_subject(text: Text, verb: int, quote: Candidate) -> int | None:
    """The token of a common noun that is the verb's subject ("powiedział rzecznik", "armia oświadczyła"): a
    nominative noun outside any name right after the verb, else the nearest one before it in its sentence."""
    lo, hi = text.sentence(verb)
    named = {i for p in mentions_between(text.placed, text.mention_starts, lo, hi) for i in range(p.start, p.end)}

    def common(i: int) -> bool:
        token = text.tokens[i]
        return (
            i not in named
            and not quote.first <= i < quote.last
            and ud.noun(morph(token.tag))
            and "Nom" in tag_cases(token.tag)
        )

    for i in range(verb + 1, min(hi, verb + 1 + 3)):
        if common(i):
            return i
        if not WORD.search(text.tokens[i].text):
            break
    return next((i for i in range(verb - 1, lo - 1, -1) if common(i)), None)


def _title_features(text: Text, quote: Candidate, title: int, key: str, entity) -> list[str]:
    """How an entity stands to the common noun that says the quote: named with that noun elsewhere ("rzecznik MSZ
    Maciej Wewiór" ... "powiedział rzecznik"), or the body the noun belongs to ("rzecznik MSZ", "szef Pentagonu").
    Mentions inside the quote do not count."""
    index = speaker_mentions(text)

    def counted(p: Placed) -> bool:
        return p.entity.id == key and not quote.first <= p.start < quote.last

    features = []
    if any(counted(p) and not p.start <= title < p.end for p in index.titled(key, text.lemmas[title])):
        features += ["title_match", f"title_match|type={entity.type}"]
    lo, hi = bisect_left(index.speaker_starts, title + 1), bisect_left(index.speaker_starts, title + 3)
    if any(counted(p) for p in index.speakers[lo:hi]):
        features += ["title_of", f"title_of|type={entity.type}"]
    return features


def _role_features(text: Text, title: int, entity) -> list[str]:
    """A person the knowledge base knows in the office the speaking noun's title names: marked, and whether the
    title's state is theirs ("szef węgierskiego rządu" for Viktor Orbán); a title of another state's office names
    someone else ("szef polskiego rządu")."""
    state = title_state(text, title)
    if state is not None and state != entity.country:
        return []
    return ["role_match", f"role_match|state={state is not None}"]


def title_state(text: Text, title: int) -> str | None:
    """The state a common-noun speaker belongs to by its own words: a state's adjective or a named party with a
    country within the noun's phrase ("niemiecki minister", "szef węgierskiego rządu", "Władze Pakistanu",
    "służba prasowa Kremla")."""
    linker = text.memo.get("linker")
    lo, hi = text.sentence(title)
    index = speaker_mentions(text)
    countries = text.memo.get("countries", {})
    for k in range(max(lo, title - TITLE_BEFORE_NOUN), min(hi, title + 1 + TITLE_REACH + 1)):
        if k != title and is_verb(text.tokens[k]):
            if k > title:
                break
            continue
        if linker is not None and (state := linker.adjective_state(text.tokens[k])):
            return state
        at = bisect_left(index.speaker_starts, k)
        if at < len(index.speakers) and index.speakers[at].start == k and k > title:
            entity = index.speakers[at].entity
            country = entity.country or countries.get(entity.id)
            if country:
                return country
    return None


def _governing_subject(text: Text, quote: Candidate):
    """The named subject of the nearest verb before the quote in its sentence, whatever the verb: "X nazwał
    decyzję „…”", "X oskarżył Y o „…”" name the speaker without a verb of saying."""
    lo, _ = text.sentence(quote.first)
    verb = next((i for i in range(quote.first - 1, lo - 1, -1) if is_verb(text.tokens[i])), None)
    if verb is None:
        return None
    subject = find_subject(
        text.tokens, verb, lo, quote.first, text.placed, text.mention_starts, coordinators=text.data.COORDINATORS
    )
    return subject.entity if subject is not None else None


def _recent_subjects(text: Text, quote: Candidate) -> dict[str, int]:
    """Entity -> its place among the entities last named as a possible subject (nominative, no preposition)
    before the quote, nearest first, within ``CARRY_SENTENCES`` sentences: who the dropped subject of "– dodał."
    most likely is."""
    s_first = text.sentence_of[quote.first]
    lo = text.spans[max(0, s_first - CARRY_SENTENCES)][0] if text.spans else 0
    ranks: dict[str, int] = {}
    for p in reversed(mentions_between(text.placed, text.mention_starts, lo, quote.first)):
        if p.entity.type in SPEAKER_TYPES and "Nom" in p.cases and not p.governed and p.end <= quote.first:
            ranks.setdefault(p.entity.id, len(ranks))
    return ranks


def _subject_ranks(text: Text, quote: Candidate) -> dict[str, int]:
    """Entity -> its place among the nominative, ungoverned mentions after the verb in its sentence (0 first)."""
    if quote.verb is None:
        return {}
    _, hi = text.sentence(quote.verb)
    ranks: dict[str, int] = {}
    for p in mentions_between(text.placed, text.mention_starts, quote.verb + 1, min(hi, quote.verb + 1 + 12)):
        if (
            p.entity.type in SPEAKER_TYPES
            and "Nom" in p.cases
            and not p.governed
            and not quote.first <= p.start < quote.last
        ):
            ranks.setdefault(p.entity.id, len(ranks))
    return ranks


def _mention_features(
    text: Text, quote: Candidate, key: str, mentions: list[Placed], s_first: int, s_last: int, ranks: dict[str, int]
) -> list[str]:
    """The entity's nearest mention before the quote and nearest after it, each by side, distance in sentences
    and whether it can be a subject: one description per side, however often the article names it."""
    if not mentions:
        return ["mention=none"]
    entity = mentions[0].entity
    before, after = speaker_mentions(text).nearest(key, mentions, quote.first, quote.last)
    features = []
    for side, nearest, gap in (("before", before, None), ("after", after, None)):
        if nearest is None:
            continue
        sentence = text.sentence_of[nearest.start]
        gap = s_first - sentence if side == "before" else sentence - s_last
        bucket = str(gap) if gap <= 2 else ("3-5" if gap <= 5 else "far")
        subject = "Nom" in nearest.cases and not nearest.governed
        features += [f"{side}={bucket}", f"{side}={bucket}|subject={subject}", f"{side}={bucket}|type={entity.type}"]
        if gap <= 2 and (
            nearest.start > 0
            and text.lemmas[nearest.start - 1] in text.data.SOURCE_PREPOSITIONS
            or nearest.start > 1
            and text.lemmas[nearest.start - 2] in text.data.SOURCE_PREPOSITIONS
        ):
            features.append("cited")
        if (
            side == "before"
            and quote.verb is not None
            and nearest.end <= quote.verb
            and text.sentence_of[quote.verb] == sentence
        ):
            features.append(f"before_verb|subject={subject}")
    if entity.id in ranks:
        rank = min(ranks[entity.id], 2)
        features += [f"after_verb={rank}", f"after_verb={rank}|type={entity.type}"]
    return features
