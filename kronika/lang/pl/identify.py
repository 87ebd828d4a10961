"""What makes a text surely Polish before the general language identifier is loaded (``kronika/lang/langid.py``).

Two facts together: letters no other language lingua identifies writes with (ł, ż, ź, ś, ć, ń: Czech and
Slovak write ň, ž, not these; Lithuanian shares only ą and ę, which are left out), and a text that is mostly
made of Polish function words. An English article naming Łódź has the letter but not the words; a Czech
article has some of the words but not the letters. Function words from the frequency lists of the National
Corpus of Polish (the 40 most frequent forms that are prepositions, conjunctions, particles, pronouns or "być").
"""

LETTERS = frozenset("łżźśćńŁŻŹŚĆŃ")

FUNCTION_WORDS = frozenset(
    {
        "w",
        "i",
        "na",
        "z",
        "się",
        "nie",
        "do",
        "to",
        "że",
        "o",
        "a",
        "jest",
        "od",
        "po",
        "jak",
        "przez",
        "dla",
        "za",
        "ale",
        "co",
        "tak",
        "już",
        "oraz",
        "jego",
        "ich",
        "tym",
        "był",
        "była",
        "było",
        "są",
        "który",
        "która",
        "które",
        "także",
        "również",
        "może",
        "tylko",
        "przy",
        "ze",
        "we",
    }
)

# The share of a sample's words that must be function words. Polish news runs at about 0.10-0.40; at 0.18 the
# test claims 1,306 of the 1,368 train-pl, dev-pl and BSNLP texts and nothing lingua calls another language
# (bench/langid.py), and a Czech text's shared words ("na", "do", "to", "a") stay well below it.
MIN_FUNCTION_SHARE = 0.18
# Below this many words a sample proves nothing either way.
MIN_WORDS = 20
