"""Words that introduce the credits of an English news article: photo credits and the byline.

Sources: the credit lines of agency copy (AP Stylebook, "credit lines": "Photo: Jane Doe/AP", "Source: Reuters",
"By Jane Doe") and the correspondent's dateline close ("Reporting by Jane Doe; Editing by John Roe", Reuters).
"""

# Lower-cased words, closed by a dot or a colon, after which the names up to the next slash or the line's end
# are credited: "Photo:", "Source:".
CREDIT_CUES = frozenset({"photo", "photograph", "source", "credit"})

# First words of a correspondent's byline on the article's last line ("Reporting by ...").
BYLINE_OPENERS = frozenset({"reporting", "additional"})
