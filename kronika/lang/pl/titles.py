"""Polish titles of state offices, as lemma sequences, and the office each names.

"przywódca Rosji", "prezydent Ukrainy", "premier Indii", "szef MSZ Chin" name whoever held that office on
the article's date; the linker asks the knowledge base who that was. Roles are the knowledge base's
(``kronika.kb.model.ROLES``).

Sources: the titles PAP and the Polish public broadcaster use for foreign leaders and ministers (prezydent,
premier, kanclerz, przewodniczący ChRL, przywódca for North Korea's and other leaders), and the official
names of Polish ministerial offices ("minister spraw zagranicznych", "minister obrony narodowej").
"""

TITLES = {
    ("prezydent",): "head_of_state",
    ("przywódca",): "head_of_state",
    ("przewodniczący",): "head_of_state",
    ("król",): "head_of_state",
    ("królowa",): "head_of_state",
    ("emir",): "head_of_state",
    ("monarcha",): "head_of_state",
    ("premier",): "head_of_government",
    ("kanclerz",): "head_of_government",
    ("szef", "rząd"): "head_of_government",
    ("minister", "sprawa", "zagraniczny"): "foreign_minister",
    ("szef", "MSZ"): "foreign_minister",
    ("szef", "dyplomacja"): "foreign_minister",
    ("minister", "obrona"): "defence_minister",
    ("minister", "obrona", "narodowy"): "defence_minister",
    ("szef", "MON"): "defence_minister",
    ("szef", "resort", "obrona"): "defence_minister",
}
