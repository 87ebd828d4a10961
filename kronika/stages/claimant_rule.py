"""Who claims a figure: the claimant rule of the amount stage, read sentence by sentence.

A figure's claimant is the speaker of a quote holding it, else whom its sentence cites: the source the sentence
names ("według NIS"), else the named subject of a reporting verb or a verb of saying in the sentence, else a
state's authorities named by a common noun ("Władze podały", "według strony izraelskiej": the state's country, no
entity), else, for a reporting verb with no subject ("Przekazał również, że ...") or a sentence that passes on a
report by the reportative verb ("Zginąć miało sześć osób" after "Damaszek twierdzi, że ..."), the claimant of the
sentence before in its paragraph (an impersonal verb, "podawano", names nobody and carries nobody's report on),
else the party of a dash tail that closes the passage of unmarked speech the sentence opens ("Rosja wydala czterech
dyplomatów. Powinni oni opuścić Rosję – poinformowało MSZ."), else the article itself (None). A cue after the
figure names its claimant only in the tail a dash opens ("Zginęło pięć osób – podała policja"); "W nalocie zginęło
pięć osób, ale według Hamasu ..." leaves the figure to the article.
"""

from __future__ import annotations

from bisect import bisect_left

from kronika.lang import ud
from kronika.lang.punctuation import DASHES, QUOTES
from kronika.lang.ud import morph
from kronika.quotes.bodies import body_party, dominant_country
from kronika.quotes.mentions import WORD, find_subject, is_verb, mentions_between, participant, tag_cases
from kronika.record import Document, Participant, Token
from kronika.stages.link import load_linker

# What opens a passage of speech of its own: a dash or a quote mark at a sentence's start.
OPENING_MARKS = DASHES | QUOTES
# How far (tokens) after a source preposition ("według") the cited mention may start.
SOURCE_REACH = 3
# How far a cited name may stand past the words of a report ("według danych przekazanych przez władze").
CITED_REACH = 6


class Claims:
    """The claimant of each figure of one article, asked sentence by sentence in order."""

    def __init__(self, doc: Document, citations: "Citations", spans: list[tuple[int, int]]):
        self.doc, self.citations = doc, citations
        self.previous: tuple[int, Participant | None] = (0, None)  # the sentence before: its end, its claimant
        self.claimant: Participant | None = None
        self.said_at: int | None = None
        self.spans = spans
        self.cues = [citations.claimant(lo, hi) for lo, hi in spans]  # read once: a later sentence's cue may reach back
        self.index = {lo: n for n, (lo, _) in enumerate(spans)}

    def sentence(self, lo: int, hi: int) -> None:
        """Read the sentence of tokens [lo, hi): whom it cites, and from which token."""
        tokens, citations = self.doc.tokens, self.citations
        n = self.index[lo]
        claimant, self.said_at = self.cues[n]
        same_paragraph = "\n" not in self.doc.text[self.previous[0] : tokens[lo].start]
        if claimant is True:  # "Przekazał również, że ...": the one who spoke in the sentence before, same paragraph
            claimant = self.previous[1] if same_paragraph else None
        elif not claimant and same_paragraph and citations.reportative(lo, hi):
            claimant = self.previous[1]  # "Damaszek twierdzi, że ... . Zginąć miało sześć osób": the report goes on
        elif not claimant:
            claimant = self._closing(n)
            self.said_at = None
        self.claimant = claimant or None
        self.previous = (tokens[hi - 1].end, self.claimant)

    def _closing(self, n: int) -> Participant | None:
        """The party of a dash cue that closes the passage of unmarked speech after sentence ``n`` ("Rosja wydala
        czterech dyplomatów. Powinni oni opuścić Rosję – poinformowało MSZ.", "... Odnosiliśmy się do 26 wniosków.
        ¶ — mówił Karol Nawrocki."): the first later sentence with a cue, in the paragraph, if the cue's verb comes
        right after a spaced dash (the dash may open a line of its own). A sentence on the way that opens with a dash
        or a quote mark opens a speech of its own, which the cue closes instead ("– Jest potrzeba pomocy – mówił.",
        a list's "- Estonia zapowiedziała ...")."""
        tokens, text = self.doc.tokens, self.doc.text
        for m in range(n + 1, len(self.spans)):
            lo, hi = self.spans[m]
            claimant, cue = self.cues[m]
            if claimant is True or cue is None:
                if claimant is True or self._opens_line(m) or tokens[lo].text in OPENING_MARKS:
                    return None  # a new paragraph, a speech of its own, or a subject carried from before
                continue
            dash = cue - 1  # the tail of unmarked speech: a dash, then the cue's verb ("– poinformowało MSZ")
            if (
                dash < lo
                or tokens[dash].text not in DASHES
                or (dash > lo and tokens[dash].start == tokens[dash - 1].end)
            ):
                return None
            if dash > lo and (self._opens_line(m) or tokens[lo].text in OPENING_MARKS):
                return None
            if "\n" in text[tokens[lo].start : tokens[dash].start].rstrip():
                return None  # "\n— mówił Karol Nawrocki." may stand on a line of its own, nothing else may
            return claimant
        return None

    def _opens_line(self, m: int) -> bool:
        """Whether sentence ``m`` starts a line: a line break stands between it and the sentence before."""
        tokens, (lo, _) = self.doc.tokens, self.spans[m]
        return "\n" in self.doc.text[tokens[self.spans[m - 1][1] - 1].end : tokens[lo].start]

    def of_figure(self, first: int, start: int) -> Participant | None:
        """The claimant of the figure whose number starts at token ``first`` (character ``start``) of the sentence
        read last: a quote's speaker holds it, else the sentence's cue if it covers the figure."""
        speaker = next((q.speaker for q in self.doc.quotes if q.start <= start < q.end and q.speaker), None)
        return speaker or (self.claimant if self.citations.covers(self.said_at, first) else None)


