"""Words that introduce the credits of a Polish news article: photo credits and the author's byline.

Credits name the photographer, author or agency of the article, who are not what it reports on (the
annotation guide leaves the publication's own byline out), so their names are not entities.

Sources: the credit lines of Polish news sites and PAP dispatches ("Fot. PAP/Jan Nowak", "fot. Jan Nowak
/PAP", "Zdjęcie ... / EPA", "Autor: Jan Nowak", "Źródło: PAP"), and PAP's closing byline of a
correspondent, "Z <city> <name> (PAP)".
"""

# Lower-cased words, closed by a dot or a colon, after which the names up to the next slash or the line's end
# are credited: "Fot.", "fot.", "Autor:", "Źródło:".
CREDIT_CUES = frozenset({"fot", "foto", "autor", "autorka", "źródło"})

# First words of a correspondent's byline on the article's last line: "Z Moskwy Jan Nowak (PAP)".
BYLINE_OPENERS = frozenset({"z", "ze"})
