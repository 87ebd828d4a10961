"""Polish abbreviations that end in a period, in two sets.

Sources: the abbreviation rules of the Polish orthographic dictionary (Wielki słownik ortograficzny PWN,
"Skróty i skrótowce"), the `brev:pun` forms that the NKJP tagset lists, and the abbreviations seen in
Polish agency news (PAP, Reuters in Polish). Forms are matched as written; a lower-case entry
also matches its capitalised form at the start of a sentence ("Prof. Nowak powiedział").

``ABBREVIATIONS`` never end a sentence: a title, a unit or a word always follows them ("prof. Nowak",
"ok. 15", "m.in. Chiny"). ``SENTENCE_FINAL_ABBREVIATIONS`` may close a sentence ("w 2011 r.", "15 tys.",
"Korei Płn."): the period ends the sentence only when what follows looks like a sentence start.
"""

ABBREVIATIONS = frozenset(
    """
    abp. adm. al. amb. ang. arab. art. asp. białorus. bp. bryg. bł. ch. chiń. cyt. dn. doc. dot. ds.
    dyr. dz. fr. gen. gm. godz. gr. hab. hiszp. im. insp. inż. jap. jęz. kard. kmdr. kol. kom. kor. kpt.
    ks. lit. m.in. mec. mjr. mł. n.p.m. nadkom. niem. np. nt. o. ob. ok. oprac. os. par. pl. pn. pocz.
    podinsp. por. pos. pow. poz. poł. ppor. ppłk. prez. prof. przew. przyp. pt. płk. red. ros. rozdz.
    ryc. rys. sen. sierż. sp. st. sygn. sz.p. szer. tab. tel. tj. tzn. tzw. ukr. ul. ur. ust. wg.
    wicemin. woj. ws. wyd. wł. zm. zob. łac. św.
    """.split()
)

SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    """
    bln. br. etc. ha. in. itd. itp. jw. kg. km. m. min. mld. mln. n.e. o.o. p.n.e. pkt. proc. Płd. płd.
    Płn. płn. r. s.a. sek. str. tys. ub. ub.r. w. Wsch. wsch. ww. Zach. zach. zł.
    """.split()
)

# Abbreviations with inner periods must be matched before the tokenizer splits them at the periods.
MULTI_PERIOD = tuple(
    sorted((a for a in ABBREVIATIONS | SENTENCE_FINAL_ABBREVIATIONS if a.count(".") > 1), key=len, reverse=True)
)