def adjectival(tag: str | None) -> bool:
    """Adjectives, adjectival participles and numerals: what stands between a number and what it counts."""
    m = morph(tag)
    return ud.adjectival(m) or ud.numeral(m)


class Citations:
    """What the claimant rule reads of one article, gathered once for all its sentences."""

    def __init__(self, tokens: list[Token], lemmas: list[str], placed, mention_starts: list[int], language, data):
        self.tokens, self.lemmas = tokens, lemmas
        self.placed, self.mention_starts = placed, mention_starts
        self.sources = language.event_cues.SOURCE_PREPOSITIONS
        # The verbs of saying too ("Zełenski powiedział, że ...", "OPCW podkreśla, że ..."): the quote stage's one list,
        # which holds the reporting verbs (issue 22: 0.787 -> 0.790 out of fold on train-pl, check-pl 0.746 -> 0.772).
        speech = language.data("quotes").SPEECH_VERBS
        self.reporting = set(language.event_cues.REPORTING_VERBS) | data.ESTIMATING_VERBS | speech
        self.authorities = data.AUTHORITIES
        self.authority_names = getattr(data, "AUTHORITY_NAMES", None)  # how a body is shown; else its lemma
        self.adjective_state = load_linker(language.code).adjective_state
        self.dominant = dominant_country(placed)
        self.reportative_verbs = getattr(data, "REPORTATIVE", frozenset())  # a pack may have none
        self.report_nouns = getattr(data, "REPORT_NOUNS", frozenset())
        self.relatives = getattr(data, "RELATIVE_PRONOUNS", frozenset())

    def claimant(self, lo: int, hi: int) -> tuple[Participant | None | bool, int | None]:
        """Whom the sentence cites for its figures: "według NIS", else the named subject of a reporting verb or a
        verb of saying, else the named body or state of its common-noun subject ("Władze Izraela podają",
        "ministerstwo zdrowia Libanu poinformowało"), else, when that subject or the cited noun is a state's authorities with no name
        ("Władze podały", "według strony izraelskiej"), a party with the state's country
        (``kronika/quotes/bodies.py``); True when a reporting verb has no subject at all ("Przekazał również,
        że ..."): the speaker of the sentence before goes on. With it, the token of the cue that names the party
        (None for no party)."""
        tokens, lemmas, placed, mention_starts = self.tokens, self.lemmas, self.placed, self.mention_starts
        for i in range(lo, hi):
            # By the text too: the tagger reads "Zdaniem" as the noun "zdanie", not the preposition-like source.
            if lemmas[i] in self.sources or tokens[i].text.casefold() in self.sources:
                cited = self._cited(i, lo, hi)
                if cited is not None:
                    return participant(cited.entity), i
                noun = _cited_noun(tokens, i, hi)
                party = self._body(_authority(tokens, lemmas, noun, hi, self.authorities), lo, hi)
                if party is not None:
                    return participant(party), i
        dropped = False
        for i in range(lo, hi):
            if lemmas[i] in self.reporting and is_verb(tokens[i]):
                subject = find_subject(tokens, i, lo, hi, placed, mention_starts)
                if subject is not None:
                    return participant(subject.entity), i
                noun = _common_subject(tokens, i, lo, hi, placed, mention_starts)
                named = _named_with(noun, placed, mention_starts, hi) if noun is not None else None
                if named is not None:
                    return participant(named.entity), i
                if ud.impersonal(morph(tokens[i].tag)):
                    continue  # "podawano", "szacowano": said by nobody named, so nobody's report goes on from before
                party = self._body(_authority(tokens, lemmas, noun, hi, self.authorities), lo, hi)
                if party is not None:
                    return participant(party), i
                dropped = dropped or noun is None
        return dropped, None

    def _cited(self, source: int, lo: int, hi: int):
        """The named party a source word cites: the first mention within ``SOURCE_REACH`` tokens, else one further
        on past the words of a report ("według danych przekazanych przez ...", "według działającego w Nikaragui
        Stowarzyszenia": a place another preposition governs is inside the phrase, not the source); for a relative
        pronoun ("poinformowała OPCW, według której ..."), the party named last before it."""
        placed = self.placed
        if source + 1 < hi and self.lemmas[source + 1] in self.relatives:
            return next(
                (p for p in reversed(placed[: bisect_left(self.mention_starts, source)]) if p.start >= lo), None
            )
        k = bisect_left(self.mention_starts, source + 1)
        near = (
            placed[k] if k < len(placed) and placed[k].start - source <= SOURCE_REACH and placed[k].start < hi else None
        )
        j = source + 1  # the first token not yet passed on the way to a mention
        while k < len(placed) and placed[k].start < hi and placed[k].start - source <= CITED_REACH:
            p = placed[k]
            if not all(self._in_phrase(m) for m in range(j, p.start)):
                break
            if not (p.governed and p.start - 1 != source):
                return p if near is None or near.governed else near
            j, k = p.end, k + 1
        return near

    def _in_phrase(self, k: int) -> bool:
        """Whether token ``k`` may stand between a source word and the party it cites: a report's noun, an adjective
        or participle, a preposition ("przez", "w")."""
        m = morph(self.tokens[k].tag)
        return self.lemmas[k] in self.report_nouns or adjectival(self.tokens[k].tag) or ud.preposition(m)

    def covers(self, cue: int | None, first: int) -> bool:
        """Whether the cue at token ``cue`` attributes a figure at token ``first`` of its sentence: a figure after
        the cue, or one before it in the tail a dash opens ("Zginęło pięć osób – podała policja"). A cue after a
        figure with no dash between them speaks of something else ("W nalocie zginęło pięć osób, ale według
        Hamasu nie było wśród nich liderów", "Histadrut, reprezentujący 800 tys. pracowników, ogłosił strajk"):
        the figure is the article's."""
        return cue is None or first > cue or any(t.text in DASHES for t in self.tokens[first:cue])

    def reportative(self, lo: int, hi: int) -> bool:
        """Whether the sentence passes on another's report by the reportative verb beside an infinitive ("Zginąć
        miało sześć osób", "Dwie rakiety miały spaść")."""
        tokens = self.tokens
        return any(
            self.lemmas[i] in self.reportative_verbs
            and is_verb(tokens[i])
            and any(ud.infinitive(morph(tokens[k].tag)) for k in range(max(lo, i - 2), min(hi, i + 3)) if k != i)
            for i in range(lo, hi)
        )

    def _body(self, noun: int | None, lo: int, hi: int):
        """The state body a common noun names (``kronika/quotes/bodies.py``), or None."""
        if noun is None:
            return None
        return body_party(self.tokens, noun, lo, hi, self.adjective_state, self.dominant, self.authority_names)


