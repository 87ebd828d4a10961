"""Polish quotation marks on top of the shared classes.

Source: Polish typographic convention (Wielki słownik ortograficzny PWN, "Cudzysłów"): „…” is the
standard pair and »…« the inner one; Polish news sites also print “…”, «…» and straight quotes.
All of them are already in the shared class, which the segmenter reads by side of attachment.
"""

from kronika.lang.punctuation import QUOTES

POLISH_QUOTES = QUOTES | frozenset("„”»«")
