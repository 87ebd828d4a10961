"""Polish cue words the event coder reads around a trigger: negation, passive voice, attribution,
modality, coordination and clause boundaries. All as lemmas (Morfeusz's), lower-cased.

Sources: the grammar of Polish negation and passive (Nagórko, "Zarys gramatyki polskiej", PWN 2010:
"nie" before the verb; "zostać"/"być" with the passive participle and the agent in "przez" + accusative),
and the reporting formulas of Polish agency news (PAP: "przekazała agencja", "według", "jak podała",
"poinformował", "cytowany przez").
"""

NEGATION = frozenset({"nie"})

# The reflexive particle of verbs like "spotkać się": it may stand before or after the verb.
REFLEXIVE = "się"

# "został zaatakowany przez Rosję": auxiliary + passive participle, the agent after "przez".
PASSIVE_AUXILIARIES = frozenset({"zostać", "zostawać", "być"})
AGENT_PREPOSITION = "przez"

# "według NIS", "zdaniem ekspertów", "za agencją Reutera": the source in the genitive (or instrumental).
SOURCE_PREPOSITIONS = frozenset({"według", "zdaniem", "wedle"})
# "przekazała agencja Xinhua", "jak podała agencja Reutera", "poinformował NIS": the source is the subject.
REPORTING_VERBS = frozenset({
    "przekazać", "przekazywać", "podać", "podawać", "poinformować", "informować", "donieść", "donosić",
    "ujawnić", "ujawniać", "relacjonować", "zrelacjonować", "twierdzić", "stwierdzić", "ogłosić", "ogłaszać",
    "napisać", "pisać", "raportować", "opublikować", "powiadomić",
})
# "cytowany przez media": the quoted speaker is the event's actor, the media are the reporters.
CITED_BY = ("cytować", "przez")

# Intentions and pledges ("zapowiedzieli wzmocnienie", "zamierza wysłać") and hypotheticals ("gdyby").
INTENTION_VERBS = frozenset({
    "zapowiedzieć", "zapowiadać", "zamierzać", "planować", "zaplanować", "chcieć", "obiecać", "obiecywać",
    "zobowiązać", "zobowiązywać", "deklarować", "zadeklarować", "grozić", "zagrozić", "zamierzyć",
})
HYPOTHETICAL_MARKERS = frozenset({"gdyby", "jeśliby", "jeżeliby", "gdy by"})
CONDITIONAL_PARTICLE = "by"

# "Xi i Putin", "Chiny oraz Rosja": coordinated participants share a role.
COORDINATORS = frozenset({"i", "oraz", "a także", "ani"})
# Words that open a new clause: a subject does not cross them ("Kim, dla którego ...", "podkreślił, że ...").
CLAUSE_OPENERS = frozenset({"że", "który", "która", "które", "którzy", "gdy", "kiedy", "jak", "aby", "żeby",
                            "bo", "ponieważ", "choć", "chociaż", "jednak", "lecz", "ale"})

# "w Pekinie", "we Lwowie", "na Ukrainie": where an event took place (a place in the locative).
LOCATIVE_PREPOSITIONS = frozenset({"w", "we", "na"})

# Verbs that carry an event noun and lend it their subject: "armia przeprowadziła atak", "Iran rozpoczął
# ostrzał", "Izrael zakończył serię nalotów" (Polish "czasowniki operatorowe", Nagórko 2010).
LIGHT_VERBS = frozenset({
    "przeprowadzić", "przeprowadzać", "dokonać", "dokonywać", "rozpocząć", "rozpoczynać", "zakończyć",
    "kończyć", "kontynuować", "prowadzić", "przypuścić", "przypuszczać", "wznowić", "wznawiać", "nasilić",
    "nasilać", "zorganizować", "organizować", "podjąć", "podejmować", "wprowadzić", "wprowadzać", "odbyć",
    "odbywać", "złożyć", "składać", "udzielić", "udzielać", "wyrazić", "wyrażać", "zapowiedzieć",
    "zapowiadać", "ogłosić", "ogłaszać", "przekazać", "przekazywać",
    # "zdecydował o zamknięciu konsulatu": who decides on a deed does it
    "zdecydować", "decydować", "postanowić",
})

