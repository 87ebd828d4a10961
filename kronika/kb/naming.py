"""How the people of a state order their names, as the English and Polish press write them.

Chinese, Korean and Vietnamese names put the family name first ("Xi Jinping", "Moon Jae-in", "Kim Jong Un",
"To Lam"), and the press keeps that order; a person of these states named by one word is named by the first
word of the full name ("Mun" is Moon Jae-in, not Ban Ki-moon, whose family name is "Ban"). Japanese and
Hungarian names, family name first at home, are written given name first in both presses ("Shinzo Abe",
"Viktor Orban"). Source: the English Wikipedia's "Personal name" (name order) and the articles on Chinese,
Korean and Vietnamese names.
"""

from __future__ import annotations

# ISO 3166-1 alpha-3 codes of the states whose people's names open with the family name.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"})
