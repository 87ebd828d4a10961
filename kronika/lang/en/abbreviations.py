"""English abbreviations that end in a period, in the two sets the segmenter reads (``kronika/stages/segment.py``).

Sources: the abbreviations of The Associated Press Stylebook (courtesy titles "Mr.", "Mrs.", "Ms.", "Dr."; military
and political titles before a name, "Gen.", "Sen.", "Rep.", "Gov."; the months it abbreviates with a date, "Jan.",
"Aug."; "U.S.", "U.N.", "U.K."), and those of the Chicago Manual of Style, §10.4-10.7 ("e.g.", "i.e.", "etc.",
"vs."). Forms are matched as written; a lower-case entry also matches its capitalised form at a sentence start.

``ABBREVIATIONS`` never end a sentence: a name or a number follows them ("Mr. Smith", "No. 10", "Jan. 5").
``SENTENCE_FINAL_ABBREVIATIONS`` may close one ("... in the U.S.", "... and so on, etc."): the period ends the
sentence when what follows looks like a sentence start.
"""

ABBREVIATIONS = frozenset(
    """
    Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Maj. Capt. Sgt. Adm. Cmdr. Gov. Sen. Rep. Rev. Sr. Jr. St. Mt. Ft.
    Pres. Amb. Sec. Supt. Insp. No. Nos. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. approx.
    e.g. i.e. vs. cf. fig. p. pp. vol. Messrs. Gens.
    """.split()
)

SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    """
    U.S. U.N. U.K. E.U. U.A.E. D.C. a.m. p.m. etc. Inc. Corp. Ltd. Co. Bros. B.C. A.D.
    """.split()
)

# Abbreviations with inner periods must be matched before the tokenizer splits them at the periods.
MULTI_PERIOD = tuple(
    sorted((a for a in ABBREVIATIONS | SENTENCE_FINAL_ABBREVIATIONS if a.count(".") > 1), key=len, reverse=True)
)
