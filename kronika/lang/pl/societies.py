"""Polish names of the movements that have a national society in every state, as lemma sequences, and the
English name a national society's title takes after the state's adjective ("Libański Czerwony Krzyż" is the
Lebanese Red Cross, "marokański Czerwony Półksiężyc" the Moroccan Red Crescent).

Source: the International Red Cross and Red Crescent Movement's Polish names (Polski Czerwony Krzyż) and the
English Wikipedia's titles of national societies ("Lebanese Red Cross", "Moroccan Red Crescent", "Turkish Red
Crescent").
"""

NATIONAL_SOCIETIES = {
    ("czerwony", "krzyż"): "Red Cross",
    ("czerwony", "półksiężyc"): "Red Crescent",
}
