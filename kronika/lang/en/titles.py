"""English titles of state offices, as lemma sequences, and the office each names.

"the president of Russia", "Ukraine's foreign minister", "the Chinese premier" name whoever held that office on
the article's date; the linker asks the knowledge base who that was. Roles are the knowledge base's
(``kronika.kb.model.ROLES``).

Sources: the titles the AP Stylebook lists for heads of state and government ("president", "prime minister",
"chancellor", "premier", "king", "queen", "emir") and for the ministers agency copy names by office ("foreign
minister", "secretary of state", "defense minister", "defence secretary").
"""

TITLES = {
    ("president",): "head_of_state",
    ("leader",): "head_of_state",
    ("king",): "head_of_state",
    ("queen",): "head_of_state",
    ("emir",): "head_of_state",
    ("monarch",): "head_of_state",
    ("prime", "minister"): "head_of_government",
    ("premier",): "head_of_government",
    ("chancellor",): "head_of_government",
    ("foreign", "minister"): "foreign_minister",
    ("secretary", "of", "state"): "foreign_minister",
    ("foreign", "secretary"): "foreign_minister",
    ("defense", "minister"): "defence_minister",
    ("defence", "minister"): "defence_minister",
    ("defense", "secretary"): "defence_minister",
    ("defence", "secretary"): "defence_minister",
}

# Common titles of a state's national bodies, as lemma sequences, and the body's role in the knowledge base
# (``BODY_KINDS`` in scripts/build_kb.py).
BODIES = {
    ("foreign", "ministry"): "foreign_ministry",
    ("ministry", "of", "foreign", "affair"): "foreign_ministry",
    ("state", "department"): "foreign_ministry",
    ("defense", "ministry"): "defence_ministry",
    ("defence", "ministry"): "defence_ministry",
    ("ministry", "of", "defense"): "defence_ministry",
    ("ministry", "of", "defence"): "defence_ministry",
    ("interior", "ministry"): "interior_ministry",
    ("election", "commission"): "election_commission",
    ("electoral", "commission"): "election_commission",
    ("security", "council"): "security_council",
    ("supreme", "court"): "supreme_court",
    ("constitutional", "court"): "constitutional_court",
}
