"""The Polish pack reads Morfeusz2/NKJP tags as Universal Dependencies (``kronika/lang/pl/ud.py``), and the
stages' word classes (``kronika/lang/ud.py``) recognise each NKJP class they name."""

from __future__ import annotations

import pytest

from kronika.lang import get_language, ud

PACK = get_language("pl")

# tag -> UPOS, features the reading must hold, features it must not hold
MAPPING = [
    ("subst:sg:gen:m1", "NOUN", {"Number=Sing", "Case=Gen", "Gender=Masc", "Animacy=Hum"}, {"Case=Nom"}),
    ("subst:pl:nom.acc:m3", "NOUN", {"Number=Plur", "Case=Nom", "Case=Acc", "Animacy=Inan"}, {"Case=Gen"}),
    ("depr:pl:nom:m2", "NOUN", {"Polite=Depr", "Animacy=Nhum"}, set()),
    ("ger:sg:nom:n:perf:aff", "NOUN", {"VerbForm=Vnoun", "Aspect=Perf", "Polarity=Pos", "Gender=Neut"}, set()),
    ("adj:sg:loc:f:com", "ADJ", {"Case=Loc", "Gender=Fem", "Degree=Cmp"}, {"VerbForm=Part"}),
    ("adja", "ADJ", {"Hyph=Yes"}, set()),
    (
        "ppas:pl:inst:m1:imperf:neg",
        "ADJ",
        {"VerbForm=Part", "Voice=Pass", "Case=Ins", "Aspect=Imp", "Polarity=Neg"},
        {"Voice=Act"},
    ),
    ("pact:sg:dat:m3:imperf:aff", "ADJ", {"VerbForm=Part", "Voice=Act", "Tense=Pres", "Case=Dat"}, set()),
    ("fin:sg:ter:perf", "VERB", {"VerbForm=Fin", "Mood=Ind", "Tense=Pres", "Person=3", "Aspect=Perf"}, set()),
    ("praet:pl:m1:imperf", "VERB", {"VerbForm=Fin", "Tense=Past", "Number=Plur", "Aspect=Imp"}, {"Person=0"}),
    ("imps:perf", "VERB", {"VerbForm=Fin", "Person=0", "Tense=Past", "Aspect=Perf"}, set()),
    ("impt:sg:sec:imperf", "VERB", {"Mood=Imp", "Person=2"}, {"Mood=Ind"}),
    ("inf:perf", "VERB", {"VerbForm=Inf", "Aspect=Perf"}, set()),
    ("bedzie:pl:pri:imperf", "AUX", {"VerbForm=Fin", "Tense=Fut", "Person=1"}, set()),
    ("pcon:imperf", "VERB", {"VerbForm=Conv", "Tense=Pres"}, set()),
    ("prep:gen:nwok", "ADP", {"AdpType=Prep", "Case=Gen", "Variant=Short"}, set()),
    ("ppron3:sg:acc:m1:ter:nakc:praep", "PRON", {"PrepCase=Pre", "Variant=Short", "Person=3"}, set()),
    ("num:pl:nom:m2.m3.f.n:congr", "NUM", {"NumForm=Word", "Case=Nom"}, set()),
    ("dig", "NUM", {"NumForm=Digit"}, set()),
    ("brev:pun", "X", {"Abbr=Yes", "Pun=Yes"}, set()),
    ("interp", "PUNCT", set(), set()),
    ("conj", "CCONJ", set(), set()),
    ("comp", "SCONJ", set(), set()),
    ("part", "PART", set(), set()),
]


@pytest.mark.parametrize(("tag", "upos", "present", "absent"), MAPPING)
def test_tag_to_ud(tag, upos, present, absent):
    reading = PACK.morph(tag)
    assert reading.upos == upos
    assert present <= reading.feats, sorted(present - reading.feats)
    assert not absent & reading.feats
    assert reading.xpos == tag.split(":")[0]


@pytest.mark.parametrize(
    ("tag", "cases"),
    [
        ("subst:sg:nom.gen.dat.acc.inst.loc:m1.m2.m3.f.n", {"Nom", "Gen", "Dat", "Acc", "Ins", "Loc"}),
        ("adj:sg:voc:m1:pos", {"Voc"}),
        ("fin:sg:ter:perf", set()),
    ],
)
def test_cases(tag, cases):
    assert PACK.morph(tag).cases == cases


