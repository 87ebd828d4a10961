"""Feature strings for the two learned decisions.

A trigger candidate is a content word outside a name; its features say what the word is (lemma, its first
letters, word class), what surrounds it (neighbours, negation, intention and condition cues, how many
participants the sentence names, a background date) and what the rules made of it (the trigger table's
type for the word, the rule coder's event on it and its modality). A role candidate is a participant code
for an event; its features place its nearest mention relative to the trigger (side, distance, case,
governing preposition, modifier or not), say how prominent it is in the article, and what role the rule
coder gave it. Conjunctions with the event type let one model learn every type's frame.
No language's words are written here: lemmas come from the text and cue words from the language pack.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from kronika.caches import WORD_TYPES
from kronika.events.codes import code_of, participant_code
from kronika.events.view import ArticleView, Candidate
from kronika.stages.events.modality import future_at

CONTENT = ("nominal", "verbal")
# Cues are sought this many tokens before the word they qualify ("nie został", "zamierza wysłać").
CUE_REACH = 4


def is_trigger_candidate(view: ArticleView, i: int) -> bool:
    return view.families[i] in CONTENT and i not in view.in_mention


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7-10" if n < 11 else "11+"


def trigger_features(view: ArticleView, i: int, cues) -> list[str]:
    return [*word_features(view, i), *context_features(view, i, cues)]


def word_features(view: ArticleView, i: int) -> tuple[str, ...]:
    """The features of a trigger candidate's own word: the same tuple for every occurrence of its lemma and class."""
    return _word_features(view.lemmas[i], view.classes[i])


def context_features(view: ArticleView, i: int, cues) -> list[str]:
    """The features of a trigger candidate's place: neighbours, cues, the sentence and the rules' reading of it."""
    left, right = neighbour_features(view, i)
    return [left, right, *place_features(view, i, cues)]


def neighbour_features(view: ArticleView, i: int) -> tuple[str, str]:
    """The first two of ``context_features``: the lemmas either side in the sentence."""
    lo, hi = view.sentence_tokens[view.sentence_of[i]]
    return f"l-1={view.lemmas[i - 1] if i > lo else '<s>'}", f"l+1={view.lemmas[i + 1] if i + 1 < hi else '</s>'}"


def place_features(view: ArticleView, i: int, cues) -> tuple[str, ...]:
    """The rest of ``context_features``: the same tuple (one object, ``_place_features``' cache) for every word
    with the same cues, sentence facts and rules' reading, so a model translates it once, not once per word."""
    cls = view.classes[i]
    sentence = view.sentence_of[i]
    lo = view.sentence_tokens[sentence][0]
    before = view.lemmas[max(lo, i - CUE_REACH) : i]
    named, hypothetical = _sentence_facts(view, sentence, cues)
    lexical = view.lexicon.get(i)
    rule = view.rule_at.get(i)
    return _place_features(
        cls,
        not cues.NEGATION.isdisjoint(before),
        not cues.INTENTION_VERBS.isdisjoint(before),
        future_at(view.doc.tokens, i),
        hypothetical or cues.CONDITIONAL_PARTICLE in before,
        named,
        sentence in view.old_sentences,
        None if lexical is None else (lexical[1], lexical[0][:2]),
        None if rule is None else (rule.type, rule.modality),
    )


def plain_places(cls: str):
    """Every ``place_features`` tuple a word of class ``cls`` can have when neither the trigger table nor the
    rules read it (no lexical or rule features): what bounds its score before its cues are worked out."""
    for negated, intent, future, hypothetical, old in itertools.product((False, True), repeat=5):
        for named in {_named_bucket(n) for n in range(NAMED_MAX + 1)}:
            yield _place_features(cls, negated, intent, future, hypothetical, named, old, None, None)


@lru_cache(maxsize=WORD_TYPES)
def _place_features(cls, negated, intent, future, hypothetical, named, old, lexical, rule) -> tuple[str, ...]:
    feats = []
    if negated:
        feats += ["neg", f"neg|c={cls}"]
    if intent:
        feats.append("intent")
    if future:
        feats += ["fut", f"fut|c={cls}"]
    if hypothetical:
        feats.append("hypo")
    feats.append(f"named={named}")
    if old:
        feats.append("old")
    if lexical is not None:
        plover, family = lexical
        feats += [f"x={plover}", f"xr={family}", f"x={plover}|c={cls}"]
        if negated:
            feats.append(f"x={plover}|neg")
    if rule is not None:
        etype, modality = rule
        feats += [f"r={etype}", f"rm={modality}", f"r={etype}|{modality}"]
    return tuple(feats)


