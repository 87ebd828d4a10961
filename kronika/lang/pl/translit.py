"""English spellings of East Slavic names that Polish text writes in its own transliteration.

Polish transliterates Cyrillic into Polish letters ("Serhij Popko", "Jurij Uszakow", "Awdijiwka",
"Hienadź Zajiczkin"); the knowledge base and English sources name the same people and places in the English
romanisations ("Serhii Popko", "Yury Ushakov", "Avdiivka", "Hienadz Zaichkin"). For a name the knowledge base
lacks, ``romanize`` undoes the Polish transliteration and applies the English one:

- Ukrainian and Belarusian: the Ukrainian national system (Cabinet of Ministers resolution 55, 2010), which
  Wikipedia follows for Ukrainian names: я/ю/є/ї initial "ya/yu/ye/yi", elsewhere "ia/iu/ie/i", й "y"
  initially, "i" elsewhere; х "kh", ж "zh", ш "sh", щ "shch", ч "ch", ц "ts". Belarusian names are spelt
  the same way here (Wikipedia's Belarusian romanisation keeps "ie" and "ou": "Hienadz", "Tsikhanouska").
- Russian: the English Wikipedia's simplified BGN/PCGN ("Sergei Shoigu", "Dmitry Peskov", "Yevgeny"):
  the Polish "ie" after a consonant (soft е) is "e", final "ij"/"yj" is "y", й after a vowel is "i" before a
  consonant and after a final "e" or "a" as in the English press's "Sergei", "Alexei", "Nikolai", "Shoigu",
  else "y" ("Tolstoy"); the adjectival "-ский" that Polish writes
  "-ski"/"-cki" is "-sky"/"-tsky" ("Miedinski" -> "Medinsky", "Trocki" -> "Trotsky").

Polish spellings of the source letters: the Polish rules for transliterating Cyrillic (PWN, "Zasady
pisowni i interpunkcji", §§ 96-97: я "ja"/"ia", є "je"/"ie", ї "ji", х "ch", ш "sz", щ "szcz", ч "cz",
ж "ż", ц "c", л "ł" and soft ль "l", в "w", Ukrainian г "h").

Which language a name comes from is told by letters Polish words do not have (``MARKERS``: "Kyryłenko",
"Awdijiwka", "Uszakow"), by a first name the knowledge base's people of those states bear (``FirstNames``:
"Siergiej" is the Polish spelling of "Sergei", a Russian first name there), and by the states the article
is about.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from kronika.caches import SCRATCH, WORD_TYPES

# States whose names Polish writes in a transliteration from Cyrillic, and the English scheme each takes.
SCHEMES = {"UKR": "east", "BLR": "east", "RUS": "russian"}

# Letter sequences of a word that native Polish words lack and Polish transliterations of Ukrainian,
# Russian or Belarusian names have, with the states they point to and a weight.
MARKERS: tuple[tuple[re.Pattern, tuple[str, ...], float], ...] = tuple(
    (re.compile(pattern), states, weight)
    for pattern, states, weight in (
        (r"[kg]y", ("UKR",), 1.0),  # Kyryłenko, Kyjiw: и after к/г is "y" only in Ukrainian
        (r"(?<![cs])hy", ("UKR",), 1.0),  # Mychajło
        (r"yj$", ("UKR", "RUS"), 1.0),  # Nawalnyj, Zełenśkyj
        (r"ij$", ("UKR", "RUS"), 1.0),  # Serhij, Jurij, Dmitrij
        (r"enko$", ("UKR",), 1.0),  # Kyryłenko, Szewczenko
        (r"iwka$|iwsk", ("UKR",), 1.0),  # Awdijiwka
        (r"[aeiouy]ji.", ("UKR", "BLR"), 1.0),  # Awdijiwka, Zajiczkin: ї and й+і
        (r"(?<![cs])h", ("UKR", "BLR"), 0.5),  # г as "h": Serhij, Ihnat, Hienadź (Russian has "g")
        (r"[ao]w$|[ao]wa$|i?ew$|i?ewa$", ("RUS",), 1.5),  # Uszakow, Ławrow, Miedwiediew, Dudajew
        (r"dź$", ("BLR",), 1.0),  # Hienadź
        # ў as "u" after a vowel: Cichanouska. Weak, as French spellings have "ou" too (Doumbouya, Abdourahamane).
        (r"ou[^l]", ("BLR",), 0.5),
        (r"ienka$", ("BLR",), 1.0),  # Łukaszienka
    )
)
# Weight of the states the article is about, as a share of their mentions, against the letters.
CONTEXT_WEIGHT = 1.0
# A name without a marker is taken for a transliteration only in an article mostly about these states
# (this share of its state mentions), and only when it has letters English spellings lack.
CONTEXT_SHARE = 0.5
# The state whose news this pack reads.
HOME = "POL"
# In an article that names foreign states, none of them East Slavic, a name needs markers of this weight for one state
# (or a first name of the base's people of one) to be taken for a transliteration.
FOREIGN_CONTEXT_SCORE = 2.0
POLISH_LETTERS = re.compile(r"[łżźśćńó]|cz|sz|ch")
# Sequences the Polish transliteration of Cyrillic never writes (it has "sz", "cz", "ch", "w", "ks"; "tch" is a
# French "tch" as in "Tchiani", Polish writes ч "cz"): a name
# with one is already in a Latin spelling of its own ("Matthew Whitmore", "Shapps", "Quinn") and stays.
NOT_TRANSLITERATED = re.compile(r"th|wh|sh|q|x|ee|oo|ck|v|tch")

_COMMON = (
    ("szcz", "shch"), ("sz", "sh"), ("cz", "ch"), ("ch", "kh"), ("dż", "dzh"), ("dź", "dz"), ("ż", "zh"),
    ("ź", "z"), ("ś", "s"), ("ć", "ts"), ("ń", "n"), ("ł", "l"), ("w", "v"), ("c", "ts"), ("x", "ks"),
    ("ó", "o"), ("ą", "on"), ("ę", "en"),
)
_VOWELS = "aeiouy"


def _east(word: str) -> str:
    """Ukrainian national system (also for Belarusian here)."""
    word = re.sub(r"ij$", "ii", word)
    word = re.sub(r"yj$", "yi", word)
    word = re.sub(r"(?<=[sc])ki$", "kyi", word)  # -ський, which Polish also writes "-ski": Zhebrivskyi
    word = re.sub(r"^j([aeiuo])", r"y\1", word)
    word = re.sub(rf"(?<=[{_VOWELS}])j(?=[aeu])", "i", word)  # Majak -> Maiak
    word = re.sub(rf"(?<=[{_VOWELS}])ji", "i", word)  # Awdijiwka -> Avdiivka
    word = re.sub(r"^j", "y", word)
    word = word.replace("j", "i")
    return _letters(word)


def _russian(word: str) -> str:
    """English Wikipedia's simplified BGN/PCGN for Russian."""
    word = re.sub(r"[iy]j$", "y", word)  # Jurij -> Yury, Nawalnyj -> Navalny
    # Siergiej -> Sergei, Nikołaj -> Nikolai, Szojgu -> Shoigu; a final "oj" stays "oy" (Tołstoj -> Tolstoy).
    word = re.sub(r"(?<=[ae])j$|(?<=[aeo])j(?=[bcdfghklmnprstvwzłżśźćń])", "i", word)
    word = re.sub(r"(?<=[sc])ki$", "ky", word)  # Miedinski -> Medinsky
    word = re.sub(r"^j", "y", word)
    word = re.sub(r"(?<=[bcdfghklmnprstvwzłżśźćń])ie", "e", word)  # Siergiej -> Sergej, Pieskow -> Peskov
    word = re.sub(r"(?<=[bcdfghklmnprstvwzłżśźćń])i(?=[au])", "y", word)  # Wiaczesław -> Vyacheslav; "io" is ambiguous
    word = word.replace("j", "y")
    return _letters(word)


