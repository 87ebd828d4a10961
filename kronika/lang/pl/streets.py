"""Nouns that introduce a named place, and how the English name is made from them: "ul. Kasprzaka" is
"Kasprzaka Street", "mostem Poniatowskiego" "Poniatowski Bridge", "nad rzeką Galwan" "Galwan River".

A street, bridge, river or island group is a named place the annotation guide asks for (LOC), and without an
English Wikipedia title of its own it is named as the English press names it: the Polish name and the noun's
English word. A street keeps its name as written, as the English names of Warsaw's streets do (a genitive,
"Kasprzaka", "Grenadierów", stays; an adjective agrees with "ulica", feminine nominative: "Zielną" ->
"Zielna"); a bridge, a roundabout, a tower or an airport takes the name's base form ("Poniatowski Bridge",
"Eiffel Tower", "Chopin Airport"). Lemmas as Morfeusz gives them, and the abbreviations as the segmenter keeps
them, with their full stop. A street by its singular forms only; "wyspa" by its forms too, plural ones ("wyspy
Senkaku", "na wyspach Spratly") naming "Islands", singular ones one island by its name's base form ("na wyspie
Nusakambangan"): "wyspy" is taken as plural, as it most often is before a name the base lacks. A town, a
village, a district or a province after its noun is named as written ("w miejscowości Wohyń", "między
miasteczkami Koro i Bandiagara", "prowincje Dahuk i Irbil"). Squares are left out: their English names translate the Polish ones ("plac Zakładników" is
"Hostages Square").
"""

from typing import NamedTuple


class PlaceNoun(NamedTuple):
    english: str  # the English word of the name; none for a town or an island, named by its name alone
    before: bool = False  # the English word opens the name ("Hotel Dayah"), not closes it ("Galwan River")
    base: bool = False  # the name's words in their base form ("Poniatowskiego" -> "Poniatowski")
    # A town the base links the name's words to gives way ("rzeki Narva" is the river, "ronda Waszyngtona" no
    # city); otherwise it stays ("wyspy Tajwan", "lotniska Warszawy"). A known place (LOC) always stays.
    over_towns: bool = False
    capital: bool = False  # the noun may be capitalised, as a name's first word ("w Dolinie Galwan")
    type: str = "LOC"  # a town is a GPE
    listed: bool = False  # a list of names may follow ("w miejscowościach Wyryki, Wohyń i Cześniki", "lotniska:
    # Chopina i Modlin")


STREET = PlaceNoun("Street", over_towns=True)
AVENUE = PlaceNoun("Avenue", over_towns=True)
ISLANDS = PlaceNoun("Islands", capital=True)
ISLAND = PlaceNoun("", base=True)
TOWN = PlaceNoun("", type="GPE", listed=True)
# A street by its singular forms, as written: "ulicami Budapesztu" are the city's streets, no street.
STREET_FORMS = {
    "ul.": STREET,
    "ulica": STREET,
    "ulicy": STREET,
    "ulicę": STREET,
    "ulicą": STREET,
    "al.": AVENUE,
    "aleja": AVENUE,
    "alei": AVENUE,
    "aleję": AVENUE,
    "aleją": AVENUE,
    "wyspy": ISLANDS,
    "wysp": ISLANDS,
    "wyspach": ISLANDS,
    "wyspami": ISLANDS,
    "wyspom": ISLANDS,
    "wyspa": ISLAND,
    "wyspie": ISLAND,
    "wyspę": ISLAND,
    "wyspą": ISLAND,
}
# The other nouns by lemma.
STREET_NOUNS = {
    "most": PlaceNoun("Bridge", base=True),
    "rondo": PlaceNoun("Roundabout", base=True, over_towns=True),
    "wieża": PlaceNoun("Tower", base=True),
    "lotnisko": PlaceNoun("Airport", base=True, listed=True),
    "rzeka": PlaceNoun("River", over_towns=True),
    "dolina": PlaceNoun("Valley", over_towns=True, capital=True),
    "strefa": PlaceNoun("Area"),
    "hotel": PlaceNoun("Hotel", before=True, capital=True),
    "miejscowość": TOWN,
    "wieś": TOWN,
    "miasto": TOWN,
    "miasteczko": TOWN,
    "osada": TOWN,
    "dzielnica": TOWN,
    "prowincja": TOWN,
    "region": TOWN,
    "dystrykt": TOWN,
    "gubernatorstwo": TOWN,
}

# The feminine nominative of an adjective by its dictionary form's ending ("zielny" -> "zielna", "długi" ->
# "długa"): what a street's adjectival name agrees with.
FEMININE_ADJECTIVE_ENDINGS = (("y", "a"), ("i", "a"))
ADJECTIVE_CLASS = "adj"
# The number and gender of "ulica" and "aleja" in the tag set: an adjective agreeing with them has these among
# its readings' ("Zielną" adj:sg:acc:f), a surname's genitive does not ("Poniatowskiego" adj:sg:gen:m1.m2.m3.n).
STREET_NUMBER = "sg"
STREET_GENDER = "f"
