"""From the models' scores to Event records.

Per sentence and PLOVER type, the word the trigger model scores highest states the event when its
probability clears the threshold (two events of one type in one sentence are rare in annotated news, and one
event per sentence and type keeps a re-mentioned trigger from counting twice). The role model then scores
every participant code of the article for that event: the best actor above its threshold acts, with any
other code above the (higher) threshold for a second actor; the best other code above the recipient
threshold receives. An event without an actor is not coded: annotated events always have one. Events that
restate one another (same type, sides and occasion) are merged into the first, as the rule coder merges its own.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np

from kronika.events.coordination import extend_side
from kronika.events.features import (
    CONTENT,
    neighbour_features,
    place_features,
    role_parts,
    word_features,
)
from kronika.events.linear import LinearModel
from kronika.events.reach import reach_of
from kronika.events.view import ArticleView, Candidate
from kronika.record import Event, Mention, Participant
from kronika.stages.events import Coder, Found, _event_date, _location, _merge_same

NONE = "NONE"
ACTOR, RECIPIENT = "actor", "recipient"
BOTH = "both"  # one code acts and receives: two bodies of one state
AGENT_TYPES = frozenset({"PER", "ORG"})  # who can act; a place stands for its state only when none is named


@dataclass(frozen=True)
class Thresholds:
    trigger: float = 0.5
    actor: float = 0.3
    second_actor: float = 0.6
    recipient: float = 0.3
    both: float = 0.5
    # Keep the rule coder's events and add learned ones only for a sentence and type the rules left empty.
    keep_rules: bool = False
    # With the rules not kept: add a rule event for each sentence and type the learned layer left empty.
    fill_rules: bool = False


def trigger_sites(
    view: ArticleView, model: LinearModel, cues, floor: float = 0.0
) -> dict[tuple[int, str], tuple[float, int]]:
    """(sentence, type) -> (probability, token) of the best word of each sentence for each type: the first of
    equal best, and only a probability above 0 and at least ``floor``. Keys come in the order of the word that
    first gave the type a probability, then of the model's classes."""
    # ``is_trigger_candidate`` of every token, written out (asked of every token of every article).
    inside = view.in_mention
    words = [i for i, family in enumerate(view.families) if family in CONTENT and i not in inside]
    if not words:
        return {}
    neighbours = [neighbour_features(view, i) for i in words]
    if 0 < floor < 1 and NONE in model.classes:
        # Words that cannot reach the floor are not scored (``kronika.events.reach``); when that could change
        # the order of the keys (a probability of 0 somewhere), every word is.
        reach, positive = reach_of(model).reachable(view, words, neighbours, floor)
        if positive:
            keep = [k for k, r in enumerate(reach) if r]
            sites = _best_words(view, model, cues, [words[k] for k in keep], [neighbours[k] for k in keep], floor, True)
            if sites is not None:
                return sites
    return _best_words(view, model, cues, words, neighbours, floor, False)


def _best_words(view: ArticleView, model: LinearModel, cues, words, neighbours, floor: float, opened: bool):
    """``trigger_sites`` of the words given. ``opened``: some words were left out, and the keys' order holds
    only if each sentence's first word scored gives every type it is a key for some probability (None if not)."""
    # The features in ``trigger_features``' order: the word's own, its neighbours, then the rest of its place;
    # the model looks the rows of the first and the last up once per distinct tuple.
    shares = model.shares(
        neighbours, [word_features(view, i) for i in words], [place_features(view, i, cues) for i in words]
    )
    types = [k for k, c in enumerate(model.classes) if c != NONE]
    part = shares[:, types]
    runs = _runs([view.sentence_of[i] for i in words])
    # Only the (sentence, type) pairs some word reaches (the floor, else a probability above 0) need their best
    # word: with a floor that is a few pairs an article, and working out every pair's cost more than the rest of
    # decoding.
    run_of = np.repeat(np.arange(len(runs)), [hi - lo for lo, hi in runs])
    rows, columns = np.nonzero(part >= floor if floor > 0 else part > 0)
    pairs = sorted(set(zip(run_of[rows].tolist(), columns.tolist())))
    entries = []
    for r, n in pairs:
        lo, hi = runs[r]
        column = part[lo:hi, n]
        best, first = int(column.argmax()), int((column > 0).argmax())
        if opened and first != 0:
            return None
        entries.append((lo + first, types[n], view.sentence_of[words[lo]], float(column[best]), words[lo + best]))
    entries.sort(key=lambda e: e[:2])
    return {(sentence, model.classes[k]): (p, token) for _, k, sentence, p, token in entries}