_LETTERS = re.compile("|".join(re.escape(polish) for polish, _ in _COMMON))
_ENGLISH = dict(_COMMON)


def _letters(word: str) -> str:
    # One pass, longest sequence first: the "ch" made of "cz" must not become "kh".
    return _LETTERS.sub(lambda m: _ENGLISH[m.group()], word)


def _recase(original: str, spelt: str) -> str:
    return spelt[:1].upper() + spelt[1:] if original[:1].isupper() else spelt


def _converter(state: str) -> Callable[[str], str]:
    return _russian if SCHEMES[state] == "russian" else _east


def spell(name: str, state: str) -> str:
    """``name`` in the English romanisation of ``state``'s language ("Serhij Popko", "UKR" -> "Serhii Popko")."""
    convert = _converter(state)

    def one(match: re.Match) -> str:
        word = match.group()
        return _recase(word, convert(word.lower()))

    return re.sub(r"[^\W\d_]+", one, name)


# A first name points to the states of SCHEMES when at least this share of the knowledge base's people who
# bear it (in any English spelling) are of those states: "Sergei" and "Andrei" do, "Andre" and "Anna" do not.
FIRST_NAME_SHARE = 0.5
# Weight of such a first name against the letter markers (shared among the states it points to).
FIRST_NAME_WEIGHT = 1.0


