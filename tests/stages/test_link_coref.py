from collections import Counter

import pytest

from kronika.stages.link_coref import join_variants
from kronika.stages.link_model import Group

# (two unlinked names of the article, their types, whether they are one person)
VARIANT_CASES = [
    (("Janezen Jansza", "Janez Jansza"), ("PER", "PER"), True),  # a first name's ending the lemmatiser left
    (("Badr al-Busaidi", "Badr Albusaidi"), ("PER", "PER"), True),  # spaces and hyphens between the letters
    (("Badr al-Busaidi", "Badr Albusaidi"), ("ORG", "PER"), True),  # one typed as a body
    (("Ziw Berman", "Gali Berman"), ("PER", "PER"), False),  # two first names: two people
    (("Al Busaidi", "Albusaidi"), ("PER", "PER"), False),  # one word: the surname joining decides
    (("Badr al-Busaidi", "Badr Albusaidi"), ("ORG", "ORG"), False),  # no person
]


@pytest.mark.parametrize("names, types, joined", VARIANT_CASES)
def test_join_variants(names, types, joined):
    groups = {f"name:{n}": Group(f"name:{n}", n, t, None, [(i, i + 1)]) for i, (n, t) in enumerate(zip(names, types))}
    join_variants(groups, Counter({key: 1 for key in groups}))
    assert (len(groups) == 1) is joined
