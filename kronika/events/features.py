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
    cls = view.classes[i]
    sentence = view.sentence_of[i]
    lo, hi = view.sentence_tokens[sentence]
    before = view.lemmas[max(lo, i - CUE_REACH) : i]
    feats = [
        f"l-1={view.lemmas[i - 1] if i > lo else '<s>'}",
        f"l+1={view.lemmas[i + 1] if i + 1 < hi else '</s>'}",
    ]
    negated = not cues.NEGATION.isdisjoint(before)
    if negated:
        feats += ["neg", f"neg|c={cls}"]
    if not cues.INTENTION_VERBS.isdisjoint(before):
        feats.append("intent")
    if future_at(view.doc.tokens, i):
        feats += ["fut", f"fut|c={cls}"]
    named, hypothetical = _sentence_facts(view, sentence, cues)
    if hypothetical or cues.CONDITIONAL_PARTICLE in before:
        feats.append("hypo")
    feats.append(f"named={named}")
    if sentence in view.old_sentences:
        feats.append("old")
    lexical = view.lexicon.get(i)
    if lexical is not None:
        cameo, plover = lexical
        feats += [f"x={plover}", f"xr={cameo[:2]}", f"x={plover}|c={cls}"]
        if negated:
            feats.append(f"x={plover}|neg")
    rule = view.rule_at.get(i)
    if rule is not None:
        feats += [f"r={rule.type}", f"rm={rule.modality}", f"r={rule.type}|{rule.modality}"]
    return feats


@lru_cache(maxsize=WORD_TYPES)
def _word_features(lemma: str, cls: str) -> tuple[str, ...]:
    """A trigger candidate's features of its own word: the same strings for every occurrence."""
    return (f"l={lemma}", f"c={cls}", f"lc={lemma}|{cls}", f"p4={lemma[:4]}", f"p6={lemma[:6]}")


def _sentence_facts(view: ArticleView, sentence: int, cues) -> tuple[str, bool]:
    """How many codes the sentence names (bucketed) and whether it is hypothetical: once per sentence, so the
    work stays linear in a sentence's length."""
    facts = view.memo.get(("sentence", sentence))
    if facts is None:
        lo, hi = view.sentence_tokens[sentence]
        named = len({code_of(p.entity) for p in view.sentence_placed(sentence)})
        facts = (str(named) if named < 4 else "4+", any(w in cues.HYPOTHETICAL_MARKERS for w in view.lemmas[lo:hi]))
        view.memo[("sentence", sentence)] = facts
    return facts


def role_features(view: ArticleView, trigger: int, etype: str, candidate: Candidate, cues) -> list[str]:
    sentence = view.sentence_of[trigger]
    lemma = view.lemmas[trigger]
    entity = candidate.entity
    feats = [
        f"rank={min(candidate.rank, 4)}",
        f"t={etype}|rank={min(candidate.rank, 4)}",
        f"e={entity.type}",
        f"kind={'state' if entity.country and len(candidate.code) == 3 else 'other'}",
        f"sec={entity.sector}",
    ]
    here = view.candidate_in(candidate, sentence)
    # Two bodies of the code in the sentence (a government and its opposition) are how one code acts on itself.
    bodies = len({p.entity.id for p in here})
    feats += [f"bodies={min(bodies, 2)}", f"t={etype}|bodies={min(bodies, 2)}"]
    if here:
        feats += _placement(view, trigger, etype, lemma, here, cues)
    elif view.candidate_in(candidate, sentence - 1):
        feats += ["w=P", f"t={etype}|w=P"]
        previous = [
            m
            for m in view.sentence_placed(sentence - 1)
            if m.preposition is None and not m.attached and "Nom" in _cases(m)
        ]
        if previous and code_of(previous[0].entity) == candidate.code:
            feats += ["psubj", f"t={etype}|psubj"]
    else:
        feats += ["w=A", f"t={etype}|w=A"]
    rule = view.rule_at.get(trigger)
    for source, event in (("r", rule), ("s", view.rule_in_sentence.get((sentence, etype)))):
        if event is None:
            continue
        if candidate.code in {participant_code(p) for p in event.actor}:
            feats += [f"{source}a", f"{source}a|t={etype}"]
        if candidate.code in {participant_code(p) for p in event.recipient}:
            feats += [f"{source}r", f"{source}r|t={etype}"]
    return feats


def _placement(view: ArticleView, trigger: int, etype: str, lemma: str, here, cues) -> list[str]:
    """Where the candidate's nearest mention in the trigger's sentence stands, and in what form."""
    p = min(here, key=lambda m: abs(m.start - trigger))
    side = "L" if p.start < trigger else "R"
    distance = _bucket(abs(p.start - trigger) if side == "R" else trigger - p.end + 1)
    cases = p.guessed if p.guessed is not None else p.cases
    # The model learned the cases as the tagset spells them ("gen+nom").
    form = "any" if len(cases) > 3 else "+".join(sorted(view.language.tag_value(f"Case={c}") for c in cases))
    frame = p.preposition or ("mod" if p.attached else "adj" if p.adjective else "bare")
    nominative = frame == "bare" and "Nom" in cases
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
    if p.outer:
        feats.append(f"outer={p.outer}")
    if p.preposition in cues.SOURCE_PREPOSITIONS:
        feats.append("source")
    # Is it the nearest named participant on its side of the trigger?
    others = [m for m in view.sentence_placed(view.sentence_of[trigger]) if code_of(m.entity) != code_of(p.entity)]
    nearer = [
        m for m in others if (m.start < trigger) == (side == "L") and abs(m.start - trigger) < abs(p.start - trigger)
    ]
    feats.append(f"first={not nearer}|side={side}")
    feats.append(f"t={etype}|first={not nearer}|side={side}")
    named = len({code_of(m.entity) for m in others}) + 1
    feats.append(f"nc={min(named, 3)}|side={side}")
    lo, hi = (p.end, trigger) if side == "L" else (trigger + 1, p.start)
    between = view.lemmas[lo:hi]
    if any(w in cues.CLAUSE_OPENERS for w in between) or any(t.text in ",;:" for t in view.doc.tokens[lo:hi]):
        feats += ["break", f"t={etype}|break|side={side}"]
    bare_nominative = [
        m
        for m in view.sentence_placed(view.sentence_of[trigger])
        if m.preposition is None and not m.attached and "Nom" in _cases(m)
    ]
    if bare_nominative and code_of(bare_nominative[0].entity) == code_of(p.entity):
        feats += ["subj", f"t={etype}|subj", f"t={etype}|subj|side={side}"]
    if any(
        view.lemmas[j] in cues.REPORTING_VERBS or view.lemmas[j] in cues.CLAIM_VERBS
        for j in range(max(0, p.start - 3), min(len(view.lemmas), p.end + 3))
    ):
        feats += ["speaker", f"t={etype}|speaker"]
    return feats


def _cases(p) -> frozenset[str]:
    return p.guessed if p.guessed is not None else p.cases
