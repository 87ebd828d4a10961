"""Polish verbs of saying and the quote marks that open and close a direct quote.

Sources: the reporting formulas of Polish agency news (PAP style: "- ... - powiedział X", "zapewnił Xi,
cytowany przez media", "X podkreślił, że ..."); the verbs are Morfeusz lemmas of both aspects. Quote
pairs follow Polish typography (Wielki słownik ortograficzny PWN, "Cudzysłów": „…” and the inner »…«)
plus what news sites print in practice (“…”, «…», straight "…"). The marks themselves come from the
shared classes in ``kronika/lang/punctuation.py``; here they are only paired.
"""

from kronika.lang.pl.punctuation import POLISH_QUOTES
from kronika.lang.punctuation import DASHES

# Lemmas (Morfeusz) of verbs that introduce what someone said or wrote.
SPEECH_VERBS = frozenset({
    "powiedzieć", "mówić", "zapewnić", "zapewniać", "podkreślić", "podkreślać", "dodać", "dodawać",
    "oświadczyć", "oświadczać", "stwierdzić", "stwierdzać", "zaznaczyć", "zaznaczać", "ocenić", "oceniać",
    "przekazać", "przekazywać", "napisać", "pisać", "zapowiedzieć", "zapowiadać", "ostrzec", "ostrzegać",
    "przyznać", "przyznawać", "wyjaśnić", "wyjaśniać", "zauważyć", "zauważać", "przypomnieć", "przypominać",
    "zadeklarować", "deklarować", "oznajmić", "oznajmiać", "poinformować", "informować", "zapytać", "pytać",
    "odpowiedzieć", "odpowiadać", "wskazać", "wskazywać", "argumentować", "przekonywać", "przekonać",
    "apelować", "zaapelować", "wezwać", "wzywać", "zadeklarować", "uznać", "uznawać", "twierdzić",
    "zdementować", "zaprzeczyć", "zaprzeczać", "zarzucić", "zarzucać", "ogłosić", "ogłaszać", "relacjonować",
    "zrelacjonować", "komentować", "skomentować", "podać", "podawać", "ujawnić", "ujawniać", "powtórzyć",
    "powtarzać", "mówić", "rzec", "wyrazić", "wyrażać", "obiecać", "obiecywać", "zasugerować", "sugerować",
    "zadeklarować", "akcentować", "zaakcentować", "pisać", "tweetować", "napisać", "wspomnieć", "wspominać",
    "zwrócić", "zwracać", "opisać", "opisywać", "alarmować", "zaalarmować", "zastrzec", "zastrzegać",
})

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
