"""The English temporal grammar: dates, weekdays, relative days and periods, durations, in the shape
``kronika/time/grammar.py`` compiles (lexicons, macros, rules).

Sources: the date formats of English news as the AP Stylebook prescribes them ("March 3, 2024", "Jan. 5", "on
Tuesday", "last week") and the British order ("3 March 2024"); the deictic and relative expressions and their
values follow the TimeML/TIMEX3 guidelines (Pustejovsky et al. 2003; TimeBank's English examples: "yesterday",
"two days ago", "next month", "for three years"). It covers what a minimal pack needs, not all of English.
"""

from __future__ import annotations

from kronika.time.grammar import Rule, TemporalGrammar

MONTH_NAMES = "january february march april may june july august september october november december".split()
MONTHS = {name: n for n, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({abbr: n for n, abbr in enumerate(
    "jan. feb. mar. apr. may jun. jul. aug. sep. oct. nov. dec.".split(), 1)})
MONTHS["sept."] = 9

WEEKDAYS = {name: n for n, name in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split(), 1)}

QUANTITIES = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
QUANTITIES.update({"a": 1, "an": 1, "twenty": 20, "thirty": 30, "several": "X", "a few": "X", "few": "X",
                   "many": "X"})

UNIT_FORMS = {"Y": "year years", "M": "month months", "W": "week weeks", "D": "day days", "H": "hour hours",
              "MI": "minute minutes", "DE": "decade decades"}
UNITS = {form: {"unit": u} for u, forms in UNIT_FORMS.items() for form in forms.split()}
SINGULAR_UNITS = {form: {"unit": u, "quantity": 1} for u, forms in UNIT_FORMS.items()
                  for form in forms.split()[:1]}
PLURAL_UNITS = {form: {"unit": u, "quantity": "X"} for u, forms in UNIT_FORMS.items()
                for form in forms.split()[1:]}

DEICTIC_DAYS = {"today": {"offset": 0}, "yesterday": {"offset": -1}, "tomorrow": {"offset": 1},
                "tonight": {"offset": 0, "daypart": "NI"}}
# "last week", "next month", "this year".
SHIFTS = {"last": {"shift": -1}, "past": {"shift": -1}, "previous": {"shift": -1}, "next": {"shift": 1},
          "coming": {"shift": 1}, "this": {"shift": 0}}
DAYPARTS = {"morning": {"daypart": "MO"}, "afternoon": {"daypart": "AF"}, "evening": {"daypart": "EV"},
            "night": {"daypart": "NI"}}
PREPOSITIONS = {f: None for f in "on in at by since until from during before after of".split()}
DURATION_PREPOSITIONS = {f: None for f in "for over".split()}
AGO = {"ago": None}
APPROXIMATIONS = {f: None for f in "about around nearly almost some roughly".split()}
SETS = {"every": None, "each": None}

LEXICONS = {
    "month": MONTHS,
    "weekday": WEEKDAYS,
    "quantity": QUANTITIES,
    "unit": UNITS,
    "unitsg": SINGULAR_UNITS,
    "unitpl": PLURAL_UNITS,
    "deictic": DEICTIC_DAYS,
    "shift": SHIFTS,
    "daypart": DAYPARTS,
    "prep": PREPOSITIONS,
    "durprep": DURATION_PREPOSITIONS,
    "ago": AGO,
    "approx": APPROXIMATIONS,
    "every": SETS,
}

MACROS = {
    "PREP": r"(?:{~prep}\s+)?",
    "DAY": r"(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?",
    "YEAR": r"(?P<year>1\d{3}|20\d{2})",
    "QUANTITY": r"(?P<quantity>\d+|{~quantity})",
}

RULES = [
    Rule("iso_date", r"{PREP}{YEAR}-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"),
    # "March 3, 2024", "Tuesday, March 3", "on Jan. 5".
    Rule("month_day", r"{PREP}(?:{weekday},?\s+)?{month}\s+{DAY}(?:,?\s+{YEAR})?(?!\d)"),
    # "3 March 2024", "on 3rd March".
    Rule("day_month", r"{PREP}{DAY}\s+(?:of\s+)?{month}(?:,?\s+{YEAR})?"),
    Rule("month_year", r"{PREP}{month}\s+(?:of\s+)?{YEAR}"),
    # A month alone needs "in", "since", ...: "may" is a verb too.
    Rule("month", r"(?:{~prep}\s+){month}(?!\s+\d)"),
    Rule("year", r"(?:in|since|by|until|during|from)\s+{YEAR}(?![\d,.]\d)"),
    Rule("weekday", r"{PREP}(?:{shift}\s+)?{weekday}(?:\s+{daypart})?"),
    Rule("deictic", r"{PREP}{deictic}"),
    Rule("shifted_unit", r"{PREP}{shift}\s+{unit}"),
    Rule("ago", r"(?:{~approx}\s+)?(?:{QUANTITY}\s+{unit}|{unitsg})\s+{~ago}", slots={"direction": -1}),
    Rule("later", r"in\s+(?:{~approx}\s+)?{QUANTITY}\s+{unit}(?!\s+{~ago})", slots={"direction": 1}),
    Rule("duration", r"{~durprep}\s+(?:the\s+(?:past|last)\s+)?(?:{~approx}\s+)?{QUANTITY}\s+{unit}",
         slots={"kind": "duration"}),
    Rule("duration_vague", r"{~durprep}\s+{unitpl}", slots={"kind": "duration"}),
    Rule("set_every", r"{~every}\s+{unitsg}", slots={"kind": "set"}),
]

# Past tense and future cues: the regular "-ed" past, the commonest irregular pasts of news, "will", "going to".
PAST_CUE = (r"(?<![\w-])(?:[a-z]{3,}ed|said|told|met|held|went|came|made|took|gave|was|were|had|did|left|"
            r"began|struck|shot|fought|sent|spoke|wrote|won|lost|fled)(?![\w-])")
FUTURE_CUE = r"(?<!\w)(?:will|shall|going\s+to|plans?\s+to|scheduled|upcoming|next|coming)(?!\w)"
NOT_CUES = frozenset("need feed seed speed red bed shed hundred indeed creed".split())
CLAUSE_BREAK = r"[;:()\[\]]|\s[-–—]\s|,\s*(?:that|which|who|when|while|but|because)\b"

TEMPORAL_GRAMMAR = TemporalGrammar(
    code="en",
    lexicons=LEXICONS,
    macros=MACROS,
    rules=RULES,
    merge_gap=r"[\s,()]*",
    past_cue=PAST_CUE,
    future_cue=FUTURE_CUE,
    not_cues=NOT_CUES,
    clause_break=CLAUSE_BREAK,
)
