"""Polish features for the name tagger (``kronika/stages/ner.py``), shared by training and tagging.

A token is described by its form (lower case, prefixes and suffixes of one to five letters, shape),
the lemma and tag the morphology stage chose, every Morfeusz2 reading's part of speech and SGJP
proper-name label (imię, nazwisko, nazwa_geograficzna, ... : Morfeusz's dictionary is the gazetteer),
a word cluster induced from NKJP text when the model has them, conjunctions (shape with case,
capitalisation with name class), its place in a run of capitalised words, whether it stands in
quotes, whether its case agrees with its neighbours', whether the document also writes it in lower
case, and facts about its neighbours up to three words away. ``scripts/train_ner.py`` calls
``sentence_features`` on NKJP sentences tagged by the real morphology stage, and the stage calls it on
the pipeline's tokens, so the model sees the same kind of evidence in both.

Sources:
- Categories: the NKJP named-entity layer (Przepiórkowski et al., "Narodowy Korpus Języka Polskiego",
  2012, ch. 9; Savary et al. 2010), as flattened in CLARIN-PL PolDeepNer's nkjp-nested-simplified-v2.iob:
  persName with forename/surname/addName, orgName, placeName with country/settlement/region/district/bloc,
  geogName, date, time. Two layers: the outer entity, then one entity nested in it.
- PolEval 2018 Task 2 category names (``POLEVAL-NER_GOLD.json``): subtypes joined with '_', and the
  additional name written ``persName_addname`` (715 of its 781 gold annotations).
- Record types: docs/CONTRACT.md (PER, ORG, GPE for political places, LOC for the rest).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from functools import cache, lru_cache

from kronika.caches import SCRATCH, WORD_TYPES
from kronika.lang.pl.names import COMMON_NOUN_LABEL, PROPER_LABELS

# The knowledge base's names in this pack's language.
CODE = "pl"

# NKJP outer category -> record type. Dates and times are NKJP categories too (the tagger predicts
# them, PolEval scores them), but they are the temporal stage's business, not name mentions. A
# placeName without a subtype marks a people in NKJP ("Żydzi", "Indian", "żydowskiej"), not a place,
# and is left out here and in PolEval's categories (its gold has 2 such annotations).
NKJP_TYPES = {
    "persName": "PER",
    "orgName": "ORG",
    "placeName-country": "GPE",
    "placeName-settlement": "GPE",
    "placeName-region": "GPE",
    "placeName-district": "GPE",
    "placeName-bloc": "GPE",
    "geogName": "LOC",
}

# NKJP category (as in the IOB file) -> PolEval 2018 category.
POLEVAL_CATEGORIES = {
    "persName": "persName",
    "persName-forename": "persName_forename",
    "persName-surname": "persName_surname",
    "persName-addName": "persName_addname",
    "orgName": "orgName",
    "placeName-country": "placeName_country",
    "placeName-settlement": "placeName_settlement",
    "placeName-region": "placeName_region",
    "placeName-district": "placeName_district",
    "placeName-bloc": "placeName_bloc",
    "geogName": "geogName",
    "date": "date",
    "time": "time",
}

# Morfeusz labels worth a feature: the proper-name classes and the common-noun mark.
LABEL_FEATURES = PROPER_LABELS | {COMMON_NOUN_LABEL}

# Cases of the NKJP tagset, the attribute of a tag that says most about a word's role.
CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})

# Neighbour features: offset -> which of the word's own features the neighbour passes on.
CONTEXT = {
    -3: ("w", "sh"),
    -2: ("w", "sh", "m", "t", "l", "c"),
    -1: ("w", "sh", "m", "t", "l", "s3", "c", "x"),
    1: ("w", "sh", "m", "t", "l", "s3", "c", "x"),
    2: ("w", "sh", "m", "t", "l", "c"),
    3: ("w", "sh"),
}

_SHAPE_RUNS = re.compile(r"(.)\1+")


def word_shape(word: str) -> str:
    """Letters as X/x, digits as d, other characters kept; runs collapsed ("Kowalski" -> "Xx")."""
    return _collapsed(word.translate(_SHAPE_CHARS))


@lru_cache(maxsize=SCRATCH)
def _collapsed(shape: str) -> str:
    """A shape's runs collapsed; shapes recur far more than words ("Xxxxxxx"), and ``re.sub`` with a group in
    its replacement expands the template in Python at every call."""
    return _SHAPE_RUNS.sub(r"\1", shape)


class _ShapeChars(dict):
    """Code point -> its shape letter, worked out the first time a character is met: ``str.translate`` then maps
    a word in one C loop instead of a Python test per character (a new word type's features, ``_own_features``)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        shape = self[code] = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        return shape


_SHAPE_CHARS = _ShapeChars()


def _length_bucket(n: int) -> str:
    return "1" if n == 1 else "2" if n == 2 else "3" if n == 3 else "4-6" if n <= 6 else "7+"


@lru_cache(maxsize=SCRATCH)
def _morfeusz_features(word: str) -> tuple[str, ...]:
    """Context-free facts from all Morfeusz readings of ``word``, read in one pass over them (a new word type's
    features are worked out for some 40 words of every article)."""
    labels: set[str] = set()
    poses: set[str] = set()
    upper = lower = False
    for a in _analyse()(word):
        labels.update(a.labels)
        poses.add(a.pos)
        initial = a.lemma[:1]
        upper = upper or (initial.isupper() and a.pos != "ign")
        lower = lower or initial.islower()
    out = ["m=" + label for label in sorted(labels & LABEL_FEATURES)]
    out.append("mp=" + "|".join(sorted(poses)))
    if upper:
        out.append("mup")  # some reading has a capitalised lemma: a name in the dictionary
    if lower:
        out.append("mlow")
    return tuple(out)


@cache
def _analyse():
    """The process's Morfeusz readings of a word (imported when first asked: the pack loads without Morfeusz)."""
    from kronika.lang.pl.morphology import load_morphology

    return load_morphology().analyse


@lru_cache(maxsize=SCRATCH)
def _own_features(word: str, lemma: str, tag: str, cluster: str) -> dict[str, tuple[str, ...]]:
    """A token's features grouped by kind, so neighbours can pass on some kinds under their offset."""
    lower = word.lower()
    shape = word_shape(word)
    pos = tag.partition(":")[0]
    case = _case(tag)
    morfeusz = _morfeusz_features(word)
    capital = word[:1].isupper()
    # Shape with case, and capitalisation with each Morfeusz name class: a capitalised genitive
    # surname reads differently from a capitalised sentence-initial noun.
    names = tuple([("cm=" + f[2:]) for f in morfeusz if f.startswith("m=")]) if capital else ()
    flags = []
    if capital:
        flags.append("cap")
    if len(word) > 1 and word.isupper():
        flags.append("allcap")
    if "d" in shape:  # the shape writes every digit, and only a digit, as "d"
        flags.append("digit")
    if "-" in word:
        flags.append("hyph")
    if word.endswith(".") and len(word) > 1:
        flags.append("abbr")
    # A letter ("x" in the shape) or digit is alphanumeric; else each character is asked.
    if "x" not in shape and "d" not in shape and not any(c.isalnum() for c in word):
        flags.append("punct")
    return {
        "w": ("w=" + lower,),
        "l": ("l=" + lemma.lower(),),
        "s3": ("s3=" + lower[-3:],),
        "sh": ("sh=" + shape,),
        "t": ("t=" + pos, "tc=" + pos + ":" + case),
        "m": morfeusz,
        "c": _cluster_features(cluster),
        "x": ("shc=" + shape + ":" + case, "lup" if lemma[:1].isupper() else "llow", *names),
        "own": (
            "s1=" + lower[-1:],
            "s2=" + lower[-2:],
            "s4=" + lower[-4:],
            "s5=" + lower[-5:],
            "p1=" + lower[:1],
            "p2=" + lower[:2],
            "p3=" + lower[:3],
            "p4=" + lower[:4],
            "len=" + _length_bucket(len(word)),
            *flags,
        ),
    }


@lru_cache(maxsize=SCRATCH)
def _cluster_features(cluster: str) -> tuple[str, ...]:
    """A cluster's prefixes of 4, 8 and 12 bits (a few hundred clusters: worked out once each)."""
    return tuple(f"c{n}={cluster[:n]}" for n in (4, 8, 12) if cluster) or ("c=none",)


# Features are computed once per word type (its form, lemma, tag and cluster), not per token: a token's own
# features in one tuple, and what it passes on to each neighbour, in the order ``sentence_features`` adds them.
@lru_cache(maxsize=WORD_TYPES)
def _own_row(key: tuple[str, str, str, str]) -> tuple[str, ...]:
    return tuple(chain.from_iterable(_type_kinds(key)))


@lru_cache(maxsize=WORD_TYPES)
def _context_row(key: tuple[str, str, str, str]) -> tuple[tuple[str, ...], ...]:
    # What the type passes to the neighbour at each offset: the kinds ``CONTEXT`` names of its own features, each
    # string under the offset's prefix ("-1:w=..."), all from one look at them.
    own = _own_features(*key)
    return tuple([tuple([prefix + f for kind in kinds for f in own[kind]]) for prefix, kinds in _PREFIXED])


_PREFIXED = tuple((f"{offset:+d}:", kinds) for offset, kinds in CONTEXT.items())

# The kinds of a word type's own features in the order its own list gives them ("bias" first, alone in its kind).
KINDS = ("bias", "w", "l", "s3", "sh", "t", "m", "c", "x", "own")


_OFFSETS = tuple(enumerate(CONTEXT))
_EDGES = {offset: (f"{offset:+d}:edge",) for offset in (-1, 1)}
_SYMMETRIC = tuple(CONTEXT) == (-3, -2, -1, 1, 2, 3)  # the window the fast path in sentence_parts spells out


def sentence_features(
    tokens: Sequence, name_forms: frozenset[str] = frozenset(), clusters: dict[str, str] | None = None
) -> list[list[str]]:
    """One feature list per token of a sentence.

    ``tokens`` need ``text``, ``lemma`` and ``tag`` (record ``Token``s after the morphology stage);
    ``name_forms`` are the words the document capitalises inside some sentence, which tells a name
    opening a sentence from an ordinary capitalised first word; ``clusters`` maps a lower-case word
    to its bit-string cluster path.
    """
    return [[*chain.from_iterable(rows), *extras] for rows, extras in sentence_parts(tokens, name_forms, clusters)]


def sentence_parts(
    tokens: Sequence, name_forms: frozenset[str] = frozenset(), clusters: dict[str, str] | None = None
) -> list[tuple[list[tuple[str, ...]], list[str]]]:
    """``sentence_features``' lists as they are put together: per token, the tuples of features its word type
    and its neighbours' types give (the same tuple object for every token of a type, so a consumer can
    translate each tuple once, ``kronika.stages.crf``) and the token's own further features, which follow them."""
    keys, lowers = _keys(tokens, clusters)
    n = len(keys)
    rows = [_context_row(k) for k in keys]
    out = []
    for i, (key, feats) in enumerate(zip(keys, _further(keys, lowers, name_forms))):
        if _SYMMETRIC and 3 <= i < n - 3:  # every neighbour there: one list display, no loop
            parts = [
                _own_row(key),
                rows[i - 3][0],
                rows[i - 2][1],
                rows[i - 1][2],
                rows[i + 1][3],
                rows[i + 2][4],
                rows[i + 3][5],
            ]
        else:
            parts = [_own_row(key)]
            for slot, offset in _OFFSETS:
                j = i + offset
                if 0 <= j < n:
                    parts.append(rows[j][slot])
                elif offset in _EDGES:
                    parts.append(_EDGES[offset])
        out.append((parts, feats))
    return out


# What ``sentence_windows`` hands over besides the tokens: the neighbours' offsets, in the order a token's list
# takes them; the tuple that stands where a neighbour is missing (none for the farther ones); and what a word
# type passes to the neighbour at each offset: the strings of some of its kinds (positions in ``KINDS``, in the
# order listed), each written after the offset's prefix ("-1:" + "w=kowalski").
WINDOW = tuple(CONTEXT)
WINDOW_EDGES = tuple(_EDGES.get(offset) for offset in CONTEXT)
WINDOW_KINDS = tuple((prefix, tuple(KINDS.index(kind) for kind in kinds)) for prefix, kinds in _PREFIXED)


def sentence_windows(
    tokens: Sequence, name_forms: frozenset[str] = frozenset(), clusters: dict[str, str] | None = None
) -> tuple[list[tuple[tuple[str, ...], ...]], list[list[str]]]:
    """``sentence_parts`` as word types: per token its type's own features by kind (``_type_kinds``, a tuple per
    kind of ``KINDS``) and its further features. A token's list is its type's strings of every kind, then what each
    neighbour's type passes to it (``WINDOW_KINDS``; ``WINDOW_EDGES`` where there is no neighbour), then the further
    features: the consumer puts it together per document in array operations (``CrfModel.tag_windows``), and
    finds a string's rows under every prefix at once, so the prefixed strings are never written out here."""
    keys, lowers = _keys(tokens, clusters)
    return [_type_kinds(k) for k in keys], _further(keys, lowers, name_forms)


def _keys(tokens: Sequence, clusters: dict[str, str] | None) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """Each token's word type (form, lemma, tag, cluster), and its form in lower case."""
    lowers = [t.text.lower() for t in tokens]
    if clusters:
        keys = [(t.text, t.lemma or t.text, t.tag or "ign", clusters.get(w, "")) for t, w in zip(tokens, lowers)]
    else:
        keys = [(t.text, t.lemma or t.text, t.tag or "ign", "") for t in tokens]
    return keys, lowers


@lru_cache(maxsize=WORD_TYPES)
def _type_kinds(key: tuple[str, str, str, str]) -> tuple[tuple[str, ...], ...]:
    own = _own_features(*key)
    return (("bias",), *[own[kind] for kind in KINDS[1:]])


def _further(keys: list[tuple[str, str, str, str]], lowers: list[str], name_forms: frozenset[str]) -> list[list[str]]:
    """Per token, the features of its place in the sentence and the document, which follow the tuples."""
    n = len(keys)
    words = [k[0] for k in keys]
    capital = [w[:1].isupper() for w in words]
    # Runs of capitalised words: a token's place in its run and the run's length, found run by run.
    run: list[str | None] = [None] * n
    i = 0
    while i < n:
        if not capital[i]:
            i += 1
            continue
        j = i + 1
        while j < n and capital[j]:
            j += 1
        size = min(j - i, 4)
        if j - i == 1:
            run[i] = _RUN["s", 1]
        else:
            run[i] = _RUN["b", size]
            for k in range(i + 1, j - 1):
                run[k] = _RUN["m", size]
            run[j - 1] = _RUN["e", size]
        i = j
    inside = _inside_quotes(words)
    facts = [_tag_facts(k[2]) for k in keys]
    out = []
    last = n - 1
    # The strings in one f-string each (one allocation, not one per "+"), in the order the model was trained on.
    for i in range(n):
        feats = ["first"] if i == 0 else []
        lower = lowers[i]
        case, marked = facts[i]
        if capital[i] and words[i] in name_forms:
            feats.append("docname")
        if i:
            feats.append(f"b-={lowers[i - 1]}|{lower}")
        if i < last:
            feats.append(f"b+={lower}|{lowers[i + 1]}")
        if capital[i]:
            feats.append(run[i])
        if inside is not None and inside[i]:
            feats.append("inq")
        if capital[i] and "~" + lower in name_forms:
            feats.append("doclow")
        if i:
            before = facts[i - 1]
            feats.append(f"tb-={before[1]}|{marked}")
            if case and case == before[0]:
                feats.append("agr-1")
        if i < last and case and case == facts[i + 1][0]:
            feats.append("agr+1")
        out.append(feats)
    return out


# A token's place in its run of capitalised words (single, beginning, middle, end) with the run's length up to 4.
_RUN = {(where, size): f"run={where}{size}" for where in "sbme" for size in range(1, 5)}


def _inside_quotes(words: list[str]) -> list[bool] | None:
    """Per word, whether it stands between quotes (the marks themselves do not); None when the sentence has none."""
    if QUOTES.isdisjoint(words):
        return None
    quoted = False
    inside = []
    for word in words:
        if word in QUOTES:
            quoted = not quoted if word == '"' else word in OPEN_QUOTES
            inside.append(False)
        else:
            inside.append(quoted)
    return inside


@lru_cache(maxsize=WORD_TYPES)
def _tag_facts(tag: str) -> tuple[str, str]:
    """A tag's case and its word class followed by the case ("subst" + "gen"), as the bigram of tags writes it."""
    case = _case(tag)
    return case, tag.partition(":")[0] + case


def document_name_forms(sentences: Sequence[Sequence]) -> frozenset[str]:
    """Capitalised words that occur inside a sentence (not first) somewhere in the document, and
    ("~" + word) the words it also writes in lower case."""
    capitalised = {
        t.text for sentence in sentences for t in sentence[1:] if t.text[:1].isupper() and t.text[1:2].islower()
    }
    lower = {"~" + t.text for sentence in sentences for t in sentence if t.text[:1].islower()}
    return frozenset(capitalised | lower)


QUOTES = frozenset('"„”“«»')
OPEN_QUOTES = frozenset("„“«")


@lru_cache(maxsize=WORD_TYPES)
def _case(tag: str) -> str:
    return next((v for v in re.split(r"[:.]", tag.partition(":")[2]) if v in CASES), "")


# Outer categories inside which NKJP annotates further names: a state in "Polskiej Akademii Nauk", a
# person in "ul. Mickiewicza" or "Uniwersytet Adama Mickiewicza", a town in "gmina Starogard". The
# training file (nkjp-nested-simplified-v2) keeps only persons' parts and settlements inside
# organisations, so the tagger cannot learn the rest; ``inner_names`` adds them from the knowledge
# base and Morfeusz (NKJP annotation guidelines, Savary et al. 2010: names nest inside names).
HOST_CATEGORIES = frozenset({"orgName", "geogName", "placeName-region", "placeName-district"})
COUNTRY, SETTLEMENT = "placeName-country", "placeName-settlement"
PERSON, FORENAME, SURNAME = "persName", "persName-forename", "persName-surname"
FORENAME_LABEL, SURNAME_LABEL, GEOGRAPHIC_LABEL = "imię", "nazwisko", "nazwa_geograficzna"
# Parts of speech a name's readings may have: nouns, unknown words, and the depreciative noun form
# SGJP gives surnames ("Kościuszki").
NAME_CLASSES = frozenset({"subst", "depr", "ign"})
# Longest run of words tried as one place name ("Nowy Jork", "Bielsko-Biała" is one token).
_LONGEST_PLACE = 3


@lru_cache(maxsize=1)
def _place_names() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Lower-case state names and forms -> country, town names and forms -> settlement (states win
    over towns of the same name, "Meksyk"); the states' adjectives ("polski"); the towns' names."""
    from kronika.kb import load_kb

    places: dict[str, str] = {}
    adjectives: set[str] = set()
    towns: set[str] = set()
    for entry in load_kb():
        if entry.type != "GPE":
            continue
        if entry.capital is not None:
            category, names = COUNTRY, (*entry.aliases_in(CODE), *entry.forms_in(CODE))
            adjectives.update(a.lower() for a in entry.adjectives_in(CODE))
        elif entry.extra.get("geonameid"):
            category, names = SETTLEMENT, (entry.name, *entry.aliases_in(CODE), *entry.forms_in(CODE))
            towns.update(name.lower() for name in (entry.name, *entry.aliases_in(CODE)))
        else:
            continue
        for name in names:
            key = name.lower()
            if places.get(key) != COUNTRY:
                places[key] = category
    return places, frozenset(adjectives), frozenset(towns)


@lru_cache(maxsize=WORD_TYPES)
def _word_facts(word: str) -> tuple[str | None, bool, bool, bool]:
    """(place category, forename, surname, any surname reading) of a word, read only where
    the dictionary says so: a state's adjective, a geographic name the knowledge base places, a town's
    adjective, a person's name with no common reading ("Izbie" is also a surname in SGJP, "Gdańskiego" also an
    adjective). The last says a surname reading exists at all, enough after a forename ("Marii
    Konopnickiej")."""
    from kronika.lang.pl.morphology import load_morphology

    places, adjectives, towns = _place_names()
    analyses = load_morphology().analyse(word)
    place = None
    for a in analyses:
        lemma = a.lemma.lower()
        if a.pos == "adj" and lemma in adjectives:
            place = COUNTRY
        elif place is None and GEOGRAPHIC_LABEL in a.labels and lemma in places:
            place = places[lemma]
    if place is None and all(a.pos == "ign" for a in analyses):
        place = places.get(word.lower())
    if place is None and any(a.pos == "adj" and town_of_adjective(a.lemma.lower(), towns) for a in analyses):
        place = SETTLEMENT
    proper = all(a.pos in NAME_CLASSES and COMMON_NOUN_LABEL not in a.labels for a in analyses)
    any_surname = any(SURNAME_LABEL in a.labels for a in analyses)
    forename = proper and any(FORENAME_LABEL in a.labels for a in analyses)
    return place, forename, proper and any_surname, any_surname


# SGJP writes the nouns for a people's or a town's members with a capital ("Kurd", "Turek", "Rosjanin",
# "Warszawiak"): common nouns of the human masculine gender whose lemma is capitalised. NKJP does not annotate them
# as names, yet the tagger sometimes does ("Kurdowie", "Turcy", which the town of Turek then claims).
HUMAN_GENDER = "m1"
NOUN_CLASSES = frozenset({"subst", "depr"})
# Labels that keep a word a name even when an inhabitant reading exists ("Niemiec" is also Germany's genitive).
PLACE_OR_FORENAME = frozenset({GEOGRAPHIC_LABEL, FORENAME_LABEL})


@lru_cache(maxsize=20_000)
def is_inhabitant(word: str) -> bool:
    """A word some reading of which names a member of a people or a town, and none a place or a forename."""
    from kronika.lang.pl.morphology import load_morphology

    analyses = load_morphology().analyse(word)
    member = any(
        a.pos in NOUN_CLASSES and a.lemma[:1].isupper() and COMMON_NOUN_LABEL in a.labels and HUMAN_GENDER in a.values
        for a in analyses
    )
    return member and not any(PLACE_OR_FORENAME.intersection(a.labels) for a in analyses)


# Relational adjectives of towns, NKJP's settlements too ("powiat działdowski", "ul. Krakowska"): the
# adjective's ending and the town-name endings it replaces (Polish word formation: -owo -> -owski,
# -ice -> -icki, -sk -> -ski, -ck -> -cki, -ź -> -dzki), tried against the knowledge base's towns.
TOWN_ADJECTIVE_ENDINGS = (
    ("dzki", ("dź", "dz", "d", "g")),
    ("cki", ("ce", "c", "ck", "k", "ca")),
    ("ski", ("", "a", "o", "e", "y", "i", "sk")),
)


def town_of_adjective(lemma: str, towns: frozenset[str]) -> str | None:
    """The town a relational adjective is formed from ("działdowski" -> "działdowo", "krakowski" ->
    "kraków", "szczeciński" -> "szczecin"), if the knowledge base knows it."""
    for ending, tails in TOWN_ADJECTIVE_ENDINGS:
        if not lemma.endswith(ending) or len(lemma) < len(ending) + 2:
            continue
        stem = lemma[: -len(ending)]
        stems = {stem}
        if stem.endswith("ń"):
            stems.add(stem[:-1] + "n")
        if "o" in stem:
            cut = stem.rindex("o")
            stems.add(stem[:cut] + "ó" + stem[cut + 1 :])
        for base in stems:
            for tail in tails:
                # a short stem with a vowel added is too often some other word ("morski" -> "moro")
                if base + tail in towns and (not tail or len(base + tail) >= 5):
                    return base + tail
        return None
    return None


@lru_cache(maxsize=20_000)
def _town_adjective_only(word: str) -> bool:
    from kronika.lang.pl.morphology import load_morphology

    analyses = load_morphology().analyse(word)
    return bool(analyses) and all(a.pos == "adj" for a in analyses)


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def inner_names(words: Sequence[str], start: int, end: int, taken: set[int]) -> list[tuple[int, int, str, int]]:
    """Names inside the outer name ``words[start:end]`` as (start, end, category, layer): places one
    layer down, persons one layer down with their forename and surname a layer further. Words in
    ``taken`` already belong to a nested name the tagger found."""
    found: list[tuple[int, int, str, int]] = []
    if end - start < 2:
        return found  # a name nested in a name is a proper part of it
    i = start
    while i < end:
        if i in taken or not words[i][:1].isalpha():
            i += 1
            continue
        if words[i][:1].islower():
            # Lower case inside a name: only a town's adjective ("powiat działdowski").
            if _word_facts(words[i])[0] == SETTLEMENT and _town_adjective_only(words[i]):
                found.append((i, i + 1, SETTLEMENT, 1))
            i += 1
            continue
        place = None
        for n in range(min(_LONGEST_PLACE, end - i), 1, -1):
            if not taken.intersection(range(i, i + n)):
                category = _place_names()[0].get(" ".join(words[i : i + n]).lower())
                if category:
                    place = (i, i + n, category, 1)
                    break
        if place is None and words[i][1:2].islower():
            category = _word_facts(words[i])[0]
            if category:
                place = (i, i + 1, category, 1)
        if place is not None:
            found.append(place)
            i = place[1]
            continue
        # A person: capitalised words with a forename or surname reading, or initials; not the host's
        # first word, which names the kind of thing ("Mickiewicz i Syn" is rare, "Uniwersytet X" is not).
        j = i
        parts: list[tuple[int, int, str, int]] = []
        while j < end and j not in taken and i > start:
            word = words[j]
            if _is_initial(word):
                parts.append((j, j + 1, FORENAME, 2))
            elif word[:1].isupper() and word[1:2].islower():
                _category, forename, surname, any_surname = _word_facts(word)
                surname = surname or (any_surname and bool(parts) and parts[-1][2] == FORENAME)
                if not (forename or surname):
                    break
                last = j + 1 == end or not words[j + 1][:1].isupper()
                parts.append((j, j + 1, SURNAME if surname and (last or not forename) else FORENAME, 2))
            else:
                break
            j += 1
        if parts and any(p[2] == SURNAME for p in parts):
            found.append((i, j, PERSON, 1))
            found.extend(parts)
            i = j
        else:
            i += 1
    return found