@dataclass(frozen=True)
class FirstNames:
    """First names of the knowledge base's people, as evidence that a Polish spelling is an East Slavic name."""

    english: Mapping[str, Mapping[str, int]]  # key of an English spelling -> people of each state of SCHEMES
    polish: Mapping[str, Mapping[str, int]]  # a Polish spelling the base gives such a person -> people per state
    other: frozenset[str]  # first names as written of the other states' people ("Władysław", "Viktor")
    # first name as written (casefolded, English and Polish names) -> the states whose people bear it, for the
    # other scripts' conventions (``conventions.py``): "Joe" is an American's, "Giorgi" a Georgian's
    written: Mapping[str, frozenset[str]] = field(default_factory=dict)


def first_names(people: Iterable[tuple[str | None, Iterable[str], Iterable[str]]]) -> FirstNames:
    """``FirstNames`` from the base's people: (country, first words of the English names, of the Polish ones)."""
    english: dict[str, Counter] = defaultdict(Counter)
    polish: dict[str, Counter] = defaultdict(Counter)
    other: set[str] = set()
    written: dict[str, set[str]] = defaultdict(set)
    for country, names_en, names_pl in people:
        names_en, names_pl = set(names_en), set(names_pl)
        for name in names_en | names_pl:
            written[name.casefold()].add(country or "")
        for name in {_first_key(n) for n in names_en}:
            english[name][country or ""] += 1
        if country in SCHEMES:
            for name in names_pl:
                polish[name.casefold()][country] += 1
        else:
            other.update(n.casefold() for n in names_en | names_pl)
    ours = {}
    for key, counts in english.items():
        states = {state: counts[state] for state in SCHEMES if counts[state]}
        if states and sum(states.values()) >= FIRST_NAME_SHARE * sum(counts.values()):
            ours[key] = states
    return FirstNames(
        ours,
        {w: dict(c) for w, c in polish.items() if w not in other},
        frozenset(other),
        {w: frozenset(states) for w, states in written.items()},
    )


def _first_key(name: str) -> str:
    """One key for the English spellings of one first name ("Sergei", "Sergey"; "Alexei", "Aleksey")."""
    name = name.casefold().replace("x", "ks").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", name)


