"""Titles and bodies: "prezydent Ukrainy" is the office holder on the article's date, "MSZ Rosji" the named
state's body of that role, and a person the base lacks serves the state their title before the name names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kronika.lang import ud
from kronika.lang.ud import morph
from kronika.record import Token
from kronika.stages.link_context import BARE_TITLE
from kronika.stages.link_model import Found, is_capitalised

if TYPE_CHECKING:  # the linker's type; importing it here at run time would be circular
    from kronika.stages.link import Linker

# How far before a person's name its title may name the state it serves: "minister spraw zagranicznych
# Niemiec Frank-Walter Steinmeier", "erytrejski minister informacji Yemane Gebre Meskel".
TITLE_REACH = 5


class TitleMentions:
    """The ``Linker``'s methods for titles and bodies (a mixin: they read its tables, indexes and base)."""

    def title_starts(self) -> frozenset[str]:
        """The lemmas a title's mention may open with: a title's first word ("prezydent") or a state's adjective
        ("syryjski prezydent")."""
        return self._title_starts | frozenset(self._adjectives)

    def title_lemmas(self, tokens: list[Token]) -> list[str]:
        """Each token's key for the title and body tables: its lemma, or, for a lower-case word, its written
        form when only that is a word of a title: the tagger reads "spraw" in "ministerstwo spraw
        zagranicznych" as the verb "sprawić", whose lemma no title has. Acronyms keep their lemma ("MON" read
        as "Mona" stays the name the base links it by)."""
        keys = []
        for t in tokens:
            lemma = (t.lemma or t.text).casefold()
            if lemma not in self._title_words and t.text.islower() and t.text in self._title_words:
                lemma = t.text
            keys.append(lemma)
        return keys

    def title_mentions(
        self, tokens: list[Token], found: list[Found], date: str | None, lemmas: list[str] | None = None
    ) -> list[Found]:
        """ "prezydent Ukrainy", "północnokoreański przywódca": the office holder on the article's date.
        ``lemmas``: the tokens' ``title_lemmas`` when the caller has them (one pass per article, not two)."""
        if not date or not self.titles:
            return []
        by_start = {f.start: f for f in found}
        covered = {i for f in found for i in range(f.start, f.end)}
        out = []
        lemmas = self.title_lemmas(tokens) if lemmas is None else lemmas
        for i in range(len(tokens)):
            if lemmas[i] not in self._title_starts:
                continue
            for n in range(self.max_title, 0, -1):
                role = self.titles.get(tuple(lemmas[i : i + n]))
                if role is None or any(j in covered for j in range(i, i + n)):
                    continue
                if ud.plural(morph(tokens[i].tag)):
                    break  # "przywódcy Chin i Korei": several leaders, not one office holder
                country, start, end = None, i, i + n
                following = by_start.get(i + n)
                if following and following.entry and self._is_state(following.entry):
                    country, end = self.kb.get(following.entry).country, following.end
                    # "przywódcą Rosji Władimirem Putinem": the name that follows speaks for itself.
                    after = by_start.get(end)
                    if after and after.type == "PER":
                        break
                elif i > 0 and lemmas[i - 1] in self._adjectives:
                    country, start = self._adjectives[lemmas[i - 1]], i - 1
                if country:
                    holder = self.kb.holder(role, country, date)
                    if holder:
                        out.append(Found(start, end, holder.type, holder.name, holder.id, "title"))
                break
        return out

    def body_mentions(
        self, tokens: list[Token], found: list[Found], gazetteer: list[Found], lemmas: list[str] | None = None
    ) -> list[Found]:
        """ "MSZ Rosji", "białoruskie MSW", "Ministerstwo obrony Armenii": the named state's body of that role.

        The state is the name right after the title or the adjective right before it. A title without one
        ("MSW zdementowało") is the body last named with a state, unless the base linked it already (a bare
        "MSZ" in Polish news is Poland's)."""
        if not self.bodies:
            return []
        states = {g.start: g for g in gazetteer if g.entry and self._is_state(g.entry)}
        seats = states | {g.start: g for g in gazetteer if g.entry and self._is_capital(g.entry)}
        linked = {i for f in found if f.entry for i in range(f.start, f.end)}
        lemmas = self.title_lemmas(tokens) if lemmas is None else lemmas
        out: list[Found] = []
        last: dict[str, object] = {}
        i = 0
        while i < len(tokens):
            if lemmas[i] not in self._body_starts:
                i += 1
                continue
            role, n = None, 0
            for n in range(min(self.max_body, len(tokens) - i), 0, -1):
                role = self.bodies.get(tuple(lemmas[i : i + n]))
                if role:
                    break
            capitalised = any(is_capitalised(t.text) for t in tokens[i : i + n])
            if (
                role is None
                or not (capitalised or role in self.lower_case_bodies)
                or self._inside_name(i, found, tokens, lemmas)
            ):
                i += 1
                continue
            country = self._body_state(tokens, lemmas, i, i + n, states) or self._seat_state(tokens, i + n, seats)
            entry = self.kb.body(role, country) if country else None
            if entry is not None:
                last[role] = entry
            elif capitalised and role in last and not any(j in linked for j in range(i, i + n)):
                entry = last[role]
            if entry is not None:
                out.append(Found(i, i + n, entry.type, entry.name, entry.id, "body"))
            elif capitalised and not any(f.start < i + n and i < f.end for f in found):
                # A bare title the detector missed ("rozwiązania Kongresu"): the article's context settles
                # whose body it is, or drops it (``settle_bodies``).
                out.append(Found(i, i + n, "ORG", " ".join(t.text for t in tokens[i : i + n]), None, BARE_TITLE))
            i += n
        return out

    def _inside_name(self, start: int, found: list[Found], tokens: list[Token], lemmas: list[str]) -> bool:
        """Whether a title at ``start`` is words of a longer name the detector found, which opens with a
        capitalised word other than a state's adjective ("Rewolucyjne Siły Zbrojne Kolumbii" is FARC)."""
        return any(
            is_capitalised(tokens[j].text) and lemmas[j] not in self._adjectives
            for f in found
            if f.start < start < f.end
            for j in range(f.start, start)
        )

    def _body_state(self, tokens: list[Token], lemmas: list[str], start: int, end: int, states) -> str | None:
        """The state a body's title names: the state right after it ("MSZ Rosji"), or its adjective right
        before ("rosyjskie MSZ") or right after it in lower case ("ministerstwo obrony rosyjskie")."""
        if end in states:
            return self.kb.get(states[end].entry).country
        if start > 0 and lemmas[start - 1] in self._adjectives:
            return self._adjectives[lemmas[start - 1]]
        if end < len(tokens) and lemmas[end] in self._adjectives and tokens[end].text.islower():
            return self._adjectives[lemmas[end]]
        return None

    def _seat_state(self, tokens: list[Token], end: int, seats) -> str | None:
        """The state a body's title places it in: "MSZ w Teheranie", "Ministerstwo Spraw Zagranicznych w
        Sudanie" (a state or its capital in the locative right after the title)."""
        if end + 1 < len(tokens) and end + 1 in seats:
            if tokens[end].text.casefold() in self.language.event_cues.LOCATIVE_PREPOSITIONS:
                return self.kb.get(seats[end + 1].entry).country
        return None


