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
    # The lemmatiser gives "spraw" as well as "sprawa" for the genitive plural (as BODIES below reads both).
    ("minister", "sprawa", "wewnętrzny"): "interior_minister",
    ("minister", "spraw", "wewnętrzny"): "interior_minister",
    ("szef", "MSW"): "interior_minister",
    ("szef", "MSWiA"): "interior_minister",
}

# Common titles of a state's national bodies, as lemma sequences, and the body's role in the knowledge base
# (``BODY_KINDS`` in scripts/build_kb.py). With a state ("MSZ Rosji", "białoruskie MSW", "Ministerstwo
# obrony Armenii") they name that state's body; the abbreviations are those of the Polish ministries, which
# Polish news also uses for foreign ones.
BODIES = {
    ("msz",): "foreign_ministry",
    ("ministerstwo", "sprawa", "zagraniczny"): "foreign_ministry",
    ("resort", "dyplomacja"): "foreign_ministry",
    ("resort", "sprawa", "zagraniczny"): "foreign_ministry",
    ("resort", "spraw", "zagraniczny"): "foreign_ministry",
    ("ministerstwo", "obrona"): "defence_ministry",
    ("ministerstwo", "obrona", "narodowy"): "defence_ministry",
    ("resort", "obrona"): "defence_ministry",
    ("mon",): "defence_ministry",
    ("msw",): "interior_ministry",
    ("mswia",): "interior_ministry",
    ("ministerstwo", "sprawa", "wewnętrzny"): "interior_ministry",
    ("ministerstwo", "spraw", "wewnętrzny"): "interior_ministry",
    ("resort", "sprawa", "wewnętrzny"): "interior_ministry",
    ("resort", "spraw", "wewnętrzny"): "interior_ministry",
    ("ministerstwo", "spraw", "zagraniczny"): "foreign_ministry",
    ("ckw",): "election_commission",
    ("centralny", "komisja", "wyborczy"): "election_commission",
    ("rada", "bezpieczeństwo", "narodowy"): "security_council",
    ("narodowy", "komitet", "bezpieczeństwo"): "security_council",
    ("komitet", "bezpieczeństwo", "narodowy"): "security_council",
    # "Najwyższy" is the superlative of "wysoki", which is its lemma.
    ("sąd", "wysoki"): "supreme_court",
    ("trybunał", "konstytucyjny"): "constitutional_court",
    ("sąd", "konstytucyjny"): "constitutional_court",
    ("ministerstwo", "zdrowie"): "health_ministry",
    ("resort", "zdrowie"): "health_ministry",
    ("ministerstwo", "finanse"): "finance_ministry",
    ("resort", "finanse"): "finance_ministry",
    ("ministerstwo", "sprawiedliwość"): "justice_ministry",
    ("resort", "sprawiedliwość"): "justice_ministry",
    ("parlament",): "parliament",
    # "Kongres Peru", "Kongres USA": the parliament of the states that call it a congress.
    ("kongres",): "parliament",
    ("sejm",): "lower_house",
    ("izba", "reprezentant"): "lower_house",
    ("izba", "gmina"): "lower_house",
    ("izba", "deputowany"): "lower_house",
    ("senat",): "senate",
    ("siła", "zbrojny"): "armed_forces",
    ("marynarka", "wojenny"): "navy",
    ("siła", "powietrzny"): "air_force",
    ("straż", "przybrzeżny"): "coast_guard",
    ("gwardia", "narodowy"): "national_guard",
    # Bodies named by a generic title whose state the context gives ("szef Gwardii Prezydenckiej" in news
    # from Niger, "Partia Komunistyczna" in news from Cuba, "sztab generalny w Seulu").
    ("ministerstwo", "handel"): "commerce_ministry",
    ("resort", "handel"): "commerce_ministry",
    ("gwardia", "prezydencki"): "presidential_guard",
    ("gwardia", "republikański"): "republican_guard",
    ("partia", "komunistyczny"): "communist_party",
    ("prokuratura", "generalny"): "prosecutor_general",
    ("prokuratura", "federalny"): "prosecutor_general",
    ("policja", "federalny"): "federal_police",
    ("sztab", "generalny"): "general_staff",
    ("kolegium", "połączony", "szef", "sztab"): "general_staff",
}

# Roles whose title in lower case, with its state, is still the body's name ("rosyjskie ministerstwo obrony",
# "chińska straż przybrzeżna"); "rosyjska armia", "turecki parlament" or "niemiecka policja" are descriptions.
LOWER_CASE_BODIES = frozenset(role for role in BODIES.values() if role.endswith("_ministry")) | {
    "coast_guard",
    "federal_police",
    "general_staff",
}
