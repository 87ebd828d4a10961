"""Polish numerals, multipliers, approximation words and the counted objects of news amounts.

Sources: cardinal forms in all cases are the temporal grammar's (SGJP, ``kronika/lang/pl/temporal.py``);
multipliers and their abbreviations follow the Polish abbreviation standard (Wielki słownik ortograficzny
PWN: "tys.", "mln", "mld", "bln" without a period after the last letter of the word); approximation words
and the object nouns are those of Polish agency reports on wars and disasters (PAP, "ok. 15 tys.
żołnierzy", "zginęło pięć osób cywilnych", "ponad milion uchodźców", "miliardy dolarów"). Objects are
Morfeusz lemmas (a participle's lemma is its verb: "zabitych" -> "zabić").
"""

from kronika.lang.pl.temporal import QUANTITIES

# Number words (every case) -> value; vague ones ("kilkanaście", "setki") -> None. Taken from the
# temporal grammar, where vague amounts are "X".
NUMBER_WORDS = {form: (None if value == "X" else value) for form, value in QUANTITIES.items()
                if form not in {"tyle", "tylu", "wiele", "wielu", "wieloma", "szereg", "szeregu", "ileś", "iluś"}}
NUMBER_WORDS.update({
    "sześćset": 600, "sześciuset": 600, "siedemset": 700, "siedmiuset": 700, "osiemset": 800,
    "ośmiuset": 800, "dziewięćset": 900, "dziewięciuset": 900, "zero": 0,
    "tuzin": 12, "tuzina": 12,
})
# Vague counts are approximate by themselves.
VAGUE_WORDS = frozenset(form for form, value in NUMBER_WORDS.items() if value is None)

# Multipliers after a number ("15 tys.", "2,5 mln", "dwa miliardy"), by the token's lower-cased text
# (the tagger reads "tys." as an abbreviation) and by lemma.
MULTIPLIERS = {
    "tys": 1_000, "tys.": 1_000, "tysiąc": 1_000, "mln": 1_000_000, "mln.": 1_000_000,
    "milion": 1_000_000, "mld": 1_000_000_000, "mld.": 1_000_000_000, "mlrd": 1_000_000_000,
    "miliard": 1_000_000_000, "bln": 1_000_000_000_000, "bilion": 1_000_000_000_000,
}
# A multiplier word standing alone in the plural says "many of them": "miliardy dolarów", "tysiące ludzi".
VAGUE_MULTIPLIER_FORMS = frozenset({
    "tysiące", "tysięcy", "tysiącami", "miliony", "milionów", "milionami", "miliardy", "miliardów",
    "miliardami", "setki", "setek", "setkami", "dziesiątki", "dziesiątek", "dziesiątkami",
})

# Words before a number that make it approximate ("ok. 15 tys.", "ponad 20 państw", "co najmniej 10").
APPROXIMATORS = frozenset({
    "ok.", "ok", "około", "ponad", "blisko", "prawie", "niemal", "niemalże", "przeszło",
    "mniej więcej", "co najmniej", "co najwyżej", "nawet", "przynajmniej", "niespełna", "ledwie",
    "szacunkowo", "według szacunków", "rzędu", "do", "poniżej", "powyżej", "nieco ponad", "grubo ponad",
})
# Bounds ("do 10 tys.", "poniżej", "co najwyżej") count as approximate too: the figure is not exact.

# Units after a number that make it no count of things: percentages and measures.
NOT_COUNTS = frozenset({
    "%", "proc.", "proc", "procent", "procenta", "procentach", "pkt", "pkt.", "punkt", "km", "m", "kg", "t",
    "ha", "km²", "godz.", "min.", "°c", "stopni", "stopnie", "stopnia", "r.", "rok", "roku", "w.",
})

# Lemmas after a number that make it a distance, a duration, an age or a ratio, not a count of things. Masses,
# volumes and areas stay amounts ("14 mld metrów sześciennych gazu", "25 tys. hektarów lasu").
NOT_COUNT_LEMMAS = frozenset({
    "kilometr", "mila", "stopień", "procent",
    "rok", "lato", "miesiąc", "tydzień", "dzień", "doba", "godzina", "minuta", "sekunda", "raz", "krotnie",
})
# Words before a number that make it a label: "art. 193", "nr 17", "numer 164", "pkt 4".
NUMBER_LABELS = frozenset({"art.", "art", "artykuł", "nr", "nr.", "numer", "pkt", "pkt.", "punkt", "ust.", "ust",
                           "poz.", "par.", "§", "tom", "strona", "str.", "s."})
# English dates in quoted posts ("May 30, 2022"): the day is no amount.
FOREIGN_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                            "october", "november", "december"})

# Verbs that state a figure, besides the event coder's reporting verbs: "TASS oszacowała liczbę na około 30",
# "Służby szacują, że ...", "MSZ potwierdziło śmierć 12 osób".
ESTIMATING_VERBS = frozenset({"szacować", "oszacować", "wyliczyć", "wyliczać", "policzyć", "naliczyć", "doliczyć",
                              "potwierdzić", "potwierdzać", "ocenić", "oceniać"})

# The reportative verb: with an infinitive beside it, a sentence passes on a figure someone else gave ("Zginąć miało
# sześć osób", "Dwie rakiety miały spaść", "miało zostać wysłanych 10 samolotów"): its claimant is the sentence
# before's, in the same paragraph ("Damaszek twierdzi, że ...").
REPORTATIVE = frozenset({"mieć"})