@lru_cache(maxsize=WORD_TYPES)
def _word_features(lemma: str, cls: str) -> tuple[str, ...]:
    """A trigger candidate's features of its own word: the same strings for every occurrence."""
    return (f"l={lemma}", f"c={cls}", f"lc={lemma}|{cls}", f"p4={lemma[:4]}", f"p6={lemma[:6]}")


# Sentences naming this many codes or more share one feature.
NAMED_MAX = 4


def _named_bucket(n: int) -> str:
    return str(n) if n < NAMED_MAX else f"{NAMED_MAX}+"


def _sentence_facts(view: ArticleView, sentence: int, cues) -> tuple[str, bool]:
    """How many codes the sentence names (bucketed) and whether it is hypothetical: once per sentence, so the
    work stays linear in a sentence's length."""
    facts = view.memo.get(("sentence", sentence))
    if facts is None:
        lo, hi = view.sentence_tokens[sentence]
        named = len({code_of(p.entity) for p in view.sentence_placed(sentence)})
        facts = (_named_bucket(named), not cues.HYPOTHETICAL_MARKERS.isdisjoint(view.lemmas[lo:hi]))
        view.memo[("sentence", sentence)] = facts
    return facts


def role_features(view: ArticleView, trigger: int, etype: str, candidate: Candidate, cues) -> list[str]:
    return [f for part in role_parts(view, trigger, etype, [candidate], cues)[0] for f in part]


def role_parts(view: ArticleView, trigger: int, etype: str, candidates: list[Candidate], cues):
    """``role_features`` of each candidate for one trigger and type, in parts: each part the same tuple (one
    object, from a cache) wherever the same facts hold, so a model translates each part once, not once per
    candidate; what the trigger's sentence and the rules' events say is read once for all candidates."""
    sentence = view.sentence_of[trigger]
    lemma = view.lemmas[trigger]
    ruled = []
    for source, event in (("r", view.rule_at.get(trigger)), ("s", view.rule_in_sentence.get((sentence, etype)))):
        if event is not None:
            ruled.append(
                (source, {participant_code(p) for p in event.actor}, {participant_code(p) for p in event.recipient})
            )
    out = []
    for candidate in candidates:
        entity = candidate.entity
        here = view.candidate_in(candidate, sentence)
        # Two bodies of the code in the sentence (a government and its opposition) are how one code acts on itself.
        bodies = len({p.entity.id for p in here})
        kind = "state" if entity.country and len(candidate.code) == 3 else "other"
        parts = [_head(etype, min(candidate.rank, 4), entity.type, kind, entity.sector, min(bodies, 2))]
        if here:
            parts.append(_placement(view, trigger, etype, lemma, here, cues))
        elif view.candidate_in(candidate, sentence - 1):
            parts.append(_where(etype, "P", _subject(view, sentence - 1) == candidate.code))
        else:
            parts.append(_where(etype, "A", False))
        for source, actors, recipients in ruled:
            parts.append(_ruled(source, etype, candidate.code in actors, candidate.code in recipients))
        out.append(parts)
    return out


@lru_cache(maxsize=WORD_TYPES)
def _head(etype: str, rank: int, entity_type: str, kind: str, sector, bodies: int) -> tuple[str, ...]:
    return (
        f"rank={rank}",
        f"t={etype}|rank={rank}",
        f"e={entity_type}",
        f"kind={kind}",
        f"sec={sector}",
        f"bodies={bodies}",
        f"t={etype}|bodies={bodies}",
    )


@lru_cache(maxsize=WORD_TYPES)
def _where(etype: str, where: str, subject: bool) -> tuple[str, ...]:
    """A candidate not in the trigger's sentence: in the one before (its subject or not), or elsewhere."""
    return (f"w={where}", f"t={etype}|w={where}", *(("psubj", f"t={etype}|psubj") if subject else ()))


