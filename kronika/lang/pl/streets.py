"""Nouns that introduce a street's name, and the English word the name takes: "ul. Kasprzaka", "ulicę Zielną".

A street is a named place the annotation guide asks for (LOC), and without an English Wikipedia title of its
own it is named as the English press names a Warsaw street: its Polish name and "Street" ("Kasprzaka Street",
"Zielna Street"). A name in the genitive (a person's, "Kasprzaka", or a plural, "Grenadierów") stays as written;
an adjective agrees with "ulica", feminine nominative ("Zielną" -> "Zielna"). Lemmas as Morfeusz gives them, and
the abbreviation as the segmenter keeps it, with its full stop. Squares, bridges and roundabouts are left out:
their English names translate the Polish ones ("plac Zakładników" is "Hostages Square").
"""

STREET_NOUNS = {"ulica": "Street", "ul.": "Street"}

# The feminine nominative of an adjective by its dictionary form's ending ("zielny" -> "zielna", "długi" ->
# "długa"): what a street's adjectival name agrees with.
FEMININE_ADJECTIVE_ENDINGS = (("y", "a"), ("i", "a"))
ADJECTIVE_CLASS = "adj"
