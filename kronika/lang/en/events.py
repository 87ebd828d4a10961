"""English cue words the event coder reads around a trigger: negation, passive voice, attribution, modality,
coordination and clause boundaries. All as lemmas of ``kronika/lang/en/morphology.py``, lower-cased.

Sources: Quirk et al., "A Comprehensive Grammar of the English Language" (1985): negation with "not"/"never"
(§10.54), the passive with "be"/"get" and the agent in "by" (§3.63-3.76), relative pronouns (§17.9); the
reporting formulas of agency copy (AP Stylebook, "said": "according to", "X said", "X told reporters"). The
cues that name a Polish form with no English counterpart (the reflexive "się", the conditional particle "by",
the personal past endings, "between X and Y" joined by "a") are empty or hold the English form that does the
same work.
"""

NEGATION = frozenset({"not", "never", "no"})

# English verbs have no reflexive particle the trigger table needs: a string no token has.
REFLEXIVE = "\x00"

# "Ukraine was attacked by Russia": auxiliary + past participle, the agent after "by".
PASSIVE_AUXILIARIES = frozenset({"be", "get"})
AGENT_PREPOSITION = "by"

# "according to officials": the cited source.
SOURCE_PREPOSITIONS = frozenset({"according"})
# "Reuters reported", "the ministry announced": the source is the subject.
REPORTING_VERBS = frozenset({
    "report", "announce", "disclose", "reveal", "publish", "inform", "notify", "state", "confirm", "write",
})

# Intentions and pledges ("plans to send", "vowed to retaliate") and hypotheticals ("if").
INTENTION_VERBS = frozenset({"plan", "intend", "want", "promise", "pledge", "vow", "threaten", "aim", "seek",
                             "expect", "propose", "prepare"})
HYPOTHETICAL_MARKERS = frozenset({"if", "unless", "whether"})
CONDITIONAL_PARTICLE = "would"

COORDINATORS = frozenset({"and", "or", "nor"})
# Words that open a new clause: a subject does not cross them.
CLAUSE_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "when", "while", "because", "although",
                            "though", "but", "however", "if", "as", "since", "after", "before"})

# "in Kyiv", "at the border": where an event took place.
LOCATIVE_PREPOSITIONS = frozenset({"in", "at"})

# Verbs that carry an event noun and lend it their subject: "the army launched an attack", "held talks".
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "hold", "begin", "start", "continue", "resume", "stage",
                         "make", "give", "take", "undertake", "end", "complete", "decide", "announce", "impose",
                         "express"})

# "Both leaders agreed": both of the sides just paired.
BOTH = frozenset({"both"})
PAIR_NOUNS = frozenset({"leader", "side"})

# After a comma these open a relative clause: ", which Beijing denies".
RELATIVE_PRONOUNS = frozenset({"which", "who", "what", "where", "whose"})

# Verbs of spending that lend their subject to the purchase they fund.
FUNDING_VERBS = frozenset({"spend", "allocate", "invest", "earmark"})

# "Like India, China buys ...": the compared party does the same as the subject.
LIKEWISE = (("like",), ("just", "like"), ("as", "do"))

# Armed forces: after an event of force, "of" + these is its agent ("an attack by Hamas fighters").
FORCE_NOUNS = frozenset({
    "army", "force", "troop", "soldier", "fighter", "militant", "rebel", "militia", "unit", "brigade",
    "battalion", "regiment", "division", "terrorist", "separatist", "mercenary", "sniper", "drone", "jet",
    "warship", "tank", "bomber", "police", "officer", "guard", "insurgent", "navy", "airforce",
})

# English has no impersonal verb form whose sense differs.
IMPERSONAL_SENSE: frozenset[str] = frozenset()

# "mediation between Israel and Hamas".
BETWEEN = "between"
BETWEEN_JOINERS = frozenset({"and"})
# "talks on a ceasefire", "a push for a truce".
TOPIC_PREPOSITIONS = frozenset({"on", "about", "for", "to"})
RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
# English marks the person on the pronoun, not on a past ending.
PERSONAL_PAST_ENDINGS: tuple[str, ...] = ()
# Verbs that put forward a claim: "Azerbaijan claimed that enemy forces shelled ...".
CLAIM_VERBS = frozenset({"claim", "allege", "insist", "maintain", "argue"})
CONTENT_OPENERS = frozenset({"that"})
# "another round of talks", "a new meeting".
NEXT_ONE = frozenset({"another", "next", "new", "further"})
# Objects with which a verb of hosting ("receive", "adopt") is a light verb.
NOT_HOSTED = frozenset({"decision", "resolution", "position", "law", "step", "measure", "plan", "proposal",
                        "declaration", "budget", "amendment", "commitment", "bill"})
