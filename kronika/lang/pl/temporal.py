"""The Polish temporal grammar: word forms of dates, times, durations and sets, and the rules over them.

Sources: the inflection tables of the Słownik gramatyczny języka polskiego (SGJP, sgjp.pl) for month,
weekday, unit and number-word paradigms; the TIMEX3 guidelines (TimeML 1.2.1) for what each expression's
value is; the PLIMEX timex annotation guidelines of the KPWr corpus (Kocoń, Marcińczuk, CLARIN-PL) for the
inventory of Polish temporal expressions; HeidelTime's resource layout (Strötgen & Gertz: patterns,
normalisations and rules kept as data) for the shape of this module; Kronika's ``eval/GUIDE.md`` for spans (the preposition belongs to the
expression: "w czwartek", "od sześciu lat").

Lexicons map each lower-case form to what it means, either a number that fills the slot named after the
lexicon's group or a dict of slots (``kronika/time/resolve.py`` lists the slot names). Rules are regular
expressions over the lexicons and the macros below (``kronika/time/grammar.py`` explains the placeholders).
"""

from __future__ import annotations

from kronika.time.grammar import Rule, TemporalGrammar

# -- inflection helpers: adjectival endings of SGJP's paradigms -------------------------------------------

HARD = ("y", "ego", "emu", "ym", "ymi", "ych", "a", "ej", "ą", "e")  # wtorkowy, zeszły
SOFT = ("i", "iego", "iemu", "im", "imi", "ich", "ia", "iej", "ią", "ie")  # sobotni, ostatni, trzeci
VELAR = ("i", "iego", "iemu", "im", "imi", "ich", "a", "iej", "ą", "ie")  # drugi


def _adjective(stem: str, endings=HARD) -> list[str]:
    return [stem + e for e in endings]


def _forms(value, *stems_and_endings) -> dict:
    out = {}
    for stem, endings in stems_and_endings:
        for form in _adjective(stem, endings):
            out[form] = value
    return out


# -- months --------------------------------------------------------------------------------------------------

# Singular paradigm (nominative, genitive, dative, instrumental, locative; the accusative of these
# masculine nouns is the nominative) and the abbreviations dates use ("4 wrz. 2025").
MONTH_FORMS = {
    1: "styczeń stycznia styczniowi styczniem styczniu sty.",
    2: "luty lutego lutemu lutym lut.",
    3: "marzec marca marcowi marcem marcu mar.",
    4: "kwiecień kwietnia kwietniowi kwietniem kwietniu kwi. kwiet.",
    5: "maj maja majowi majem maju",
    6: "czerwiec czerwca czerwcowi czerwcem czerwcu cze. czerw.",
    7: "lipiec lipca lipcowi lipcem lipcu lip.",
    8: "sierpień sierpnia sierpniowi sierpniem sierpniu sie. sierp.",
    9: "wrzesień września wrześniowi wrześniem wrześniu wrz.",
    10: "październik października październikowi październikiem październiku paź. paźdz.",
    11: "listopad listopada listopadowi listopadem listopadzie lis. listop.",
    12: "grudzień grudnia grudniowi grudniem grudniu gru. grudz.",
}
MONTHS = {form: n for n, forms in MONTH_FORMS.items() for form in forms.split()}
# Locatives stand for "in <month>" even without the preposition ("w grudniu, styczniu i lutym").
# The second month of a span ("na przełomie kwietnia i maja", "od marca do czerwca").
MONTH_ENDS = {form: {"month_end": n} for form, n in MONTHS.items()}
MONTH_LOCATIVES = {form: {"month": n} for n, form in enumerate(
    "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu".split(),
    start=1)}

