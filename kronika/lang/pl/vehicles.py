"""Nouns that introduce the name of a vessel, aircraft, vehicle or weapon: "statek Fitburg", "kuter patrolowy
BRP Suluan", "holownik \"Jany Kapu\"", "czołgi Leopard 2", "wyrzutnie rakiet HIMARS".

Such a name is the vehicle's or the weapon's, not a person, body or place the annotation guide asks for, though
it often is one's name too (ships are named after towns: "kutry \"Berdiańsk\" i \"Nikopol\""). Lemmas as
Morfeusz gives them; words that also introduce bodies ("jednostka": "jednostka specjalna Delta Force") or
areas ("system Schengen") are left out.
"""

VEHICLE_NOUNS = frozenset(
    {
        # vessels
        "statek",
        "okręt",
        "kuter",
        "holownik",
        "tankowiec",
        "kontenerowiec",
        "masowiec",
        "drobnicowiec",
        "gazowiec",
        "fregata",
        "niszczyciel",
        "korweta",
        "krążownik",
        "lotniskowiec",
        "prom",
        "jacht",
        "trałowiec",
        "łódź",
        "żaglowiec",
        "lodołamacz",
        "patrolowiec",
        # aircraft and vehicles
        "samolot",
        "śmigłowiec",
        "helikopter",
        "myśliwiec",
        "bombowiec",
        "dron",
        "czołg",
        "transporter",
        "bezzałogowiec",
        # weapons
        "wyrzutnia",
        "pocisk",
        "rakieta",
        "haubica",
        "armatohaubica",
        "karabin",
    }
)

# Words that join a list of such names: "kutry \"Berdiańsk\" i \"Nikopol\"" names two boats.
LIST_JOINERS = frozenset({"i", "oraz", "lub", "albo", ","})