def _cited_noun(tokens, source: int, hi: int) -> int | None:
    """The common noun a source preposition cites ("według władz", "według strony izraelskiej"), past its
    adjectives."""
    for k in range(source + 1, min(hi, source + 1 + SOURCE_REACH)):
        m = morph(tokens[k].tag)
        if ud.noun(m):
            return k
        if not adjectival(tokens[k].tag):
            return None
    return None


def _authority(tokens, lemmas, noun: int | None, hi: int, authorities) -> int | None:
    """The noun of a state's authorities that ``noun`` is or belongs to: "władze", "szacunków władz", "źródeł w
    siłach bezpieczeństwa", "Rozgłośnia radiowa armii izraelskiej"; None for no noun."""
    if noun is None:
        return None
    for k in range(noun, min(hi, noun + 1 + SOURCE_REACH)):
        if not WORD.search(tokens[k].text):
            return None
        if lemmas[k] in authorities and ud.noun(morph(tokens[k].tag)):
            return k
    return None


def _common_subject(tokens, verb: int, lo: int, hi: int, placed, mention_starts) -> int | None:
    """A nominative common noun that is the verb's subject: right after it, else the nearest before it."""
    named = {k for p in mentions_between(placed, mention_starts, lo, hi) for k in range(p.start, p.end)}

    def common(k: int) -> bool:
        return k not in named and ud.noun(morph(tokens[k].tag)) and "Nom" in tag_cases(tokens[k].tag)

    for k in range(verb + 1, min(hi, verb + 1 + SOURCE_REACH)):
        if common(k):
            return k
        if not WORD.search(tokens[k].text):
            break
    return next((k for k in range(verb - 1, lo - 1, -1) if common(k)), None)


def _named_with(noun: int, placed, mention_starts, hi: int):
    """The named party a common noun belongs to: a name right after it ("władze Izraela", "ministerstwo zdrowia
    Libanu") or right before it ("izraelska armia", when the adjective is a mention)."""
    k = bisect_left(mention_starts, noun + 1)
    if k < len(placed) and placed[k].start - noun <= SOURCE_REACH and placed[k].start < hi:
        return placed[k]
    return next((p for p in placed if p.end == noun), None)