# "Obaj liderzy zgodzili się", "obie strony dementują": both of the sides the article has just paired.
BOTH = frozenset({"oba", "obydwa"})
# "Przywódcy zapowiedzieli ...": leaders in the plural with no name of their own are the pair just met.
PAIR_NOUNS = frozenset({"przywódca", "lider"})

# After a comma these open a relative clause: ", czemu ChRL zaprzecza", ", co potwierdził rząd".
RELATIVE_PRONOUNS = frozenset({"co", "kto", "gdzie", "dokąd", "skąd", "czyj"})

# Verbs of spending that lend their subject to the purchase they fund: "Chiny wydają miliardy dolarów na zakup
# rosyjskiej ropy" (the buyer is China).
FUNDING_VERBS = frozenset({"wydać", "wydawać", "przeznaczyć", "przeznaczać", "zainwestować", "inwestować"})

# "Podobnie jak Indie, Chiny kupują ...": the compared party does the same as the subject.
LIKEWISE = (("podobnie", "jak"), ("tak", "jak"), ("podobnie", "jak", "i"))

# Armed forces and fighters: in the genitive after an event of force they are its agent ("atak bojowników
# Hamasu", "ostrzał rosyjskich wojsk"); any other noun there is what was struck ("ostrzał ormiańskich osad").
FORCE_NOUNS = frozenset({
    "wojsko", "armia", "siła", "lotnictwo", "marynarka", "artyleria", "bojownik", "żołnierz", "rebeliant",
    "oddział", "jednostka", "formacja", "brygada", "batalion", "pułk", "dywizja", "milicja", "partyzant",
    "terrorysta", "separatysta", "najemnik", "komandos", "snajper", "myśliwiec", "dron", "okręt", "czołg",
    "bombowiec", "policja", "funkcjonariusz", "służba", "gwardia", "ekstremista", "dżihadysta", "powstaniec",
})

# Verbs whose neuter singular is impersonal with another sense: "udało się" is "managed to", not "went to".
IMPERSONAL_SENSE = frozenset({"udać", "udawać"})

# "mediacja między Izraelem a Hamasem": the parties of a mediation or a truce, joined by "a" as well as "i".
BETWEEN = "między"
BETWEEN_JOINERS = frozenset({"a"})
# "rozmowy o zawieszeniu broni", "dążyć do rozejmu", "zgodzić się na rozejm": a truce as a topic or a goal.
TOPIC_PREPOSITIONS = frozenset({"o", "do", "na"})
# "Hamas, który wystrzelił ...": the relative pronoun in the nominative stands for the names before it.
RELATIVE_SUBJECTS = frozenset({"który"})
# The past tense carries its person as an ending: "ostrzegałem", "wznowiliśmy", "zrobiłaś".
PERSONAL_PAST_ENDINGS = ("łem", "łam", "łeś", "łaś", "liśmy", "łyśmy", "liście", "łyście")
# Verbs that put forward a claim: "Azerbejdżan oświadczył, że siły wroga ostrzeliwują ..." is an accusation by
# the speaker against whoever the claim says used force or threatened (a neutral "poinformował" is not).
CLAIM_VERBS = frozenset({"twierdzić", "oświadczyć", "oświadczać", "przekonywać"})
# Conjunctions that open a content clause: "Rosja ogłosiła, że zamknie ...": its dropped subject is the speaker.
CONTENT_OPENERS = frozenset({"że", "iż"})
# "kolejne spotkanie", "następna runda rozmów": talks again between the sides that met last.
NEXT_ONE = frozenset({"kolejny", "następny", "ponowny"})
# Objects with which a verb of hosting ("przyjąć", "podjąć") is a light verb, not the reception of a guest:
# "podjął decyzję", "przyjęła uchwałę", "podjęte kroki".
NOT_HOSTED = frozenset({
    "decyzja", "uchwała", "stanowisko", "rezolucja", "ustawa", "krok", "działanie", "próba", "środek", "plan",
    "projekt", "inicjatywa", "wysiłek", "temat", "propozycja", "deklaracja", "budżet", "poprawka", "zobowiązanie",
})