@pytest.mark.parametrize("tag", [None, "", "nonsense:sg"])
def test_no_class_has_no_upos(tag):
    assert PACK.morph(tag).upos == ""
    assert not any(test(ud.morph(tag)) for test in (ud.nominal, ud.verb, ud.adjectival, ud.numeral))


# tag, a stage's word class, whether the tag is of it: each class told apart from its UD neighbours, and the
# SGJP classes the stages never counted (frag, adjp, pacta, cond, aglt) still left out.
CLASS_TESTS = [
    ("subst:sg:nom:f", ud.noun, True),
    ("subst:sg:nom:f", ud.gerund, False),
    ("ger:sg:gen:n:imperf:aff", ud.gerund, True),
    ("ger:sg:gen:n:imperf:aff", ud.noun, False),
    ("depr:pl:nom:m2", ud.depreciative, True),
    ("depr:pl:nom:m2", ud.noun, False),
    ("ign", ud.unknown_word, True),
    ("ign", ud.nominal, True),
    ("frag", ud.nominal, False),
    ("brev:npun", ud.nominal, True),
    ("adj:sg:nom:m1:pos", ud.adjective, True),
    ("adjp", ud.adjectival, False),
    ("adja", ud.adjective, False),
    ("pacta", ud.verbal, False),
    ("pact:sg:nom:m1:imperf:aff", ud.verbal, True),
    ("cond:sg:m1:ter:perf", ud.verb, False),
    ("aglt:sg:pri:imperf:wok", ud.verb, False),
    ("imps:imperf", ud.impersonal, True),
    ("imps:imperf", ud.finite, False),
    ("praet:sg:n:perf", ud.past, True),
    ("praet:sg:n:perf", ud.present, False),
    ("bedzie:sg:ter:imperf", ud.future_auxiliary, True),
    ("bedzie:sg:ter:imperf", ud.finite, True),
    ("winien:sg:m1:imperf", ud.verb, True),
    ("winien:sg:m1:imperf", ud.finite, False),
    ("num:pl:acc:m1:rec", ud.numeral, True),
    ("numcomp", ud.numeral, False),
    ("romandig", ud.roman_numeral, True),
]


@pytest.mark.parametrize(("tag", "word_class", "expected"), CLASS_TESTS)
def test_word_classes(tag, word_class, expected):
    assert word_class(ud.morph(tag)) is expected


@pytest.mark.parametrize(
    ("tag", "plural"),
    [
        ("subst:pl:nom:m1", True),
        ("subst:sg:nom:m1", False),
        ("subst:sg.pl:gen:m2", False),
    ],
)
def test_plural_only(tag, plural):
    assert ud.plural(ud.morph(tag)) is plural


@pytest.mark.parametrize(
    ("pair", "value"), [("Case=Ins", "inst"), ("Case=Gen", "gen"), ("Number=Plur", "pl"), ("Aspect=Imp", "imperf")]
)
def test_tag_value_names_a_pair_as_the_tagset_does(pair, value):
    assert PACK.tag_value(pair) == value


def test_tag_value_of_an_unknown_pair_is_named():
    with pytest.raises(KeyError, match="Case=Abl"):
        PACK.tag_value("Case=Abl")


@pytest.mark.parametrize(
    ("surname", "cases", "base"),
    [
        ("Alijewem", {"Ins"}, "Alijew"),
        ("Kowalskiego", {"Ins"}, None),
        ("Nowaka", {"Gen", "Acc"}, "Nowak"),
    ],
)
def test_strip_case_ending_takes_ud_cases(surname, cases, base):
    assert PACK.strip_case_ending(surname, cases) == base


@pytest.mark.parametrize(("frame", "ud_case"), [("z+inst", "Ins"), ("acc", "Acc"), ("adj", None)])
def test_frames_name_their_case_in_ud(frame, ud_case):
    from kronika.lang.pl.triggers import parse_frame

    assert parse_frame(frame).ud_case == ud_case
