"""English closed-class words with their Penn Treebank tags, and the irregular verbs and nouns.

Sources: the closed classes (determiners, pronouns, prepositions, conjunctions, modals and the forms of "be",
"have" and "do") as Santorini's "Part-of-Speech Tagging Guidelines for the Penn Treebank Project" (1990) tags
them; the irregular verbs and plurals of Quirk et al., "A Comprehensive Grammar of the English Language" (1985),
§3.14-3.16 and §5.80-5.86, cut to those news uses. Facts of the language, written out here.
"""

from __future__ import annotations

from kronika.lang.en.ud import AUX_PREFIX


def _tagged(tag: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), tag)


# Form (lower case) -> (lemma, tag) for words whose lemma is not the form itself.
_BE = {"am": "VBP", "is": "VBZ", "are": "VBP", "was": "VBD", "were": "VBD", "been": "VBN", "being": "VBG",
       "be": "VB"}
_HAVE = {"have": "VBP", "has": "VBZ", "had": "VBD", "having": "VBG"}
_DO = {"do": "VBP", "does": "VBZ", "did": "VBD", "done": "VBN", "doing": "VBG"}
AUXILIARIES = {form: (lemma, AUX_PREFIX + tag) for lemma, forms in (("be", _BE), ("have", _HAVE), ("do", _DO))
               for form, tag in forms.items()}

CLOSED = {
    **_tagged("DT", "the a an this that these those each every some any no all both either neither another"),
    **_tagged("PRP", "i you he she it we they me him us them himself herself itself themselves"),
    **_tagged("PRP$", "my your his her its our their"),
    **_tagged("IN", "of in on at by for with from about against between into through during before after "
                    "above below under over without within along across behind beyond near since until upon "
                    "among amid towards toward despite than as if because while whereas although though "
                    "whether unless via per like according"),
    **_tagged("TO", "to"),
    **_tagged("CC", "and or but nor"),
    **_tagged("MD", "will would shall should can could may might must"),
    **_tagged("WDT", "which"),
    **_tagged("WP", "who whom whose what"),
    **_tagged("WRB", "when where why how"),
    **_tagged("RB", "not never also very just still already only even too again ago soon now then there here "
                    "however yet almost nearly later earlier"),
    **_tagged("CD", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
                    "hundred thousand million billion trillion dozen"),
    **_tagged("JJ", "new last next first second third former other same own many much several few"),
}

# Irregular verbs: base, past, past participle.
IRREGULAR_VERBS = [tuple(entry.split("/")) for entry in """
    arise/arose/arisen bear/bore/borne beat/beat/beaten become/became/become begin/began/begun bind/bound/bound
    blow/blew/blown break/broke/broken bring/brought/brought build/built/built buy/bought/bought cast/cast/cast
    catch/caught/caught choose/chose/chosen come/came/come cut/cut/cut draw/drew/drawn drive/drove/driven
    eat/ate/eaten fall/fell/fallen feel/felt/felt fight/fought/fought find/found/found flee/fled/fled
    fly/flew/flown forbid/forbade/forbidden forget/forgot/forgotten freeze/froze/frozen get/got/got
    give/gave/given go/went/gone grow/grew/grown hear/heard/heard hide/hid/hidden hit/hit/hit hold/held/held
    hurt/hurt/hurt keep/kept/kept know/knew/known lay/laid/laid lead/led/led leave/left/left lend/lent/lent
    let/let/let lose/lost/lost make/made/made mean/meant/meant meet/met/met overthrow/overthrew/overthrown
    pay/paid/paid put/put/put quit/quit/quit rise/rose/risen run/ran/run say/said/said see/saw/seen
    seek/sought/sought sell/sold/sold send/sent/sent set/set/set shoot/shot/shot shut/shut/shut sit/sat/sat
    speak/spoke/spoken spend/spent/spent split/split/split spread/spread/spread stand/stood/stood
    steal/stole/stolen strike/struck/struck swear/swore/sworn take/took/taken teach/taught/taught
    tell/told/told think/thought/thought throw/threw/thrown understand/understood/understood
    undertake/undertook/undertaken wake/woke/woken win/won/won withdraw/withdrew/withdrawn write/wrote/written
    """.split()]

IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot",
                     "teeth": "tooth", "mice": "mouse", "lives": "life", "wives": "wife", "knives": "knife",
                     "chiefs": "chief", "crises": "crisis", "analyses": "analysis", "data": "datum"}

# Words in "-s" that are no plural ("news", "bus") and in "-ed"/"-ing" that are no verb form.
NOT_INFLECTED = frozenset("news series species us this is was has does his its bus gas thus perhaps always "
                          "whereas means lens bias chaos status ceasefire during something anything nothing "
                          "everything thing king ring spring morning evening wing string ceiling red bed "
                          "hundred seed speed need feed creed shed".split())

# Adjective endings (Quirk et al. 1985, appendix I.40-I.51: suffixes forming adjectives).
ADJECTIVE_SUFFIXES = ("ous", "ful", "ive", "ical", "able", "ible", "less", "ish", "ary", "ial", "ional", "ic")