def title_countries(linker: Linker, tokens: list[Token], found: list[Found]) -> None:
    """A person the base does not know serves the state their title names: "prezydent Kenii X", "amerykański
    dyplomata X", "ambasador RP w Petersburgu X" (the state, not the city). The title is the run of lower-case
    words, states and states' adjectives right before a mention; the nearest state in it wins."""
    states = {}
    for f in found:
        if f.entry and linker._is_state(f.entry):
            states.update((i, linker.kb.get(f.entry).country) for i in range(f.start, f.end))
    named = {i: f.type for f in found for i in range(f.start, f.end)}
    for f in found:
        if f.type == "PER" and not f.entry and not f.country:
            f.country = _title_state(linker, tokens, f.start, states, named)


def _title_state(
    linker: Linker, tokens: list[Token], start: int, states: dict[int, str], named: dict[int, str | None]
) -> str | None:
    for j in range(start - 1, max(-1, start - 1 - TITLE_REACH), -1):
        if j in states:
            return states[j]
        lemma = (tokens[j].lemma or tokens[j].text).casefold()
        if lemma in linker._adjectives and tokens[j].text[1:].islower():
            return linker._adjectives[lemma]
        if named.get(j) == "PER" or (j not in named and not (tokens[j].text.isalpha() and tokens[j].text.islower())):
            return None  # another person, punctuation or a capitalised word ends the title; a city does not
    return None