ROMAN = {r: n for n, r in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI XXII".split(), start=1)}
# Roman month numerals only count between a day and a year ("4 IX 2025"): "II wojna" is no month.
ROMAN_MONTHS = {r.lower(): {"month": n} for r, n in ROMAN.items() if n <= 12}
CENTURIES = {r.lower(): {"century": n} for r, n in ROMAN.items()}

MONTH_ADJECTIVES = {}
for _n, _stem in enumerate(["styczniow", "lutow", "marcow", "kwietniow", "majow", "czerwcow", "lipcow",
                            "sierpniow", "wrześniow", "październikow", "listopadow", "grudniow"], start=1):
    MONTH_ADJECTIVES.update(_forms({"month": _n}, (_stem, HARD)))

# -- weekdays ------------------------------------------------------------------------------------------------

WEEKDAY_FORMS = {
    1: "poniedziałek poniedziałku poniedziałkowi poniedziałkiem",
    2: "wtorek wtorku wtorkowi wtorkiem",
    3: "środa środy środzie środę środą",
    4: "czwartek czwartku czwartkowi czwartkiem",
    5: "piątek piątku piątkowi piątkiem",
    6: "sobota soboty sobocie sobotę sobotą",
    7: "niedziela niedzieli niedzielę niedzielą",
}
WEEKDAYS = {form: n for n, forms in WEEKDAY_FORMS.items() for form in forms.split()}
# Plurals name a set ("w poniedziałki" = every Monday).
WEEKDAY_PLURAL_FORMS = {
    1: "poniedziałki poniedziałków poniedziałkami poniedziałkach",
    2: "wtorki wtorków wtorkami wtorkach",
    3: "środy śród środami środach",
    4: "czwartki czwartków czwartkami czwartkach",
    5: "piątki piątków piątkami piątkach",
    6: "soboty sobót sobotami sobotach",
    7: "niedziele niedziel niedzielami niedzielach",
    8: "weekendy weekendów weekendami weekendach",
}
WEEKDAY_PLURALS = {form: ({"weekday": n} if n <= 7 else {"unit": "WE"})
                   for n, forms in WEEKDAY_PLURAL_FORMS.items() for form in forms.split()}
WEEKDAY_ADJECTIVES = {}
for _n, (_stem, _endings) in enumerate([("poniedziałkow", HARD), ("wtorkow", HARD), ("środow", HARD),
                                        ("czwartkow", HARD), ("piątkow", HARD), ("sobotn", SOFT),
                                        ("niedzieln", HARD)], start=1):
    WEEKDAY_ADJECTIVES.update(_forms({"weekday": _n}, (_stem, _endings)))

# -- numbers -------------------------------------------------------------------------------------------------

# Cardinals in all cases (SGJP), feminine and masculine-personal forms included.
CARDINAL_FORMS = {
    1: "jeden jedna jedno jednego jednej jednemu jednym jedną",
    2: "dwa dwie dwóch dwu dwom dwóm dwoma dwiema dwoje dwojga",
    3: "trzy trzech trzem trzema troje trojga",
    4: "cztery czterech czterem czterema czworo czworga",
    5: "pięć pięciu pięcioma pięcioro",
    6: "sześć sześciu sześcioma sześcioro",
    7: "siedem siedmiu siedmioma siedmioro",
    8: "osiem ośmiu ośmioma",
    9: "dziewięć dziewięciu dziewięcioma",
    10: "dziesięć dziesięciu dziesięcioma",
    11: "jedenaście jedenastu jedenastoma",
    12: "dwanaście dwunastu dwunastoma",
    13: "trzynaście trzynastu trzynastoma",
    14: "czternaście czternastu czternastoma",
    15: "piętnaście piętnastu piętnastoma",
    16: "szesnaście szesnastu szesnastoma",
    17: "siedemnaście siedemnastu siedemnastoma",
    18: "osiemnaście osiemnastu osiemnastoma",
    19: "dziewiętnaście dziewiętnastu dziewiętnastoma",
    20: "dwadzieścia dwudziestu dwudziestoma",
    30: "trzydzieści trzydziestu trzydziestoma",
    40: "czterdzieści czterdziestu czterdziestoma",
    50: "pięćdziesiąt pięćdziesięciu pięćdziesięcioma",
    60: "sześćdziesiąt sześćdziesięciu sześćdziesięcioma",
    70: "siedemdziesiąt siedemdziesięciu siedemdziesięcioma",
    80: "osiemdziesiąt osiemdziesięciu osiemdziesięcioma",
    90: "dziewięćdziesiąt dziewięćdziesięciu dziewięćdziesięcioma",
    100: "sto stu",
    200: "dwieście dwustu",
    300: "trzysta trzystu",
    400: "czterysta czterystu",
    500: "pięćset pięciuset",
    1000: "tysiąc tysiąca",
}
QUANTITIES: dict = {form: n for n, forms in CARDINAL_FORMS.items() for form in forms.split()}
# "dwadzieścia pięć", "trzydziestu dwóch": every form of the tens with every form of the units, since
# news does not always make them agree.
for _tens in (20, 30, 40, 50, 60, 70, 80, 90):
    for _t in CARDINAL_FORMS[_tens].split():
        for _unit in range(1, 10):
            for _u in CARDINAL_FORMS[_unit].split():
                QUANTITIES[f"{_t} {_u}"] = _tens + _unit
QUANTITIES.update({
    "pół": 0.5, "półtora": 1.5, "półtorej": 1.5,
    # Vague amounts: the TIMEX3 value keeps the unit and puts X for the number (PXY).
    "kilka": "X", "kilku": "X", "kilkoma": "X", "kilkanaście": "X", "kilkunastu": "X", "kilkunastoma": "X",
    "kilkadziesiąt": "X", "kilkudziesięciu": "X", "kilkudziesięcioma": "X", "kilkaset": "X", "kilkuset": "X",
    "parę": "X", "paru": "X", "paroma": "X", "wiele": "X", "wielu": "X", "wieloma": "X",
    "szereg": "X", "szeregu": "X", "dziesiątki": "X", "dziesiątek": "X", "setki": "X", "setek": "X",
    "tyle": "X", "tylu": "X", "ileś": "X", "iluś": "X", "tysiące": "X", "tysięcy": "X",
})

# First parts of compound adjectives: "dwudniowy", "pięcioletni", "kilkuminutowy". "Wieloletni" is left
# out: it says "long-standing" ("wieloletni prezes"), a quality more than a period.
NUMBER_PREFIXES = {
    "jedno": 1, "dwu": 2, "trzy": 3, "cztero": 4, "pięcio": 5, "sześcio": 6, "siedmio": 7, "ośmio": 8,
    "dziewięcio": 9, "dziesięcio": 10, "jedenasto": 11, "dwunasto": 12, "piętnasto": 15, "dwudziesto": 20,
    "trzydziesto": 30, "czterdziesto": 40, "pięćdziesięcio": 50, "stu": 100, "kilku": "X", "kilkunasto": "X",
    "kilkudziesięcio": "X", "pół": 0.5, "półtora": 1.5,
}
NUMBER_PREFIXES = {k: {"quantity": v} for k, v in NUMBER_PREFIXES.items()}

# Ordinals (hard and soft stems) for hours ("o dwudziestej"), centuries ("dwudziestego wieku") and days.
ORDINAL_STEMS = {
    1: ("pierwsz", HARD), 2: ("drug", VELAR), 3: ("trzec", SOFT), 4: ("czwart", HARD), 5: ("piąt", HARD),
    6: ("szóst", HARD), 7: ("siódm", HARD), 8: ("ósm", HARD), 9: ("dziewiąt", HARD), 10: ("dziesiąt", HARD),
    11: ("jedenast", HARD), 12: ("dwunast", HARD), 13: ("trzynast", HARD), 14: ("czternast", HARD),
    15: ("piętnast", HARD), 16: ("szesnast", HARD), 17: ("siedemnast", HARD), 18: ("osiemnast", HARD),
    19: ("dziewiętnast", HARD), 20: ("dwudziest", HARD), 21: ("dwudziest pierwsz", HARD),
    22: ("dwudziest drug", VELAR), 23: ("dwudziest trzec", SOFT), 24: ("dwudziest czwart", HARD),
}


def _ordinal_forms(limit: int) -> dict:
    out = {}
    for n, (stem, endings) in ORDINAL_STEMS.items():
        if n > limit:
            continue
        if " " in stem:
            first, second = stem.split()
            for e1, e2 in zip(HARD, endings):
                out[f"{first}{e1} {second}{e2}"] = n
        else:
            for e in endings:
                out[stem + e] = n
    return out


# Feminine ordinals name hours ("o szesnastej"); noon and midnight are words of their own.
# "pierwsza niedziela września", "w ostatni piątek miesiąca": the nth (or last) weekday of a month.
NTH_WEEKDAYS = {}
for _n in (1, 2, 3, 4):
    NTH_WEEKDAYS.update(_forms({"nth": _n}, ORDINAL_STEMS[_n]))
NTH_WEEKDAYS.update(_forms({"nth": -1}, ("ostatn", SOFT)))
HOUR_NAMES = {form: {"hour": n} for form, n in _ordinal_forms(24).items()
              if form.endswith(("ej", "a", "ą", "iej"))}
HOUR_NAMES.update({f: {"hour": 24} for f in "północ północy północą".split()})
ORDINAL_CENTURIES = {form: {"century": n} for form, n in _ordinal_forms(22).items()}
# "dwudziestowieczna przeszłość", "XIX-wieczny".
CENTURY_ADJECTIVES = {}
for _n, (_stem, _endings) in ORDINAL_STEMS.items():
    if " " not in _stem and _n >= 10:
        _prefix = _stem + ("o" if _endings is HARD else "")
        CENTURY_ADJECTIVES.update(_forms({"century": _n}, (_prefix + "wieczn", HARD)))
for _roman, _n in ROMAN.items():
    CENTURY_ADJECTIVES.update(_forms({"century": _n}, (_roman.lower() + "-wieczn", HARD)))

# "lata siedemdziesiąte", "w latach dziewięćdziesiątych".
DECADE_NAMES = {}
for _n, _stem in enumerate(["dwudziest", "trzydziest", "czterdziest", "pięćdziesiąt", "sześćdziesiąt",
                            "siedemdziesiąt", "osiemdziesiąt", "dziewięćdziesiąt"], start=2):
    DECADE_NAMES.update(_forms({"decade": _n}, (_stem, HARD)))

# -- units ---------------------------------------------------------------------------------------------------

UNIT_FORMS = {
    "Y": "rok roku rokowi rokiem lata lat latom latami latach laty",
    "M": "miesiąc miesiąca miesiącowi miesiącem miesiącu miesiące miesięcy miesiącom miesiącami miesiącach mies.",
    "W": "tydzień tygodnia tygodniowi tygodniem tygodniu tygodnie tygodni tygodniom tygodniami tygodniach tyg.",
    "D": "dzień dnia dniowi dniem dniu dni dniom dniami dniach dnie doba doby dobie dobę dobą dób dobom dobami "
         "dobach",
    "H": "godzina godziny godzinie godzinę godziną godzin godzinom godzinami godzinach godz. h",
    "MIN": "minuta minuty minucie minutę minutą minut minutom minutami minutach min. min",
    "S": "sekunda sekundy sekundzie sekundę sekundą sekund sekundom sekundami sekundach sek.",
    "DE": "dekada dekady dekadzie dekadę dekadą dekad dekadom dekadami dekadach dziesięciolecie "
          "dziesięciolecia dziesięcioleciu dziesięcioleciem dziesięcioleci dziesięcioleciach",
    "CE": "stulecie stulecia stuleciu stuleciem stuleci stuleciom stuleciami stuleciach wieki wieków",
    "Q": "kwartał kwartału kwartałowi kwartałem kwartale kwartały kwartałów kwartałach",
    "WE": "weekend weekendu weekendowi weekendem weekendzie",
}
# Singular forms: after a whole number from 2 up Polish needs the plural ("25 lat"), so "25 roku życia"
# is an ordinal (the 25th year), not a duration.
SINGULAR_UNIT_FORMS = set(
    "rok roku rokowi rokiem miesiąc miesiąca miesiącowi miesiącem miesiącu tydzień tygodnia tygodniowi "
    "tygodniem tygodniu dzień dnia dniowi dniem dniu doba dobie dobę dobą godzina godzinie godzinę godziną "
    "minuta minucie minutę minutą sekunda sekundzie sekundę sekundą dekada dekadzie dekadę dekadą stulecie "
    "stuleciu stuleciem kwartał kwartału kwartałowi kwartałem kwartale weekend weekendu weekendowi weekendem "
    "weekendzie".split())
UNITS = {form: ({"unit": u, "singular": True} if form in SINGULAR_UNIT_FORMS else {"unit": u})
         for u, forms in UNIT_FORMS.items() for form in forms.split()}
# Years apart: a number of years after "ma", "w wieku" is an age.
YEAR_UNITS = {form: slots for form, slots in UNITS.items() if slots["unit"] == "Y"}
OTHER_UNITS = {form: slots for form, slots in UNITS.items() if slots["unit"] != "Y"}

# Singular forms that mean one unit on their own: "od tygodnia", "przez rok", "tydzień temu".
SINGLE_UNIT_FORMS = {
    "Y": "rok roku rokiem",
    "M": "miesiąc miesiąca miesiącem miesiącu",
    "W": "tydzień tygodnia tygodniem tygodniu",
    "D": "dzień dnia dobę doby dobą",
    "H": "godzinę godziny godziną godzina",
    "MIN": "minutę minuty minutą",
    "Q": "kwartał kwartału",
    "DE": "dekadę dekady",
    "CE": "stulecie stulecia",
}
SINGLE_UNITS = {form: {"unit": u, "quantity": 1} for u, forms in SINGLE_UNIT_FORMS.items()
                for form in forms.split()}

# Plural forms that stand for "some units": "od lat", "od miesięcy", "potrwać tygodnie".
UNIT_PLURAL_FORMS = {
    "Y": "lata lat latami latach laty",
    "M": "miesiące miesięcy miesiącami miesiącach",
    "W": "tygodnie tygodni tygodniami tygodniach",
    "D": "dni dniami dniach",
    "H": "godziny godzin godzinami godzinach",
    "MIN": "minuty minut minutami minutach",
    "DE": "dekady dekad dekadami dekadach dziesięcioleci",
}
PLURAL_UNITS = {form: {"unit": u, "quantity": "X"} for u, forms in UNIT_PLURAL_FORMS.items()
                for form in forms.split()}

# Instrumental forms after "przed" meaning "ago": "przed dwoma laty", "przed rokiem".
AGO_UNIT_FORMS = {
    "Y": "laty latami rokiem", "M": "miesiącami miesiącem", "W": "tygodniami tygodniem",
    "D": "dniami dniem dobą", "H": "godzinami godziną", "MIN": "minutami minutą", "DE": "dekadami dekadą",
}
AGO_UNITS = {form: {"unit": u} for u, forms in AGO_UNIT_FORMS.items() for form in forms.split()}

# Second parts of compound adjectives: "-dniowy", "-letni", "-miesięczny".
UNIT_ADJECTIVES = {}
for _u, (_stem, _endings) in {
    "D": ("dniow", HARD), "Y": ("letn", SOFT), "M": ("miesięczn", HARD), "W": ("tygodniow", HARD),
    "H": ("godzinn", HARD), "MIN": ("minutow", HARD), "S": ("sekundow", HARD), "Q": ("kwartaln", HARD),
}.items():
    UNIT_ADJECTIVES.update(_forms({"unit": _u}, (_stem, _endings)))
# With digits "-letni" is nearly always an age ("43-letni mieszkaniec"), not a period.
UNIT_ADJECTIVES_AFTER_DIGITS = {k: v for k, v in UNIT_ADJECTIVES.items() if not k.startswith("letn")}
for _form in _adjective("roczn", HARD):  # "jednoroczny", "dwuroczny" are rarer forms of "-letni"
    UNIT_ADJECTIVES[_form] = {"unit": "Y"}
for _form in _adjective("dobow", HARD):
    UNIT_ADJECTIVES[_form] = {"unit": "D"}

# A year written after its number: "w 2011 r.", "2011 roku", "2009r.".
YEAR_WORDS = {f: None for f in "r. r roku rok rokiem".split()}
# Words for the year around a month or day: "23 grudnia br.", "w czerwcu ubiegłego roku".
YEAR_REFERENCES = {
    **{p: 0 for p in ["br.", "b.r.", "bieżącego roku", "tego roku", "tego samego roku", "obecnego roku"]},
    **{p: -1 for p in ["ub.r.", "ub. r.", "ub. roku", "ubiegłego roku", "zeszłego roku", "poprzedniego roku",
                       "minionego roku"]},
    **{p: 1 for p in ["przyszłego roku", "następnego roku"]},
}
YEAR_REFERENCES = {k: {"shift": v, "unit": "Y"} for k, v in YEAR_REFERENCES.items()}

# "w I kwartale 2025 r.", "w drugim kwartale".
QUARTERS = {r.lower(): {"quarter": n} for r, n in ROMAN.items() if n <= 4}
for _n in range(1, 5):
    _stem, _endings = ORDINAL_STEMS[_n]
    QUARTERS.update(_forms({"quarter": _n}, (_stem, _endings)))
QUARTER_WORDS = {f: None for f in "kwartał kwartału kwartale kwartałem kw.".split()}
CENTURY_WORDS = {f: None for f in "wiek wieku wiekiem wiekowi w. stulecie stulecia stuleciu stuleciem".split()}
DECADE_WORDS = {f: None for f in "lata lat latach latami".split()}

# -- relative words ------------------------------------------------------------------------------------------

DEICTIC_DAYS = {
    "dziś": 0, "dzisiaj": 0, "dzis": 0, "wczoraj": -1, "przedwczoraj": -2, "jutro": 1, "pojutrze": 2,
}
DEICTIC_DAYS = {k: {"offset": v} for k, v in DEICTIC_DAYS.items()}
DEICTIC_ADJECTIVES = _forms({"offset": 0}, ("dzisiejsz", HARD))
DEICTIC_ADJECTIVES.update(_forms({"offset": -1}, ("wczorajsz", HARD)))
DEICTIC_ADJECTIVES.update(_forms({"offset": -2}, ("przedwczorajsz", HARD)))
DEICTIC_ADJECTIVES.update(_forms({"offset": 1}, ("jutrzejsz", HARD)))
DEICTIC_ADJECTIVES.update(_forms({"offset": 2}, ("pojutrzejsz", HARD)))
# "w dzisiejszych czasach", "dzisiejszy świat": the present in general, no date.
GENERIC_PRESENT_NOUNS = {f: None for f in (
    "czasy czasach czasów czasami świat świecie świata światem realia realiach realiów dobie epoce "
    "młodzież młodzieży społeczeństwo społeczeństwie").split()}
# Years named by an adjective: "tegoroczne", "zeszłoroczny".
YEAR_ADJECTIVES = _forms({"shift": 0, "unit": "Y"}, ("tegoroczn", HARD))
YEAR_ADJECTIVES.update(_forms({"shift": -1, "unit": "Y"}, ("zeszłoroczn", HARD), ("ubiegłoroczn", HARD)))
YEAR_ADJECTIVES.update(_forms({"shift": 1, "unit": "Y"}, ("przyszłoroczn", HARD)))

# Modifiers of a unit or weekday: -1 last, 0 this, +1 next; "<" and ">" the nearest before and after.
SHIFTS = _forms({"shift": -1}, ("zeszł", HARD), ("ubiegł", HARD), ("poprzedn", SOFT), ("minion", HARD))
SHIFTS.update(_forms({"shift": 1}, ("przyszł", HARD), ("następn", HARD), ("nadchodząc", HARD)))
SHIFTS.update(_forms({"shift": 0}, ("bieżąc", HARD), ("obecn", HARD)))
SHIFTS.update({f: {"shift": 0} for f in "ten tego temu tym ta tej tę tą te".split()})
SHIFTS.update(_forms({"shift": "<"}, ("ostatn", SOFT)))
SHIFTS.update(_forms({"shift": ">"}, ("najbliższ", HARD)))
# "w ostatnich dniach", "w najbliższych tygodniach": a vague past or future.
RECENT = {f: {"vague_ref": "PAST_REF"} for f in "ostatnich ostatnie ostatnimi".split()}
RECENT.update({f: {"vague_ref": "FUTURE_REF"} for f in
               "najbliższych najbliższe najbliższymi nadchodzących nadchodzące kolejnych kolejne".split()})
# "ostatnie trzy lata", "kolejnych pięć lat": modifiers that leave a duration a duration.
DURATION_MODIFIERS = {f: None for f in (
    "ostatnie ostatnich ostatnimi najbliższe najbliższych kolejne kolejnych następne następnych całe cały "
    "całą całych pierwsze pierwszych pełne pełnych dobre dobrych długie długich").split()}

# "dzień wcześniej", "następnego dnia": days from the date the text named last.
ANAPHORS = {
    "dzień wcześniej": -1, "dzień później": 1, "dzień przed": -1, "dzień po": 1,
    "następnego dnia": 1, "kolejnego dnia": 1, "następnego dnia rano": 1, "nazajutrz": 1,
    "poprzedniego dnia": -1, "dnia poprzedniego": -1, "dnia następnego": 1,
    "tego samego dnia": 0, "tego dnia": 0, "tegoż dnia": 0, "w tym samym dniu": 0,
    "w przededniu": -1,
}
ANAPHORS = {k: {"anaphor": v} for k, v in ANAPHORS.items()}
# "chwilę później": after the last event, by an amount nobody says; kept, left unresolved.
VAGUE_ANAPHORS = {f: {"anaphor_vague": True} for f in (
    "chwilę później", "chwilę wcześniej", "chwilę potem", "po chwili", "wkrótce potem", "niedługo potem",
    "chwilę po", "chwilę przed", "któregoś dnia", "pewnego dnia", "któregoś razu")}
# "trzy dni później": a quantity of units from the date the text named last.
RELATIVE_DIRECTIONS = {"później": {"anaphor_direction": 1}, "potem": {"anaphor_direction": 1},
                       "wcześniej": {"anaphor_direction": -1}, "przedtem": {"anaphor_direction": -1}}

# -- seasons, parts of the day, parts of a period ------------------------------------------------------------

SEASON_FORMS = {
    "SP": "wiosna wiosny wiośnie wiosnę wiosną",
    "SU": "lato latem lecie",  # "lata" is also the plural of "rok": left out
    "FA": "jesień jesieni jesienią",
    "WI": "zima zimy zimie zimę zimą",
}
SEASONS = {form: {"season": s} for s, forms in SEASON_FORMS.items() for form in forms.split()}
SEASON_ADJECTIVES = _forms({"season": "SP"}, ("wiosenn", HARD))
SEASON_ADJECTIVES.update(_forms({"season": "FA"}, ("jesienn", HARD)))
SEASON_ADJECTIVES.update(_forms({"season": "WI"}, ("zimow", HARD)))
SEASON_ADJECTIVES.update(_forms({"season": "SU"}, ("letn", SOFT)))

# Parts of the day (TIMEX3 MO, MI, AF, EV, NI), as adverbial phrases.
DAYPART_PHRASES = {
    "MO": ["rano", "rankiem", "nad ranem", "o świcie", "z rana", "przed południem", "wczesnym rankiem",
           "wczesnym rano"],
    "MI": ["w południe", "około południa"],
    "AF": ["po południu", "popołudniem", "późnym popołudniem", "wczesnym popołudniem"],
    "EV": ["wieczorem", "wieczór", "wieczora", "wieczorze", "późnym wieczorem", "wczesnym wieczorem"],
    "NI": ["w nocy", "nocą", "nocy", "noc", "późną nocą", "w środku nocy"],
}
DAYPARTS = {phrase: {"daypart": part} for part, phrases in DAYPART_PHRASES.items() for phrase in phrases}
# Nouns naming a part of the day after a weekday: "sobotni poranek", "poniedziałkowe popołudnie".
DAYPART_NOUNS = {
    **{f: {"daypart": "MO"} for f in "poranek poranka porankiem ranek ranka".split()},
    **{f: {"daypart": "AF"} for f in "popołudnie popołudnia popołudniem".split()},
    **{f: {"daypart": "EV"} for f in "wieczór wieczoru wieczorem wieczora".split()},
    **{f: {"daypart": "NI"} for f in "noc nocy nocą".split()},
}
DAYPART_ADJECTIVES = _forms({"daypart": "NI"}, ("nocn", HARD))
DAYPART_ADJECTIVES.update(_forms({"daypart": "MO"}, ("porann", HARD)))
DAYPART_ADJECTIVES.update(_forms({"daypart": "EV"}, ("wieczorn", HARD)))
DAYPART_ADJECTIVES.update(_forms({"daypart": "AF"}, ("popołudniow", HARD)))

# "na początku", "w połowie", "pod koniec", "w pierwszej połowie" a month, year or century.
PART_PHRASES = {
    "START": ["początek", "początku", "początkiem", "pierwszych dniach", "pierwszymi dniami"],
    "MID": ["połowa", "połowy", "połowie", "połowę", "połową", "środek", "środka", "środku"],
    "END": ["koniec", "końca", "końcu", "końcem", "końcówka", "końcówki", "końcówce", "końcówkę", "schyłek",
            "schyłku", "schyłkiem", "ostatnich dniach"],
    "H1": ["pierwsza połowa", "pierwszej połowy", "pierwszej połowie", "pierwszą połowę", "pierwszą połową"],
    "H2": ["druga połowa", "drugiej połowy", "drugiej połowie", "drugą połowę", "drugą połową"],
}
PARTS = {phrase: {"part": part} for part, phrases in PART_PHRASES.items() for phrase in phrases}
# "do końca roku": the period meant is the current one.
CURRENT_PERIODS = {f: {"unit": "Y", "shift": 0} for f in "roku".split()}
CURRENT_PERIODS.update({f: {"unit": "M", "shift": 0} for f in "miesiąca".split()})
CURRENT_PERIODS.update({f: {"unit": "W", "shift": 0} for f in "tygodnia".split()})

# -- sets ----------------------------------------------------------------------------------------------------

SET_WORDS = {
    **{f: {"unit": "D"} for f in "codziennie codzień dziennie".split()},
    **{f: {"unit": "Y"} for f in "corocznie rocznie".split()},
    **{f: {"unit": "M"} for f in "comiesięcznie miesięcznie".split()},
    **{f: {"unit": "W"} for f in "cotygodniowo tygodniowo".split()},
    **{f: {"unit": "H"} for f in "cogodzinnie".split()},
}
SET_ADJECTIVES = _forms({"unit": "D"}, ("codzienn", HARD))
SET_ADJECTIVES.update(_forms({"unit": "Y"}, ("coroczn", HARD)))
SET_ADJECTIVES.update(_forms({"unit": "M"}, ("comiesięczn", HARD)))
SET_ADJECTIVES.update(_forms({"unit": "W"}, ("cotygodniow", HARD)))
EVERY = {f: None for f in "co każdy każdego każdej każdą każde każdym".split()}
TIMES = {f: None for f in "raz razy".split()}

# -- function words ------------------------------------------------------------------------------------------

# Prepositions that belong to the expression (GUIDE: "w czwartek", "od 24 listopada", "do końca roku").
PREPOSITIONS = {f: None for f in "w we o od do po przed przez na z ze za pod około ok. między".split()}
PREPOSITIONS.update({p: None for p in ["aż do", "od około", "w ciągu", "w trakcie", "począwszy od",
                                       "tuż przed", "tuż po", "jeszcze przed", "najpóźniej do", "z dniem",
                                       "w dniu"]})
APPROXIMATIONS = {f: None for f in "ok. około ponad niespełna prawie blisko przeszło zaledwie niecałe niecały "
                  "niecałą niecałych".split()}
APPROXIMATIONS.update({p: None for p in ["nieco ponad", "mniej więcej", "co najmniej", "co najwyżej",
                                         "w okolicach", "nie więcej niż", "grubo ponad"]})
CLOCK_PREPOSITIONS = {f: None for f in "o od do po przed około ok. koło między".split()}
CLOCK_PREPOSITIONS.update({p: None for p in ["tuż przed", "tuż po", "jeszcze przed"]})
HOUR_WORDS = {f: None for f in "godz. godz godzina godziny godzinie godziną godzinę godzinach".split()}
# Time zones named after a clock time: "22:00 czasu miejscowego", "16:00 w Polsce".
TIME_ZONES = {p: None for p in [
    "czasu miejscowego", "czasu lokalnego", "czasu polskiego", "czasu warszawskiego", "czasu moskiewskiego",
    "czasu środkowoeuropejskiego", "czasu uniwersalnego", "czasu wschodnioamerykańskiego", "polskiego czasu",
    "naszego czasu", "lokalnego czasu", "miejscowego czasu", "w Polsce", "UTC", "GMT", "CET", "CEST",
]}
# Words that may follow a bare year ("w 2011 Kim", "LGM 2008 we Wrocławiu"); any other lower-case word
# after a number makes it a count ("2000 osób").
AFTER_YEAR = {f: None for f in (
    "w we z ze i oraz a na do o od po przez za dla jest był była było były to się czy lub albo ale że gdy "
    "kiedy jak jako jednak także też również już jeszcze tylko nie pod przed nad przy wg według").split()}
# What comes before an age: "ma 75 lat", "w wieku 42 lat", "skończył 18 lat".
AGE_CUE = (r"(?:\b(?:ma|mają|miał|miała|mieli|miały|mam|masz|mamy|mając|mieć|skończył|skończyła|skończyli|"
           r"skończy|ukończył|ukończyła|ukończenia|wieku|lat|liczący|licząca)\s+(?:{~approx}\s+)?"
           r"(?:od\s+\d+\s+)?)$")
# Verbs of lasting and waiting, after which a bare plural unit is a duration: "może potrwać tygodnie".
DURATION_VERB_CUE = (r"\b(?:trwa\w*|potrwa\w*|zajmie|zajęło|zajęła|zajmuje|zajmą|czeka\w*|poczeka\w*|"
                     r"minęły|minęło|upłynęły|upłynęło|spędził\w*|spędzi\w*)\s+(?:{~durmod}\s+)?$")
# Volleyball sets and scores: "(22:25, 18:25)", "przy stanie 16:12".
SCORE_CUE = (r"(?:\d{1,2}:\d{2}[\s,;()]*|\b(?:stanie|stan|wynikiem|wynik|wyniku|set|seta|secie|setach|sety|"
             r"setów)[\s:(]*)$")
DAY_WORDS = {f: None for f in "dnia dn. dniu dniem dzień".split()}
AGO = {f: None for f in "temu".split()}
# Prepositions that make a bare unit a duration: "od tygodnia", "przez rok", "w przeciągu miesiąca".
DURATION_PREPOSITIONS = {f: None for f in "od przez na po do".split()}
DURATION_PREPOSITIONS.update({p: None for p in ["w ciągu", "w przeciągu", "przez cały", "przez całe"]})
NIGHT_WORDS = {f: None for f in "nocy noc nocą".split()}

LEXICONS = {
    "month": MONTHS,
    "monthloc": MONTH_LOCATIVES,
    "monthend": MONTH_ENDS,
    "nth": NTH_WEEKDAYS,
    "turnword": {f: None for f in "przełom przełomie przełomu".split()},
    "centuryadj": CENTURY_ADJECTIVES,
    "unitadjdigit": UNIT_ADJECTIVES_AFTER_DIGITS,
    "genericnoun": GENERIC_PRESENT_NOUNS,
    "afteryear": AFTER_YEAR,
    "monthroman": ROMAN_MONTHS,
    "monthadj": MONTH_ADJECTIVES,
    "weekday": WEEKDAYS,
    "weekdayset": WEEKDAY_PLURALS,
    "weekdayadj": WEEKDAY_ADJECTIVES,
    "quantity": QUANTITIES,
    "numprefix": NUMBER_PREFIXES,
    "hourname": HOUR_NAMES,
    "century": CENTURIES,
    "centuryname": ORDINAL_CENTURIES,
    "decadename": DECADE_NAMES,
    "unit": UNITS,
    "unityear": YEAR_UNITS,
    "unitother": OTHER_UNITS,
    "unitsg": SINGLE_UNITS,
    "unitpl": PLURAL_UNITS,
    "unitago": AGO_UNITS,
    "unitadj": UNIT_ADJECTIVES,
    "yearword": YEAR_WORDS,
    "yearref": YEAR_REFERENCES,
    "centuryword": CENTURY_WORDS,
    "quarter": QUARTERS,
    "quarterword": QUARTER_WORDS,
    "decadeword": DECADE_WORDS,
    "deictic": DEICTIC_DAYS,
    "deicticadj": DEICTIC_ADJECTIVES,
    "yearadj": YEAR_ADJECTIVES,
    "shift": SHIFTS,
    "recent": RECENT,
    "durmod": DURATION_MODIFIERS,
    "anaphor": ANAPHORS,
    "vagueanaphor": VAGUE_ANAPHORS,
    "reldir": RELATIVE_DIRECTIONS,
    "season": SEASONS,
    "seasonadj": SEASON_ADJECTIVES,
    "daypart": DAYPARTS,
    "daypartnoun": DAYPART_NOUNS,
    "daypartadj": DAYPART_ADJECTIVES,
    "part": PARTS,
    "currentperiod": CURRENT_PERIODS,
    "setword": SET_WORDS,
    "setadj": SET_ADJECTIVES,
    "every": EVERY,
    "times": TIMES,
    "prep": PREPOSITIONS,
    "approx": APPROXIMATIONS,
    "hourword": HOUR_WORDS,
    "clockprep": CLOCK_PREPOSITIONS,
    "zone": TIME_ZONES,
    "dayword": DAY_WORDS,
    "ago": AGO,
    "durprep": DURATION_PREPOSITIONS,
    "nightword": NIGHT_WORDS,
}

# -- rules ---------------------------------------------------------------------------------------------------

MACROS = {
    "LEAD": r"(?:{~prep}\s+)?(?:{~approx}\s+)?",
    "PREP": r"(?:{~prep}\s+)?",
    "DAY": r"(?P<day>0?[1-9]|[12]\d|3[01])",
    "MONTHNUM": r"(?P<month>0?[1-9]|1[0-2])",
    "YEAR": r"(?P<year>1\d{3}|20\d{2})",
    # A year after a month or a day: a number, "br.", "ubiegłego roku".
    "YEARTAIL": r"(?:\s+(?:{YEAR}(?:\s*{~yearword})?|{yearref}))?",
    "DAYMONTH": r"(?:{~dayword}\s+)?{DAY}(?:\.|-go|-ego)?\s*{month}",
    "NUMDATE": r"(?:{~dayword}\s+)?{DAY}\.{MONTHNUM}\.(?:{YEAR}|(?P<yy>\d{2}))(?:\s*{~yearword})?",
    "CLOCK": r"(?:(?:{~hourword}\s*)(?P<hour>[01]?\d|2[0-4])[:.](?P<minute>[0-5]\d)\d?"
             r"|{~hourword}\s*(?P<hour>[01]?\d|2[0-4])(?![.:,]?\d))",
    # After "godz.", "o", "ok." any hour; bare, only two-digit hours ("22:00"), since "6:24" is a score
    # and "1:10" a scale.
    "BARECLOCK": r"(?P<hour>[01]\d|2[0-4]):(?P<minute>[0-5]\d)",
    "PREPCLOCK": r"(?:{~prep}|{~approx})\s+(?:{~approx}\s+)?(?P<hour>[01]?\d|2[0-4])[:.](?P<minute>[0-5]\d)",
    "CLOCKEND": r"(?:\s*[-–—]\s*(?:{~hourword}\s*)?(?P<hour_end>[01]?\d|2[0-4])[:.](?P<minute_end>[0-5]\d))?",
    "NOTCOUNT": r"(?!\s*[-–—/]?\s*\d)(?![.,]\d)(?!\s+(?!{~afteryear}(?!\w))[a-ząćęłńóśźż%])",
    "ZONE": r"(?:\s+{~zone})?",
    "QUANTITY": r"(?P<quantity>\d+(?:[ \u00a0]\d{3})*(?:,\d+)?|{~quantity})",
    "GENERIC": r"(?!\s+{~genericnoun}(?!\w))",
    "PARTOF": r"(?:{PREP}{part}\s+)",
}

RULES = [
    # Calendar dates.
    Rule("iso_date", r"{PREP}{YEAR}-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
                     r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?"),
    Rule("numeric_date", r"{PREP}{NUMDATE}"),
    Rule("numeric_day_range", r"{PREP}(?:{~dayword}\s+)?{DAY}\s*[-–—]\s*(?P<day_end>0?[1-9]|[12]\d|3[01])\."
                              r"{MONTHNUM}\.{YEAR}(?:\s*{~yearword})?"),
    Rule("numeric_date_dash", r"{PREP}{DAY}[-/]{MONTHNUM}[-/]{YEAR}(?:\s*{~yearword})?"),
    Rule("roman_date", r"{PREP}{DAY}\.?\s*{monthroman}\.?\s*{YEAR}(?:\s*{~yearword})?"),
    Rule("day_month", r"{PREP}{DAYMONTH}{YEARTAIL}", cased=("month",)),
    # "15 i 16 grudnia": the first day takes the month (and year) of the second.
    Rule("day_coordinated", r"{PREP}{DAY}(?=\s*(?:,|i|oraz|lub|albo|czy)\s+\d{1,2}(?:\.|-go)?\s*{month}{YEARTAIL})",
         cased=("month",)),
    Rule("day_range", r"{PREP}(?:{~dayword}\s+)?{DAY}\s*[-–—]\s*(?P<day_end>0?[1-9]|[12]\d|3[01])\s*{month}{YEARTAIL}",
         cased=("month",)),
    # Spans of months: "na przełomie kwietnia i maja przyszłego roku", "od marca do czerwca 2024 r.".
    Rule("month_turn", r"{PREP}{~turnword}\s+{month}\s+i\s+{monthend}{YEARTAIL}",
         cased=("month", "monthend")),
    Rule("month_range", r"od\s+{month}\s+do\s+{monthend}{YEARTAIL}", cased=("month", "monthend")),
    Rule("month_year", r"{PREP}{PARTOF}?{month}\s+{YEAR}(?:\s*{~yearword})?"),
    # A month alone needs a preposition, a part ("pod koniec marca") or a year word: "maja" is also a
    # misspelt verb and a name.
    Rule("month", r"(?:{~prep}\s+{PARTOF}?|{PARTOF}){month}(?:\s+{yearref})?", cased=("month",)),
    Rule("month_year_reference", r"{month}\s+{yearref}", cased=("month",)),
    Rule("month_locative", r"{monthloc}", cased=("monthloc",)),
    Rule("month_adjective", r"{monthadj}", cased=("monthadj",)),
    Rule("year_marked", r"{PREP}{PARTOF}?(?:{~yearword}\s+)?{YEAR}\s*{~yearword}"),
    Rule("year_word_first", r"{PREP}{PARTOF}?(?:{~yearword})\s+{YEAR}"),
    Rule("year_after_preposition", r"{~prep}\s+{PARTOF}?{YEAR}{NOTCOUNT}"),
    Rule("year_bare", r"(?P<year>19\d{2}|20\d{2}){NOTCOUNT}"),
    # "W 1982 współtworzył": after "w" a number of that size is a year unless a unit follows.
    Rule("year_after_w", r"(?:w|we)\s+(?P<year>1[89]\d{2}|20\d{2})(?!\s*[-–—/]?\s*\d)(?![.,]\d)"
                         r"(?!\s+{~unit}(?!\w))"),
    Rule("year_bc", r"{PREP}(?P<year>\d{1,4})\s*(?:{~yearword}\s*)?p\.\s?n\.\s?e\.", slots={"era": "BC"}),
    Rule("year_range", r"{PREP}(?:{~decadeword}\s+)?{YEAR}\s*[-–—/]\s*(?P<year_end>1\d{3}|20\d{2}|\d{2})"
                       r"(?!\d)(?:\s*{~yearword})?"),
    Rule("season_year", r"{PREP}(?:{season}|{seasonadj})\s+{YEAR}(?:\s*{~yearword})?", cased=("season",)),
    Rule("season", r"{PREP}(?:{shift}\s+)?(?<!babie\s){season}(?:\s+{yearref})?", cased=("season",)),
    Rule("season_adjective", r"{seasonadj}", cased=("seasonadj",), not_after=r"\d\s*-?\s*$"),
    Rule("quarter", r"{PREP}{quarter}\s+{~quarterword}(?:\s+{YEAR}(?:\s*{~yearword})?|\s+{yearref})?"),
    Rule("century", r"{PREP}{PARTOF}?(?:{century}|{centuryname})\s+{~centuryword}"),
    Rule("century_adjective", r"{centuryadj}"),
    Rule("decade", r"{PREP}{PARTOF}?{~decadeword}\s+(?P<decade>[1-9]0)(?:\.|-tych|-ych|-te|-tymi|tych)?"
                   r"(?:\s+(?:{century}|{centuryname})\s+{~centuryword})?"),
    Rule("decade_word", r"{PREP}{PARTOF}?{~decadeword}\s+{decadename}"
                        r"(?:\s+(?:{century}|{centuryname})\s+{~centuryword})?"),
    Rule("part_of_current", r"{PREP}{part}\s+{currentperiod}"),

    # Clock times: "ok. godz. 22:00 czasu miejscowego", "o 17.30", "o szesnastej".
    Rule("clock", r"{LEAD}{CLOCK}{CLOCKEND}{ZONE}"),
    Rule("clock_bare", r"{BARECLOCK}{CLOCKEND}{ZONE}(?![\s,;()]*\d{1,2}:\d{2})", not_after=SCORE_CUE),
    Rule("clock_preposition", r"{PREPCLOCK}(?![.,]\d){CLOCKEND}{ZONE}"),
    # Hours as words need "o", "do", "przed" or "godzina" and no noun after them: "o pierwszej wizycie"
    # is no time.
    Rule("clock_word", r"(?:{~clockprep}\s+(?:{~approx}\s+)?(?:{~hourword}\s+)?|{~hourword}\s+){hourname}"
                       r"(?:\s+{daypart}{ZONE}|\s+{~zone}|(?!\s+[a-ząćęłńóśźż]))", cased=("hourname",)),

    # Weekdays and relative days.
    Rule("weekday_of_month", r"{PREP}{nth}\s+{weekday}\s+{month}{YEARTAIL}", cased=("month",)),
    Rule("weekday", r"{PREP}(?:{shift}\s+)?{weekday}", cased=("weekday",)),
    Rule("weekday_adjective", r"{PREP}{weekdayadj}(?:\s+{daypartnoun})?", cased=("weekdayadj",)),
    Rule("deictic", r"{PREP}{deictic}"),
    Rule("deictic_adjective", r"{deicticadj}{GENERIC}"),
    Rule("year_adjective", r"{yearadj}"),
    Rule("daypart", r"{PREP}{daypart}"),
    Rule("daypart_adjective", r"{daypartadj}"),
    Rule("night_between", r"{PREP}{~nightword}\s+z\s+(?:{weekday}\s+na\s+{~weekday}"
                          r"|{DAY}(?:\s+{month})?\s+na\s+\d{1,2}(?:\s+{month}){YEARTAIL})",
         # What the text reports after "the night from Tuesday to Wednesday" happens on Wednesday.
         slots={"daypart": "NI", "reference_shift": 1}),
    Rule("anaphor", r"{anaphor}"),
    Rule("anaphor_event", r"w\s+przededniu\s+[a-ząćęłńóśźż]+", slots={"anaphor": -1}),
    Rule("anaphor_vague", r"{vagueanaphor}"),
    Rule("anaphor_quantity", r"(?:{QUANTITY}\s+{unit}|{unitsg})\s+{reldir}"),

    # Relative periods: "w zeszłym roku", "w przyszłym tygodniu", "w tym miesiącu"; plural ones are vague.
    Rule("recent", r"(?:{~prep}\s+)?{recent}\s+{~unitpl}"),
    Rule("shifted_unit", r"{PREP}{PARTOF}?{shift}\s+{unit}"),
    Rule("shifted_unit_after", r"{PREP}{PARTOF}?{unit}\s+{shift}(?!\s+\w)"),
    Rule("ago", r"{LEAD}(?:{QUANTITY}\s+{unit}|{unitsg}|{unitpl})\s+{~ago}", slots={"direction": -1}),
    Rule("ago_before", r"przed\s+(?:{~approx}\s+)?(?:{QUANTITY}\s+)?{unitago}(?!\s+\w+(?:ami|ą|em|iem)\b)",
         slots={"direction": -1}),
    Rule("later", r"za\s+(?:{~approx}\s+)?(?:{QUANTITY}\s+{unit}|{unitsg})", slots={"direction": 1}),

    # Durations: "od sześciu lat", "przez trzy dni", "dwudniowy", "3-miesięczną".
    Rule("duration", r"{LEAD}(?:{~durmod}\s+)?{QUANTITY}\s+(?:{~durmod}\s+)?{unitother}", slots={"kind": "duration"}),
    Rule("duration_years", r"{LEAD}(?:{~durmod}\s+)?{QUANTITY}\s+(?:{~durmod}\s+)?{unityear}",
         slots={"kind": "duration"}, not_after=AGE_CUE),
    # "Miesiąc po procesie": the distance to an event is a duration (TIMEX3 leaves "po" as a signal).
    Rule("duration_before_event", r"{unitsg}(?=\s+(?:po|przed)\s)", slots={"kind": "duration"}),
    Rule("duration_single", r"{~durprep}\s+(?:{~approx}\s+)?(?:{~durmod}\s+)?{unitsg}(?!\s+\d)",
         slots={"kind": "duration"}),
    Rule("duration_vague", r"{~durprep}\s+(?:{~durmod}\s+)?{unitpl}", slots={"kind": "duration"}),
    Rule("duration_vague_after_verb", r"{unitpl}", slots={"kind": "duration"}, only_after=DURATION_VERB_CUE),
    Rule("duration_adjective", r"(?:{numprefix}{unitadj}|(?P<quantity>\d+)\s?-?\s?{unitadjdigit})",
         slots={"kind": "duration"}),

    # Sets: "co roku", "co trzy tygodnie", "codziennie", "dwa razy w tygodniu", "w poniedziałki".
    Rule("set_every", r"{~every}\s+(?:{QUANTITY}\s+{unit}|{unitsg}|{unit})", slots={"kind": "set"}),
    Rule("set_every_weekday", r"(?:w\s+)?{~every}\s+{weekday}", slots={"kind": "set"}),
    Rule("set_every_daypart", r"co\s+{daypartnoun}", slots={"kind": "set"}),
    Rule("set_times", r"(?:{QUANTITY}\s+)?{~times}\s+(?:w|na|do)\s+{unit}", slots={"kind": "set", "quantity": 1}),
    Rule("set_progressive", r"z\s+{unitsg}\s+na\s+{~unitsg}", slots={"kind": "set"}),
    Rule("set_word", r"{setword}", slots={"kind": "set"}),
    Rule("set_adjective", r"{setadj}", slots={"kind": "set"}),
    Rule("set_weekdays", r"w\s+{weekdayset}", slots={"kind": "set"}),
]

# Future-tense cues and the l-participle endings of the past tense (SGJP: "-ł", "-ła", "-li", ...).
# The impersonal past ("podpisano", "przyjęto") is news' favourite past tense too.
PAST_CUE = (r"(?<![\w-])(?:[a-ząćęłńóśźż]{2,}(?:łem|łam|łeś|łaś|liśmy|łyśmy|liście|łyście|ł|ła|ło|li|ły)"
            r"(?:by|śmy)?|[a-ząćęłńóśźż]{3,}(?:ano|ono|ęto|ito|yto|uto))(?![\w-])")
FUTURE_CUE = (r"(?<!\w)(?:będzie|będą|będziemy|będę|będziesz|będziecie|zostanie|zostaną|odbędzie|odbędą|"
              r"ma\s+się|mają\s+się|ma\s+zostać|mają\s+zostać|ma\s+dołączyć|mają\s+dołączyć|planuje|planują|"
              r"zaplanowan\w*|planowan\w*|przewidzian\w*|zapowiada|zapowiadają|potrwa|rozpocznie|zakończy|"
              r"przyjedzie|przyleci|odwiedzi|wygłosi|podpisze|ogłosi|spotka\s+się|weźmie|wystąpi|zamknie|"
              r"otworzy|najbliższ\w+|przyszł\w+|następn\w+|nadchodząc\w+)(?!\w)")
# Frequent words with a past-tense ending that are no verbs.
NOT_CUES = frozenset(
    "cały mały biały stały dojrzały siła siły szkoła szkoły koło koła hasło źródło dzieło działo mało "
    "chwili roli woli soli myśli śmiały święto żyto koryto".split())
# Where a clause ends, so the tense of one clause does not decide a date in the next.
CLAUSE_BREAK = r"[;:()\[\]]|\s[-–—]\s|,\s*(?:że|iż|gdy|kiedy|który|która|które|którzy|a|ale|lecz|bo)\b"

TEMPORAL_GRAMMAR = TemporalGrammar(
    code="pl",
    lexicons=LEXICONS,
    macros=MACROS,
    rules=RULES,
    merge_gap=r"[\s,()]*",
    past_cue=PAST_CUE,
    future_cue=FUTURE_CUE,
    not_cues=NOT_CUES,
    clause_break=CLAUSE_BREAK,
)