@lru_cache(maxsize=WORD_TYPES)
def _ruled(source: str, etype: str, acts: bool, receives: bool) -> tuple[str, ...]:
    """What the rule coder's event on the trigger (``r``) or in its sentence (``s``) made of the candidate."""
    return (
        *((f"{source}a", f"{source}a|t={etype}") if acts else ()),
        *((f"{source}r", f"{source}r|t={etype}") if receives else ()),
    )


def _subject(view: ArticleView, sentence: int) -> str | None:
    """The code of the sentence's first bare nominative mention (its subject, as far as the features go)."""
    key = ("subject", sentence)
    if key not in view.memo:
        bare = [
            m for m in view.sentence_placed(sentence) if m.preposition is None and not m.attached and "Nom" in _cases(m)
        ]
        view.memo[key] = code_of(bare[0].entity) if bare else None
    return view.memo[key]


def _placement(view: ArticleView, trigger: int, etype: str, lemma: str, here, cues) -> tuple[str, ...]:
    """Where the candidate's nearest mention in the trigger's sentence stands, and in what form."""
    p = min(here, key=lambda m: abs(m.start - trigger))
    side = "L" if p.start < trigger else "R"
    distance = _bucket(abs(p.start - trigger) if side == "R" else trigger - p.end + 1)
    cases = p.guessed if p.guessed is not None else p.cases
    # The model learned the cases as the tagset spells them ("gen+nom").
    form = "any" if len(cases) > 3 else "+".join(sorted(view.language.tag_value(f"Case={c}") for c in cases))
    frame = p.preposition or ("mod" if p.attached else "adj" if p.adjective else "bare")
    # Is it the nearest named participant on its side of the trigger?
    code = code_of(p.entity)
    others = [m for m in view.sentence_placed(view.sentence_of[trigger]) if code_of(m.entity) != code]
    nearer = [
        m for m in others if (m.start < trigger) == (side == "L") and abs(m.start - trigger) < abs(p.start - trigger)
    ]
    lo, hi = (p.end, trigger) if side == "L" else (trigger + 1, p.start)
    between = view.lemmas[lo:hi]
    return _placed(
        etype,
        lemma,
        side,
        distance,
        frame,
        form,
        frame == "bare" and "Nom" in cases,
        p.outer,
        p.preposition in cues.SOURCE_PREPOSITIONS,
        not nearer,
        min(len({code_of(m.entity) for m in others}) + 1, 3),
        any(w in cues.CLAUSE_OPENERS for w in between) or any(t.text in ",;:" for t in view.doc.tokens[lo:hi]),
        _subject(view, view.sentence_of[trigger]) == code,
        any(
            view.lemmas[j] in cues.REPORTING_VERBS or view.lemmas[j] in cues.CLAIM_VERBS
            for j in range(max(0, p.start - 3), min(len(view.lemmas), p.end + 3))
        ),
    )


@lru_cache(maxsize=WORD_TYPES)
def _placed(
    etype, lemma, side, distance, frame, form, nominative, outer, source, first, named, split, subject, speaker
) -> tuple[str, ...]:
    feats = [
        "w=S",
        f"side={side}",
        f"d={distance}",
        f"side={side}|d={distance}",
        f"f={frame}",
        f"side={side}|f={frame}",
        f"form={form}",
        f"side={side}|form={form}",
        f"t={etype}|side={side}|f={frame}",
        f"t={etype}|side={side}|nom={nominative}",
        f"t={etype}|side={side}|form={form}",
        f"l={lemma}|side={side}|f={frame}",
        f"l={lemma}|side={side}|nom={nominative}",
        f"side={side}|nom={nominative}",
    ]
    if outer:
        feats.append(f"outer={outer}")
    if source:
        feats.append("source")
    feats.append(f"first={first}|side={side}")
    feats.append(f"t={etype}|first={first}|side={side}")
    feats.append(f"nc={named}|side={side}")
    if split:
        feats += ["break", f"t={etype}|break|side={side}"]
    if subject:
        feats += ["subj", f"t={etype}|subj", f"t={etype}|subj|side={side}"]
    if speaker:
        feats += ["speaker", f"t={etype}|speaker"]
    return tuple(feats)


def _cases(p) -> frozenset[str]:
    return p.guessed if p.guessed is not None else p.cases