def _first_name_states(word: str, names: FirstNames) -> Mapping[str, int]:
    """States whose people bear ``word`` as a first name in an English spelling it is the Polish spelling of
    ("Siergiej" -> Sergei, "Władimir" -> Vladimir), or that the base spells so in Polish; none for a first
    name other states' people bear as written."""
    lower = word.casefold()
    if lower in names.other:
        return {}
    if lower in names.polish:
        return names.polish[lower]
    found = {}
    for state, key in _english_first_keys(lower):
        counts = names.english.get(key, {}) if key is not None else {}
        if counts.get(state):
            found[state] = counts[state]
    return found


# Bounded below WORD_TYPES: only first names of the names the base lacks come here (595 on the
# 1,368 articles of bench/identical.py), and a long run must not grow by more than a few MiB.
@lru_cache(maxsize=SCRATCH)
def _english_first_keys(lower: str) -> tuple[tuple[str, str | None], ...]:
    """Each state of SCHEMES with the ``_first_key`` of a first name's English spelling in its scheme (None
    where the spelling is the word as written): the same for every mention, two scheme conversions a call."""
    keys = []
    for state in SCHEMES:
        spelt = _converter(state)(lower)
        keys.append((state, _first_key(spelt) if spelt != lower else None))
    return tuple(keys)


def source_state(name: str, context: Mapping[str, int], known: Callable[[str], bool],
                 first_names: FirstNames | None = None, stated: bool = False) -> str | None:
    """Which East Slavic state's spelling ``name`` is in, or None for a name that is not one.

    ``context``: mentions of each state (ISO 3166-1 alpha-3) in the article; ``known``: whether a word is a
    Polish word or name to the dictionary. A name qualifies by a marker letter sequence, or, with no marker,
    when no word of it is Polish, it has letters English spellings lack, and the article is mostly about
    these states ("Kłynowe", "Wołnowacha"; not "Steve Witkoff"). ``first_names``: the base's first names,
    whose East Slavic ones in a Polish spelling mark a name too ("Siergiej Skripal"). ``stated``: the text
    says the person serves the state of ``context`` ("premier Ukrainy Denys Szmyhal"): one word outside the
    dictionary is enough then ("Denys" is a Polish name too)."""
    words = re.findall(r"[^\W\d_]+", name)
    if not words:
        return None
    scores = dict.fromkeys(SCHEMES, 0.0)
    marked = named = False
    total = sum(context.get(state, 0) for state in SCHEMES)
    # A first name alone does not make "Wiktor Kowalski" Belarusian: with a surname of the dictionary, the
    # article must name one of the states too.
    if first_names is not None and len(words) > 1 and (total or not any(known(w) for w in words[1:])):
        states = _first_name_states(words[0], first_names)
        for state, people in states.items():
            scores[state] += FIRST_NAME_WEIGHT * people / sum(states.values())
        marked = named = bool(states)
    for word in words:
        lower = word.lower()
        for pattern, states, weight in MARKERS:
            if pattern.search(lower):
                # A dictionary word ("Rejtanow"? "Kozłowa") proves nothing with its Polish-looking endings.
                if known(word) and weight < 1.0 or known(word) and states == ("RUS",):
                    continue
                # A weak marker ("h", as in "Smith" too) only tells the states apart.
                marked = marked or weight >= 1.0
                for state in states:
                    scores[state] += weight
    if not marked and (total < CONTEXT_SHARE * sum(context.values()) or not total
                       or (all if stated else any)(known(word) for word in words)
                       or not POLISH_LETTERS.search(name.lower())):
        return None
    foreign = sum(n for state, n in context.items() if state not in SCHEMES and state != HOME)
    if not total and foreign and not named and max(scores.values()) < FOREIGN_CONTEXT_SCORE:
        # An article about other states only ("Getachew Reda" in news from Ethiopia): one ending or letter
        # pair shared with Polish transliterations ("-ew", "ij") is no proof without a first name. Poland
        # does not count: Polish news names Ukrainians living there ("Andrij Hnatiuk").
        return None
    for state in SCHEMES:
        if total:
            scores[state] += CONTEXT_WEIGHT * context.get(state, 0) / total
    best = max(scores.values())
    if best <= 0:
        return None
    return next(state for state in SCHEMES if scores[state] == best)


