"""The language-pack interface: what a pack under ``kronika/lang/<code>/`` must give the stages.

Stages hold no words of any language. They reach a language through one object, the pack that
``kronika.lang.get_language(code)`` returns, in two ways only: its attributes and methods below, and
``pack.data(part)`` for the larger data modules a single stage reads (``DATA_PARTS``). The names each part and
the event cues must define are listed here, so a second language knows what to write and a test
(``tests/lang/test_pack_interface.py``) checks every pack against the list and the stages' code against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol, runtime_checkable

# The event cue words the event coder and its learned layer read (``pack.event_cues.NAME``).
EVENT_CUES = (
    "AGENT_PREPOSITION",
    "BETWEEN",
    "BETWEEN_JOINERS",
    "BOTH",
    "CLAIM_VERBS",
    "CLAUSE_OPENERS",
    "CONDITIONAL_PARTICLE",
    "CONTENT_OPENERS",
    "COORDINATORS",
    "FORCE_NOUNS",
    "FUNDING_VERBS",
    "HYPOTHETICAL_MARKERS",
    "IMPERSONAL_SENSE",
    "INTENTION_VERBS",
    "LIGHT_VERBS",
    "LIKEWISE",
    "LOCATIVE_PREPOSITIONS",
    "NEGATION",
    "NEXT_ONE",
    "NOT_HOSTED",
    "PAIR_NOUNS",
    "PASSIVE_AUXILIARIES",
    "PERSONAL_PAST_ENDINGS",
    "REFLEXIVE",
    "RELATIVE_PRONOUNS",
    "RELATIVE_SUBJECTS",
    "REPORTING_VERBS",
    "SOURCE_PREPOSITIONS",
    "TOPIC_PREPOSITIONS",
)

# Data modules by part: the names the stage of that part reads from it.
DATA_PARTS: dict[str, tuple[str, ...]] = {
    "quotes": ("COORDINATORS", "DIALOGUE_DASHES", "QUOTE_PAIRS", "SOURCE_PREPOSITIONS", "SPEECH_VERBS", "THAT"),
    "amounts": (
        "APPROXIMATORS",
        "AUTHORITIES",
        "ESTIMATING_VERBS",
        "EVENT_CATEGORIES",
        "FOREIGN_MONTHS",
        "MULTIPLIERS",
        "NOT_COUNTS",
        "NOT_COUNT_LEMMAS",
        "NUMBER_LABELS",
        "NUMBER_WORDS",
        "OBJECT_CATEGORIES",
        "PERSON_OBJECTS",
        "VAGUE_MULTIPLIER_FORMS",
    ),
    "tone": ("POLARITY", "NEGATORS"),
    "ner_features": ("HOST_CATEGORIES", "NKJP_TYPES", "document_name_forms", "inner_names", "sentence_features"),
}


# The cases of Universal Dependencies, the values of ``Morph.cases`` and of the stages' case sets.
UD_CASES = ("Nom", "Gen", "Dat", "Acc", "Ins", "Loc", "Voc")


@dataclass(frozen=True, slots=True)
class Morph:
    """A token's tag as Universal Dependencies sees it: what stages read instead of a tagset's own strings.

    ``feats`` holds "Feature=Value" pairs; a tag left open between values ("nominative or accusative") holds a
    pair for each. ``xpos`` is the pack's own word class, opaque: learned models keep it in their feature
    strings, and no stage compares it with a literal."""

    upos: str  # "" when the token has no tag
    feats: frozenset[str]
    xpos: str

    def has(self, *pairs: str) -> bool:
        """Whether every one of ``pairs`` ("Case=Gen") is among the features."""
        return all(pair in self.feats for pair in pairs)

    @property
    def cases(self) -> frozenset[str]:
        """The UD cases the tag allows ("Gen", "Acc")."""
        return frozenset(pair[5:] for pair in self.feats if pair.startswith("Case="))


# The reading of a token with no tag: no class, no features.
UNTAGGED = Morph("", frozenset(), "")


@runtime_checkable
class LanguagePack(Protocol):
    """What every stage may ask of a language. Attributes are data; methods may load resources once per process."""

    code: str  # ISO 639-1
    abbreviations: Any  # words a period does not end a sentence after
    sentence_final_abbreviations: Any  # abbreviations that may also end one
    multi_period_abbreviations: Any
    quotes: Any  # quotation mark pairs of the language's typography
    temporal: Any  # the temporal expression grammar (``kronika.time``)
    titles: Any  # office titles that stand for their holder
    bodies: Any  # state bodies a title or name can refer to
    credit_cues: Any  # words that open a photo or source credit
    byline_openers: Any
    triggers: Any  # the event trigger table (``kronika.codebook``'s trigger rows); frames give ``ud_case``
    event_cues: Any  # a namespace defining every name in ``EVENT_CUES``
    oblique_cases: Any  # the UD cases a name in an oblique case may be in
    first_name_endings: Any  # (ending, UD cases) of a man's first name in an oblique case ("Johannem")
    unchanging_name_words: Any  # casefolded words of foreign names the language never inflects ("abu", "bin")
    joining_particles: Any  # {particle of foreign names no word of the language spells: types after it}
    arabic_spelling: Any  # son_of, articles, digraphs: how it writes an Arabic name against English

    def data(self, part: str) -> ModuleType:
        """The data module of one of ``DATA_PARTS``, imported once."""

    def surely_written_in(self, sample: str) -> bool:
        """A quick test that ``sample`` is in this language beyond doubt, run before the general language
        identifier is loaded (it costs most of a one-article start-up); False means "unsure"."""

    def morphology(self) -> Any:
        """The analyser and lemmatiser, loaded once per process."""

    def morph(self, tag: str | None) -> Morph:
        """The Universal Dependencies reading of one of the analyser's tags, built once per tag string."""

    def tag_value(self, pair: str) -> str:
        """The tagset's own name of a UD feature value ("Case=Gen" -> "gen"): the learned models were trained on
        feature strings that spell it so."""

    def strip_case_ending(self, surname: str, cases) -> str | None:
        """The base form of a man's surname in one of the UD ``cases``, by its regular ending, or None."""

    def o_name_base(self, word: str) -> str | None:
        """The base form of a man's name ending in -o that ``word`` may be an oblique form of, or None."""

    def surname_declines(self, surname: str) -> bool:
        """Whether a man's surname takes an ending in the oblique cases, so that one left as written says the
        name is in its base form."""

    def may_be_base_form(self, word: str) -> bool:
        """Whether ``word`` may be a name's base form by its ending (the Polish "Gochę" is an accusative)."""

    def may_be_oblique_of(self, form: str, lemma: str) -> bool:
        """Whether a name written ``form`` may be an oblique case of ``lemma`` by the language's spelling (the
        Polish "Cipi" is no form of "Cipia", whose genitive is "Cipii")."""

    def romanize(
        self, name: str, context, state: str | None = None, first_names=None, person: bool = False
    ) -> tuple[str, str] | None: ...

    def first_names(self, people) -> Any:
        """What ``romanize`` reads as evidence from the knowledge base's people: (country, first words of the
        English names, first words of the local-language names) each."""

    def sound_keys(self, name: str) -> frozenset[str]: ...

    def is_proper_name(self, word: str) -> bool: ...

    def is_nominative(self, tag: str) -> bool: ...

    def is_depreciative(self, tag: str) -> bool: ...

    def is_adjective(self, tag: str) -> bool: ...

    def syntax_attributes(self, text: str, lemma: str | None, tag: str | None) -> tuple[str, str, str, str]: ...


def data_module(package: str, part: str) -> ModuleType:
    """The data module ``part`` of a pack's ``package`` ("kronika.lang.en"), or a KeyError naming the known
    parts: what a pack's ``data`` returns (cached there)."""
    import importlib

    if part not in DATA_PARTS:
        raise KeyError(f"no data part '{part}' in the language-pack interface; known: {', '.join(DATA_PARTS)}")
    return importlib.import_module(f"{package}.{part}")


def pack_members() -> list[str]:
    """The protocol's attribute and method names."""
    methods = [name for name, value in vars(LanguagePack).items() if callable(value) and not name.startswith("_")]
    return sorted(set(LanguagePack.__annotations__) | set(methods))


def missing_names(pack: LanguagePack) -> list[str]:
    """Every declared name the pack lacks, as "part.NAME" (empty when the pack conforms)."""
    missing = [name for name in pack_members() if not hasattr(pack, name)]
    missing += [f"event_cues.{name}" for name in EVENT_CUES if not hasattr(pack.event_cues, name)]
    for part, names in DATA_PARTS.items():
        module = pack.data(part)
        missing += [f"{part}.{name}" for name in names if not hasattr(module, name)]
    return missing