def _runs(values: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of equal values."""
    runs, start = [], 0
    for n in range(1, len(values) + 1):
        if n == len(values) or values[n] != values[start]:
            runs.append((start, n))
            start = n
    return runs


def role_scores(view: ArticleView, sites: list[tuple[int, str]], model: LinearModel, cues) -> list[list[tuple]]:
    """For each (token, type) site, (probabilities, candidate) of every participant code: all sites scored in
    one pass (``LinearModel.probabilities_in_parts``, the same numbers as one by one)."""
    candidates = list(view.candidates.values())
    probabilities = model.probabilities_in_parts(
        [parts for token, etype in sites for parts in role_parts(view, token, etype, candidates, cues)]
    )
    n = len(candidates)
    return [list(zip(probabilities[k * n : (k + 1) * n], candidates)) for k in range(len(sites))]


def choose_roles(
    view: ArticleView, token: int, etype: str, model: LinearModel, cues, limits: Thresholds, scored=None
) -> tuple[list[Candidate], list[Candidate]]:
    """The actor and recipient chosen together, as the assignment most likely against "nobody plays a role":
    a pair of different codes multiplies their odds (so a code likelier to receive than to act is not made
    the actor); one code on both sides (the government and the opposition of one state, police and
    protesters) has odds of its own, for news of one country is mostly that. Codes coordinated with a chosen
    one join its side (``kronika.events.coordination``). ``scored`` is ``role_scores``' list for the site
    when already computed."""
    if scored is None:
        (scored,) = role_scores(view, [(token, etype)], model, cues)
    if not scored:
        return [], []
    gains = _gains(scored)
    floor_a, floor_r = _odds(limits.actor, 1 - limits.actor), _odds(limits.recipient, 1 - limits.recipient)
    floor_b = _odds(limits.both, 1 - limits.both)
    best, pair = None, ([], [])
    for a_gain, _, b_gain, p, a in gains:
        if b_gain >= floor_b and (best is None or b_gain > best):
            best, pair = b_gain, ([a], [a])
        if a_gain < floor_a:
            continue
        options = [(r_gain, r) for _, r_gain, _, _, r in gains if r is not a and r_gain >= floor_r]
        r_gain, r = max(options, key=lambda o: o[0], default=(0.0, None))
        total = a_gain + r_gain
        if best is None or total > best:
            best, pair = total, ([a], [r] if r is not None else [])
    actor, recipient = pair
    if actor:
        actor += [
            c for _, _, _, p, c in gains if c not in actor and c not in recipient and p[ACTOR] >= limits.second_actor
        ]
    if actor and recipient and actor[0] is recipient[0]:
        return actor, recipient
    return extend_side(view, token, actor, recipient, cues), extend_side(view, token, recipient, actor, cues)


def _gains(scored) -> list[tuple]:
    """(actor, recipient, both odds against nobody, probabilities, candidate) of each candidate: ``_odds`` of
    each, written out, since every site asks it of every code of the article."""
    out = []
    for p, c in scored:
        none = max(p[NONE], 1e-9)
        out.append(
            (
                math.log(max(p[ACTOR], 1e-9) / none),
                math.log(max(p[RECIPIENT], 1e-9) / none),
                math.log(max(p.get(BOTH, 0.0), 1e-9) / none),
                p,
                c,
            )
        )
    return out


def _odds(p: float, q: float) -> float:
    return math.log(max(p, 1e-9) / max(q, 1e-9))


@cache
def default_cameo(coder: Coder) -> dict[str, str]:
    """The CAMEO code the trigger table uses most for each PLOVER type: what a learned trigger outside the
    table is coded as."""
    counts: dict[str, Counter] = {}
    for trigger in coder.language.triggers:
        plover = coder.codebook.cameo(trigger.cameo).plover_type
        if plover:
            counts.setdefault(plover, Counter())[trigger.cameo] += 1
    return {plover: c.most_common(1)[0][0] for plover, c in counts.items()}


def _participant(view: ArticleView, token: int, candidate: Candidate, besides: str | None = None) -> Participant:
    """The entity that stands for the code in this event: its mention nearest the trigger in the sentence
    ("Kim", not North Korea, in "Kim spotkał się z Xi"), a person or body before a place ("Xi", not Beijing, in
    "spotkał się w Pekinie z Xi"), else the code's representative. ``besides`` is an
    entity the other side already names: the receiving body of an event within one state is another one."""
    sentence = view.sentence_of[token]
    here = [p for p in view.candidate_in(candidate, sentence) if p.entity.id != besides]
    agents = [p for p in here if p.entity.type in AGENT_TYPES]
    mentions = [] if here or besides is None else [p for p in candidate.placed if p.entity.id != besides]
    if agents or here:
        e = min(agents or here, key=lambda p: abs(p.start - token)).entity
    elif mentions:
        most = Counter(p.entity.id for p in mentions).most_common(1)[0][0]
        e = next(p.entity for p in mentions if p.entity.id == most)
    else:
        e = candidate.entity
    return Participant(entity=e.id, name=e.name, country=e.country, sector=e.sector)


def make_event(view: ArticleView, coder: Coder, token: int, etype: str, actor, recipient) -> Event | None:
    doc = view.doc
    lexical = view.lexicon.get(token)
    cameo = lexical[0] if lexical and lexical[1] == etype else default_cameo(coder).get(etype)
    if cameo is None:
        return None
    info = coder.codebook.cameo(cameo)
    rule = view.rule_at.get(token)
    t = doc.tokens[token]
    date, precision = _event_date(doc, Found(None, token, token + 1))
    sentence = view.sentence_of[token]
    actors = [_participant(view, token, c) for c in actor]
    side = {c.code: p.entity for c, p in zip(actor, actors)}
    return Event(
        type=etype,
        mode=info.plover_mode or None,
        context=list(info.plover_contexts or ()),
        trigger=Mention(t.start, t.end, t.text),
        sentence=sentence,
        actor=actors,
        recipient=[_participant(view, token, c, side.get(c.code)) for c in recipient],
        cameo=cameo,
        goldstein=coder.codebook.goldstein(cameo),
        quad_class=info.quad_class,
        date=date,
        date_precision=precision,
        location=_location(view.sentence_placed(sentence), coder),
        reported_by=list(rule.reported_by) if rule else [],
        modality=rule.modality if rule and rule.type == etype else "asserted",
    )


def decode(
    view: ArticleView, coder: Coder, models: dict[str, LinearModel], limits: Thresholds = Thresholds()
) -> list[Event]:
    cues = coder.cues
    events = list(view.rules) if limits.keep_rules else []
    covered = {(e.sentence, e.type) for e in events}
    sites = trigger_sites(view, models["trigger"], cues, floor=limits.trigger)
    chosen = [
        (sentence, etype, token)
        for (sentence, etype), (p, token) in sorted(sites.items(), key=lambda s: (s[0][0], s[1][1]))
        if p >= limits.trigger and (sentence, etype) not in covered
    ]
    scores = role_scores(view, [(token, etype) for _, etype, token in chosen], models["role"], cues)
    for (sentence, etype, token), scored in zip(chosen, scores):
        actor, recipient = choose_roles(view, token, etype, models["role"], cues, limits, scored)
        if not actor:
            continue
        event = make_event(view, coder, token, etype, actor, recipient)
        if event is not None:
            events.append(event)
    if limits.fill_rules and not limits.keep_rules:
        learned = {(e.sentence, e.type) for e in events}
        events += [e for e in view.rules if (e.sentence, e.type) not in learned]
    if limits.keep_rules or limits.fill_rules:
        events.sort(key=lambda e: (e.trigger.start, e.type))
    # Sentences that restate one event (same type, sides and occasion) make one record, as the rules' do.
    return _merge_same(events)