def romanize(name: str, context: Mapping[str, int], known: Callable[[str], bool],
             state: str | None = None, first_names: FirstNames | None = None) -> tuple[str, str] | None:
    """(English spelling, state) for a Polish transliteration of an East Slavic name, else None. ``state``: the
    one the text says the person serves ("amerykański dyplomata X"), which decides before any letter does."""
    if NOT_TRANSLITERATED.search(name.lower()) or (state is not None and state not in SCHEMES):
        return None
    # A stated state still needs a name that looks transliterated ("Jan Obcy" of Russia stays as written).
    found = source_state(name, {state: 1} if state else context, known, first_names, stated=state is not None)
    state = state if found and state else found
    if state is None:
        return None
    return spell(name, state), state


# Spellings of one sound in Polish and in English romanisations, folded to one symbol each so that
# "Janukowycz" and "Yanukovych", "Jaceniuk" and "Yatsenyuk", "Słowiańsk" and "Sloviansk" share a key.
_POLISH_SOUNDS = (("szcz", "S"), ("sz", "S"), ("cz", "C"), ("ch", "H"), ("dż", "J"), ("rz", "Z"), ("ż", "Z"),
                  ("ź", "z"), ("ś", "s"), ("ć", "C"), ("ń", "n"), ("ł", "l"), ("w", "v"), ("c", "T"), ("j", "i"),
                  ("y", "i"), ("x", "ks"), ("ó", "o"), ("ą", "on"), ("ę", "en"))
_ENGLISH_SOUNDS = (("shch", "S"), ("tsch", "C"), ("sh", "S"), ("tch", "C"), ("ch", "C"), ("kh", "H"), ("zh", "Z"), ("ts", "T"),
                   ("tz", "T"), ("j", "J"), ("w", "v"), ("x", "ks"), ("ck", "k"), ("y", "i"))


# Names up to this many words are read with each word in either spelling.
MIXED_WORDS = 4
_SOUND_SCHEMES = tuple((re.compile("|".join(re.escape(a) for a, _ in sounds)), dict(sounds))
                       for sounds in (_POLISH_SOUNDS, _ENGLISH_SOUNDS))


@lru_cache(maxsize=WORD_TYPES)
def _fold(word: str, scheme: int) -> str:
    pattern, table = _SOUND_SCHEMES[scheme]
    word = pattern.sub(lambda m: table[m.group()], word.lower())
    word = re.sub(r"(?<=[bdfgklmnprstvzTSCZH])ie", "e", word)  # Siergiej ~ Sergei: a soft "ie" is "e"
    word = re.sub(r"h", "H", word)
    word = re.sub(r"(.)\1+", r"\1", word)  # Klitschko ~ Kliczko, Barrot ~ Barot
    return re.sub(r"i(?=$)", "", word)  # Vitalii ~ Vitali ~ Witalij


def sound_keys(name: str) -> frozenset[str]:
    """Keys under which a Polish spelling and an English romanisation of one name meet ("Wiktor Janukowycz"
    and "Viktor Yanukovych" share one); a name is read both ways, as its writer's language is not known."""
    words = re.findall(r"[^\W\d_]+", name)
    if not words:
        return frozenset()
    if len(words) > MIXED_WORDS:
        return frozenset(" ".join(_fold(w, scheme) for w in words) for scheme in range(len(_SOUND_SCHEMES)))
    # Each word both ways: a Polish text may keep one word in an English spelling ("Ilkham Alijew").
    return frozenset(" ".join(keys) for keys in product(*({_fold(w, s) for s in range(len(_SOUND_SCHEMES))}
                                                          for w in words)))
