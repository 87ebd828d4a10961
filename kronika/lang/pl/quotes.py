"""Polish verbs of saying and the quote marks that open and close a direct quote.

Sources: the reporting formulas of Polish agency news (PAP style: "- ... - powiedział X", "zapewnił Xi,
cytowany przez media", "X podkreślił, że ..."); the verbs are Morfeusz lemmas of both aspects. Quote
pairs follow Polish typography (Wielki słownik ortograficzny PWN, "Cudzysłów": „…” and the inner »…«)
plus what news sites print in practice (“…”, «…», straight "…"). The marks themselves come from the
shared classes in ``kronika/lang/punctuation.py``; here they are only paired.
"""

from kronika.lang.pl.amounts import AUTHORITY_NAMES
from kronika.lang.pl.events import REPORTING_VERBS
from kronika.lang.pl.events import SOURCE_PREPOSITIONS as EVENT_SOURCES
from kronika.lang.pl.punctuation import POLISH_QUOTES
from kronika.lang.pl.titles import TITLES
from kronika.lang.pl.translit import HOME
from kronika.lang.pl.triggers import TRIGGERS
from kronika.lang.punctuation import DASHES

# Verbs of saying are one list shared with the event coder: the trigger table's speech rows (``triggers.tsv``,
# column speech=1: "powiedzieć", "oświadczyć", ...) and its reporting verbs ("donieść", "opublikować"), plus the
# verbs that introduce words but are no statement row there: some code an event of their own ("zaapelować",
# "zaprzeczyć"), others are no event at all ("zameldować", "skandować", "czytamy"). Listed here once.
SAYING_EVENTS = frozenset({
    "akcentować", "zaakcentować", "alarmować", "zaalarmować", "apelować", "zaapelować", "obiecać", "obiecywać",
    "opisać", "opisywać", "ostrzec", "ostrzegać", "powtórzyć", "powtarzać", "pytać", "zapytać",
    "rzec", "tweetować", "uznać", "uznawać", "wezwać", "wzywać", "wspomnieć", "wspominać", "wyrazić", "wyrażać",
    "zaprzeczyć", "zaprzeczać", "zarzucić", "zarzucać", "zastrzec", "zastrzegać", "zdementować",
    "zameldować", "meldować", "sprecyzować", "precyzować", "tłumaczyć",
    "wytłumaczyć", "prowokować", "skandować", "krzyczeć", "wołać", "zawołać", "wyliczyć", "czytać",
})
SPEECH_VERBS = frozenset({t.head for t in TRIGGERS if t.speech}) | REPORTING_VERBS | SAYING_EVENTS

# "według NIS", "zdaniem ekspertów": a cited source, the event coder's list.
SOURCE_PREPOSITIONS = EVENT_SOURCES

# The state whose parties go by their native spelling in English too ("Lech Wałęsa"; ``kronika/quotes/native.py``).
HOME_STATE = HOME

# "jego zdaniem", "w jej ocenie", "według niego": a source named by a third-person pronoun, which points back
# to a party named before (the grammar's possessive and prepositional forms of "on", "ona", "oni").
PRONOUN_SOURCE_FORMS = frozenset({"jego", "jej", "ich", "niego", "niej", "nich"})
# Those of them that point to several parties ("oni"): a body or a state as well as people.
PLURAL_PRONOUN_SOURCE_FORMS = frozenset({"ich", "nich"})
# The nouns that, with such a pronoun, name whose view a sentence gives ("w ocenie", "w opinii", "zdaniem").
VIEW_NOUNS = frozenset({"zdanie", "zdaniem", "ocena", "opinia", "według", "wedle"})
# The conjunction that opens reported (indirect) speech: "podkreślił, że ...".
THAT = frozenset({"że", "iż"})

# Opening mark -> the marks that may close it. Straight quotes close themselves; „ is closed by ” in
# print and by “ or " when typed. Single quotes and apostrophes are left out: "O'Brien", "'90".
QUOTE_PAIRS = {
    "„": frozenset("”“\""),
    "“": frozenset("”\""),
    "\"": frozenset("\"”“"),
    "«": frozenset("»"),
    "»": frozenset("«"),
}
assert set(QUOTE_PAIRS) <= POLISH_QUOTES

# "- Nie ustąpimy - powiedział": a dash at the start of a paragraph or sentence opens dialogue speech.
DIALOGUE_DASHES = DASHES

# "Xi i Putin ... podkreślając": the first of coordinated speakers speaks for the group.
COORDINATORS = frozenset({"i", "oraz"})

# The state's organs a speaker may be named by with no name ("oświadczył rzecznik MSZ", "armia przekazała"), with the
# English word the body is shown by: the amounts' list of authorities, one list for claimants and speakers.
BODY_WORDS = AUTHORITY_NAMES
# The head nouns of state offices' titles ("szef węgierskiego rządu", "premier"), with the English word the speaker
# is shown by when no name goes with it ("head of Hungary"): a person of that state, whom the grader matches by the
# state's code.
OFFICE_WORDS = {
    "prezydent": "president", "przywódca": "leader", "przewodniczący": "chairman", "król": "king", "królowa": "queen",
    "emir": "emir", "monarcha": "monarch", "premier": "prime minister", "kanclerz": "chancellor", "szef": "head",
    "minister": "minister",
}
assert {title[0] for title in TITLES} <= set(OFFICE_WORDS)
