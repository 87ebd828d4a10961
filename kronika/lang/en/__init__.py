"""The English language pack: a minimal second pack that fills the interface (``kronika/lang/base.py``).

It proves the interface more than it reads English well: segmentation data, a rule-based tagger with UD
features, a temporal grammar, event cues and a few trigger rows, quote and amount data. It has no trained model
(name tagger, learned event layer, quote model): the pipeline falls back as ``kronika/pipeline.py`` says and
``kronika analyze`` notes it. It runs when asked for by name (``--lang en``; ``kronika.lang.PACKS``).
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType, SimpleNamespace

from kronika.lang.base import DATA_PARTS, Morph, data_module
from kronika.lang.en import events as EVENT_CUES
from kronika.lang.en.abbreviations import ABBREVIATIONS, MULTI_PERIOD, SENTENCE_FINAL_ABBREVIATIONS
from kronika.lang.en.credits import BYLINE_OPENERS, CREDIT_CUES
from kronika.lang.en.temporal import TEMPORAL_GRAMMAR
from kronika.lang.en.titles import BODIES, TITLES
from kronika.lang.en.triggers import TRIGGERS
from kronika.lang.en.ud import to_ud
from kronika.lang.punctuation import QUOTES


class EnglishLanguage:
    code = "en"
    abbreviations = ABBREVIATIONS
    sentence_final_abbreviations = SENTENCE_FINAL_ABBREVIATIONS
    multi_period_abbreviations = MULTI_PERIOD
    quotes = QUOTES
    temporal = TEMPORAL_GRAMMAR
    titles = TITLES
    bodies = BODIES
    credit_cues = CREDIT_CUES
    byline_openers = BYLINE_OPENERS
    triggers = TRIGGERS
    event_cues = EVENT_CUES
    # English names do not inflect: no oblique case, no case ending to strip.
    oblique_cases: frozenset[str] = frozenset()
    first_name_endings: tuple = ()
    unchanging_name_words: frozenset[str] = frozenset()
    joining_particles: MappingProxyType = MappingProxyType({})
    # English writes Arabic names as the knowledge base does: "son of" and the article, no letter to read apart.
    arabic_spelling = SimpleNamespace(
        son_of=frozenset({"bin", "ibn", "bint", "ben"}),
        articles=frozenset({"al", "el", "as", "ad", "ar", "an", "at", "az", "ash", "ud", "ul"}),
        digraphs=(),
    )

    def data(self, part: str):
        """One of the data modules the interface names (``kronika.lang.base.DATA_PARTS``), imported once."""
        return _data(part)

    def surely_written_in(self, sample: str) -> bool:
        """No shortcut: the language identifier decides for English."""
        return False

    def strip_case_ending(self, surname: str, cases) -> str | None:
        return None

    def romanize(
        self, name: str, context, state: str | None = None, first_names=None, person: bool = False
    ) -> tuple[str, str] | None:
        """English spells foreign names in English already."""
        return None

    def first_names(self, people) -> None:
        """No transliterated first names to recognise: ``romanize`` reads no evidence."""
        return None

    def o_name_base(self, word: str) -> str | None:
        """English names do not decline: no word is an oblique form of another."""
        return None

    def surname_declines(self, surname: str) -> bool:
        return False

    def may_be_base_form(self, word: str) -> bool:
        return True

    def may_be_oblique_of(self, form: str, lemma: str) -> bool:
        return True

    def sound_keys(self, name: str) -> frozenset[str]:
        return frozenset()

    def morphology(self):
        """The rule-based tagger and lemmatiser, built once per process."""
        return _morphology()

    def morph(self, tag: str | None) -> Morph:
        """The Penn Treebank tag in Universal Dependencies terms (``kronika/lang/en/ud.py``)."""
        return to_ud(tag)

    def tag_value(self, pair: str) -> str:
        """The tagset's name of a UD feature value: the Penn tags spell none alone, so the pair itself."""
        return pair

    def is_proper_name(self, word: str) -> bool:
        """A capitalised word that is no closed-class word ("The", "We") and no verb the pack knows ("Said")."""
        readings = _morphology().analyse(word)
        if not any(r.tag == "NNP" for r in readings):
            return False
        return not any(
            r.tag != "NNP"
            and (
                r.tag[:2] in ("DT", "PR", "IN", "CC", "WD", "WP", "WR", "MD", "TO")
                or r.tag.startswith("AUX_")
                or r.lemma in _morphology().known_verbs
            )
            for r in readings
        )

    def is_nominative(self, tag: str) -> bool:
        """English nouns have no case: every reading can be a base form."""
        return True

    def is_depreciative(self, tag: str) -> bool:
        return False

    def syntax_attributes(self, text: str, lemma: str | None, tag: str | None) -> tuple[str, str, str, str]:
        """Form, lemma, word class and number, as a dependency parser would read them."""
        m = to_ud(tag)
        number = next((pair[7:] for pair in m.feats if pair.startswith("Number=")), "")
        return text, lemma or text, m.upos, number

    def is_adjective(self, tag: str) -> bool:
        return to_ud(tag).upos == "ADJ"

    def __reduce__(self):
        # One pack per process: unpickling in a worker returns that worker's own instance.
        return (_language, ())


@lru_cache(maxsize=len(DATA_PARTS))
def _data(part: str):
    return data_module(__name__, part)


@lru_cache(maxsize=1)
def _morphology():
    from kronika.lang.en.morphology import Morphology

    verbs = frozenset(lemma for t in TRIGGERS for lemma in t.lemmas) | _data("quotes").SPEECH_VERBS
    return Morphology(verbs | EVENT_CUES.REPORTING_VERBS | EVENT_CUES.LIGHT_VERBS | EVENT_CUES.INTENTION_VERBS)


def _language() -> EnglishLanguage:
    return LANGUAGE


LANGUAGE = EnglishLanguage()