# Nouns of a report that stand between a source word and whom it cites: "według danych Czerwonego Krzyża", "według
# szacunków władz", "według relacji Straży Przybrzeżnej", "według danych przekazanych przez władze" (Morfeusz lemmas).
REPORT_NOUNS = frozenset({"dana", "dane", "szacunek", "informacja", "relacja", "komunikat", "raport", "źródło",
                          "wyliczenie", "statystyka", "obliczenie", "ustalenie", "oświadczenie"})
# The relative pronoun after a source word: "poinformowała OPCW, według której ...".
RELATIVE_PRONOUNS = frozenset({"który"})

# Common nouns that stand for a state's authorities when no name goes with them: "Władze podały", "jak poinformowała
# policja", "Sztab przekazał", "według strony izraelskiej". Such a claimant is the state (its country), unlike an
# unnamed NGO or witness ("organizacje praw człowieka", "świadkowie"), whom a report leaves unattributed (GUIDE
# "Amounts"). Morfeusz lemmas of the state's organs as Polish agency reports name them (PAP), each with the English
# word the party is shown by ("authorities of Lithuania", as the knowledge base names bodies in English).
AUTHORITY_NAMES = {
    "władza": "authorities", "rząd": "government", "gabinet": "cabinet", "administracja": "administration",
    "ministerstwo": "ministry", "resort": "ministry", "urząd": "office", "kancelaria": "chancellery",
    "policja": "police", "prokuratura": "prosecutors", "prokurator": "prosecutors", "wojsko": "armed forces",
    "armia": "army", "sztab": "general staff", "dowództwo": "command", "służba": "services", "straż": "guard",
    "siła": "forces", "komisja": "commission", "strona": "side", "rzecznik": "spokesperson",
    "rzeczniczka": "spokesperson", "msz": "foreign ministry", "mon": "defence ministry", "msw": "interior ministry",
}
AUTHORITIES = frozenset(AUTHORITY_NAMES)

# Counted object (lemma) -> category.
OBJECT_CATEGORIES = {
    **dict.fromkeys((
        "żołnierz", "wojsko", "wojskowy", "bojownik", "żołnierka", "najemnik", "rezerwista", "poborowy",
        "komandos", "spadochroniarz", "marine", "żandarm", "funkcjonariusz", "policjant", "oddział", "batalion",
        "brygada", "dywizja", "pułk", "kompania", "ochotnik", "partyzant", "terrorysta",
        "rebeliant", "powstaniec", "milicjant", "gwardzista", "dżihadysta",
    ), "troops"),
    **dict.fromkeys(("zabity", "zabić", "zginąć", "ofiara", "zmarły", "zabita", "poległy", "polec", "trup",
                     "ciało", "zamordowany", "zamordować", "zgon", "śmiertelny"), "killed"),
    **dict.fromkeys(("ranny", "ranić", "zranić", "poszkodowany", "poszkodować", "raniony"), "wounded"),
    **dict.fromkeys(("zatrzymany", "zatrzymać", "aresztowany", "aresztować", "więzień", "jeniec",
                     "zakładnik", "porwany", "porwać", "uwięziony", "uwięzić", "skazany", "skazać",
                     "internować", "internowany", "pojmać", "zatrzymanie", "aresztowanie"), "arrested"),
    **dict.fromkeys(("uchodźca", "uchodźczyni", "przesiedlony", "przesiedlić", "ewakuować", "ewakuowany",
                     "wysiedlony", "wysiedlić", "migrant", "imigrant", "azylant", "przesiedleniec", "uciekinier",
                     "bezdomny", "deportować", "deportowany"), "displaced"),
    **dict.fromkeys(("dolar", "euro", "złoty", "zł", "zł.", "rubel", "hrywna", "juan", "funt", "jen", "frank",
                     "korona", "forint", "lej", "lira", "rupia", "won", "szekel", "dinar", "rial", "riyal",
                     "usd", "eur", "pln", "rub", "uah", "cny", "gbp", "jpy", "chf", "bitcoin", "cent",
                     "eurocent", "grosz"), "money"),
}
# Nouns that count people without saying what happened to them ("pięć osób cywilnych zginęło"): the
# sentence's verb gives the category.
PERSON_OBJECTS = frozenset({
    "osoba", "człowiek", "ludzie", "cywil", "mieszkaniec", "dziecko", "kobieta", "mężczyzna", "obywatel",
    "pasażer", "pracownik", "demonstrant", "protestujący", "uczestnik", "turysta", "członek", "Palestyńczyk",
    "Ukrainiec", "Rosjanin", "Izraelczyk", "student", "dziennikarz", "lekarz", "ratownik", "górnik",
})
# Verbs and nouns in the sentence that say what happened to the people counted.
EVENT_CATEGORIES = {
    **dict.fromkeys(("zginąć", "zabić", "zabity", "zamordować", "zastrzelić", "śmierć", "umrzeć", "polec",
                     "zmarły", "ofiara", "zgładzić", "rozstrzelać"), "killed"),
    **dict.fromkeys(("ranić", "zranić", "ranny", "obrażenie", "poszkodować", "hospitalizować"), "wounded"),
    **dict.fromkeys(("zatrzymać", "aresztować", "zatrzymany", "aresztowany", "zatrzymywać", "aresztowanie",
                     "zatrzymanie", "uwięzić", "porwać", "pojmać", "internować", "skazać"), "arrested"),
    **dict.fromkeys(("ewakuować", "ewakuacja", "uciec", "uciekać", "przesiedlić", "wysiedlić", "opuścić",
                     "schronić", "deportować", "uchodźca"), "displaced"),
    **dict.fromkeys(("wysłać", "skierować", "rozmieścić", "stacjonować", "zmobilizować", "wcielić"), "troops"),
}
