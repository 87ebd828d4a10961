"""English number words, multipliers, approximation words and the counted objects of news amounts.

Sources: cardinal numbers and "dozen"/"scores of" as Quirk et al. (1985, §6.63-6.64) list them; the multipliers
and their abbreviations of the AP Stylebook ("million", "billion", "bn", "m" in financial copy); approximation
words and counted objects of agency reports on wars and disasters ("at least 12 people were killed", "about
3,000 troops", "more than a million refugees"). Objects are lemmas of ``kronika/lang/en/morphology.py``.
"""

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))

NUMBER_WORDS: dict[str, int | None] = {**{w: n for n, w in enumerate(UNITS)}, **TENS, "hundred": 100,
                                       "dozen": 12, "dozens": None, "several": None, "few": None, "scores": None}

# (thousands, decimal) separators of numbers in digits: "3,000", "2.5" (the amount stage's default is Polish).
DIGIT_SEPARATORS = (",", ".")

MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "mln": 1_000_000,
               "billion": 1_000_000_000, "bn": 1_000_000_000, "trillion": 1_000_000_000_000}
# "thousands of people", "millions of dollars": many of them.
VAGUE_MULTIPLIER_FORMS = frozenset({"thousands", "millions", "billions", "hundreds", "dozens", "tens"})

APPROXIMATORS = frozenset({"about", "around", "some", "nearly", "almost", "roughly", "approximately", "approx.",
                           "over", "more than", "at least", "at most", "up to", "fewer than", "less than",
                           "as many as", "an estimated", "close to", "under", "below", "above"})

NOT_COUNTS = frozenset({"%", "percent", "per", "km", "kg", "miles", "mile", "degrees", "points", "a.m.", "p.m."})
NOT_COUNT_LEMMAS = frozenset({"kilometer", "kilometre", "mile", "degree", "percent", "year", "month", "week",
                              "day", "hour", "minute", "second", "time"})
NUMBER_LABELS = frozenset({"no.", "number", "article", "section", "page", "vol.", "pp.", "p.", "resolution"})
# Month names before a day ("May 30, 2022"): the day is no amount.
FOREIGN_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                            "october", "november", "december"})

ESTIMATING_VERBS = frozenset({"estimate", "count", "confirm", "put", "tally"})

# Common nouns that stand for a state's authorities when no name goes with them ("authorities said", "police
# reported", "according to the ministry"): the claimant is that state.
AUTHORITIES = frozenset({
    "authority", "government", "administration", "ministry", "office", "police", "prosecutor", "army", "military",
    "command", "force", "spokesman", "spokeswoman", "spokesperson", "side",
})

OBJECT_CATEGORIES = {
    **dict.fromkeys(("soldier", "troop", "fighter", "militant", "rebel", "reservist", "marine", "officer",
                     "police", "policeman", "mercenary", "volunteer"), "troops"),
    **dict.fromkeys(("dead", "death", "fatality", "body", "victim"), "killed"),
    **dict.fromkeys(("wounded", "injured", "casualty"), "wounded"),
    **dict.fromkeys(("detainee", "prisoner", "hostage", "arrest", "captive"), "arrested"),
    **dict.fromkeys(("refugee", "evacuee", "migrant", "asylum-seeker"), "displaced"),
    **dict.fromkeys(("dollar", "euro", "pound", "yen", "yuan", "rouble", "ruble", "hryvnia", "zloty", "usd",
                     "eur", "gbp", "$", "€", "£"), "money"),
}
PERSON_OBJECTS = frozenset({"person", "people", "civilian", "resident", "child", "woman", "man", "citizen",
                            "passenger", "worker", "protester", "student", "journalist", "doctor"})
EVENT_CATEGORIES = {
    **dict.fromkeys(("kill", "die", "death", "dead", "shoot", "execute"), "killed"),
    **dict.fromkeys(("wound", "injure", "hurt", "hospitalize"), "wounded"),
    **dict.fromkeys(("arrest", "detain", "capture", "abduct", "kidnap", "jail"), "arrested"),
    **dict.fromkeys(("evacuate", "flee", "displace", "deport", "resettle"), "displaced"),
    **dict.fromkeys(("deploy", "send", "station", "mobilize", "mobilise"), "troops"),
}
