"""The rule coder on sentences written for these tests, after the real pipeline's earlier stages.

The pipeline's events come from the learned layer (tests/events), which reads these rules' output as
features; the rules are tested here on their own."""

from __future__ import annotations

import functools

import pytest

from kronika.pipeline import Pipeline, default_stages
from kronika.record import Document
from kronika.stages.events import code_events, load_coder

DATE = "2025-09-04"


@functools.cache
def _before_filter() -> Pipeline:
    """The stages the events stage runs after: the entity filter, last, leaves people named only by a title out
    of the entity list, while the events stage (and so the rule coder) sees them."""
    return Pipeline([stage for stage in default_stages("pl") if stage.name != "entity filter"])


def rule_record(text: str, date: str | None = DATE):
    """The record the events stage sees, with the rule coder's events in place of the learned layer's."""
    record = _before_filter()(Document(text=text, date=date, lang="pl"))
    record.events = code_events(record, load_coder("pl"))
    return record


def coded(text: str, date: str | None = DATE):
    record = rule_record(text, date)
    return [
        (
            e.type,
            sorted(p.country or p.name for p in e.actor),
            sorted(p.country or p.name for p in e.recipient),
            e.modality,
        )
        for e in record.events
    ]


# (text, an event that must be among the coded ones: type, actor countries, recipient countries, modality)
CASES = [
    ("Kim Dzong Un spotkał się z Xi Jinpingiem w Pekinie.", ("CONSULT", ["PRK"], ["CHN"], "asserted")),
    (
        "Prezydent Ukrainy Wołodymyr Zełenski zarzucił Pekinowi wspieranie Rosji.",
        ("ACCUSE", ["UKR"], ["CHN"], "asserted"),
    ),
    (
        "Prezydent Ukrainy zarzucił Pekinowi wspieranie Rosji, czemu ChRL konsekwentnie zaprzecza.",
        ("REJECT", ["CHN"], ["UKR"], "asserted"),
    ),
    (
        "Według NIS Pjongjang skierował do Rosji w zeszłym roku ok. 15 tys. żołnierzy.",
        ("AID", ["PRK"], ["RUS"], "asserted"),
    ),
    ("Xi i Putin podczas rozmowy we wtorek wyrazili jedność.", ("CONSULT", ["CHN"], ["RUS"], "asserted")),
    ("Z komunikatu wynika, że nie poruszono tematu wojny Rosji z Ukrainą.", ("ASSAULT", ["RUS"], ["UKR"], "negated")),
    ("Pekin będzie nadal wspierał Pjongjang.", ("SUPPORT", ["CHN"], ["PRK"], "asserted")),
    (
        "Kim Dzong Un spotkał się z Xi Jinpingiem. Obaj liderzy zgodzili się na wzmocnienie współpracy.",
        ("AGREE", ["PRK"], ["CHN"], "asserted"),
    ),
    ("Azerbejdżan, wspierany przez Turcję, odrzucił apel.", ("SUPPORT", ["TUR"], ["AZE"], "asserted")),
    ("Węgry wydają miliony euro na zakup rosyjskiego gazu.", ("COOPERATE", ["HUN"], ["RUS"], "asserted")),
    ("Ataki są odpowiedzią na ostrzał izraelskich żołnierzy przez Hamas.", ("ASSAULT", ["PSE"], ["ISR"], "asserted")),
    (
        "Indie oskarżają Pakistan o wspieranie terrorystów. Pakistan odrzuca te oskarżenia.",
        ("REJECT", ["PAK"], ["IND"], "asserted"),
    ),
    ("Egipt potępił działania Izraela w Strefie Gazy.", ("ACCUSE", ["EGY"], ["ISR"], "asserted")),
    ("Joe Biden przyleci do Polski w poniedziałek.", ("AGREE", ["USA"], ["POL"], "asserted")),
    (
        "Armenia oskarżyła Azerbejdżan o ostrzał. Obie strony dementują twierdzenia drugiej.",
        ("REJECT", ["AZE"], ["ARM"], "asserted"),
    ),
    (
        "Armenia oskarżyła Azerbejdżan o ostrzał. Obie strony dementują twierdzenia drugiej.",
        ("REJECT", ["ARM"], ["AZE"], "asserted"),
    ),
    (
        "Podobnie jak Słowacja, Węgry wydają miliony euro na zakup rosyjskiego gazu.",
        ("COOPERATE", ["SVK"], ["RUS"], "asserted"),
    ),
    # a name inside the phrase the frame asks for: "na pozycje X"
    ("Rosyjskie lotnictwo przeprowadziło naloty na pozycje Hezbollahu.", ("ASSAULT", ["RUS"], ["LBN"], "asserted")),
    # a state's adjective on the object in the genitive, the subject lent by the light verb
    ("Rosja rozpoczęła ostrzał ukraińskich miast.", ("ASSAULT", ["RUS"], ["UKR"], "asserted")),
    # armed forces in the genitive do the deed
    ("Atak bojowników Hezbollahu zaskoczył Izrael.", ("ASSAULT", ["LBN"], ["ISR"], "asserted")),
    # the passive agent named by an adjective in the "przez" phrase
    ("Chersoń jest okupowany przez wojska rosyjskie.", ("COERCE", ["RUS"], ["UKR"], "asserted")),
    # a state adjective capitalised at the start of a sentence, with no name in the sentence
    ("Rosyjski atak na ukraińską stolicę trwał godzinę.", ("ASSAULT", ["RUS"], ["UKR"], "asserted")),
    # a ceasefire binds both sides named by "między X a Y"
    ("Zawieszenie ognia między Armenią a Azerbejdżanem weszło w życie.", ("RETREAT", ["ARM", "AZE"], [], "asserted")),
    # a ceasefire with no parties named: the sides of the conflict the article reports
    ("Rosja zaatakowała Ukrainę. Zawieszenie broni obowiązuje od wtorku.", ("RETREAT", ["RUS", "UKR"], [], "asserted")),
    # a mediator as the subject of a copula, the parties from the conflict
    ("Armenia zaatakowała Azerbejdżan. Mediatorem była Francja.", ("CONSULT", ["FRA"], ["ARM", "AZE"], "asserted")),
    # mediation in the genitive, parties after "między"
    (
        "Rozmowy odbyły się dzięki mediacji Turcji między Rosją a Ukrainą.",
        ("CONSULT", ["TUR"], ["RUS", "UKR"], "asserted"),
    ),
    # the subject of a relative clause is the name before "który"
    (
        "Wojsko ostrzelało Hezbollah, który wystrzelił rakiety w kierunku Izraela.",
        ("ASSAULT", ["LBN"], ["ISR"], "asserted"),
    ),
    # a denial with no one named answers the side the actor fights
    ("Rosja zaatakowała Ukrainę. Ambasada Rosji zaprzeczyła oskarżeniom.", ("REJECT", ["RUS"], ["UKR"], "asserted")),
    # object before the verb when the subject follows it
    ("Działania Rosji potępiły Francja i Niemcy.", ("ACCUSE", ["DEU", "FRA"], ["RUS"], "asserted")),
    # a claim that another used force is an accusation of it, besides the deed claimed
    ("Gruzja oświadczyła, że wojska rosyjskie ostrzeliwują jej wioski.", ("ACCUSE", ["GEO"], ["RUS"], "asserted")),
    ("Gruzja oświadczyła, że wojska rosyjskie ostrzeliwują jej wioski.", ("ASSAULT", ["RUS"], ["GEO"], "asserted")),
    # "obie strony" with no event pairing them yet: the two sides named last, each against the other
    (
        "Serbia skrytykowała decyzję. Kosowo odpowiedziało ostro. Obie strony dementują zarzuty drugiej.",
        ("REJECT", ["SRB"], ["XKX"], "asserted"),
    ),
    (
        "Serbia skrytykowała decyzję. Kosowo odpowiedziało ostro. Obie strony dementują zarzuty drugiej.",
        ("REJECT", ["XKX"], ["SRB"], "asserted"),
    ),
    # an impersonal verb of force: the state where it happens acts, against people there
    ("Demonstranci zebrali się w Tbilisi. Zatrzymano kilkaset osób.", ("COERCE", ["GEO"], ["GEO"], "asserted")),
    ("W Caracas strzelano do protestujących.", ("ASSAULT", ["VEN"], ["VEN"], "asserted")),
    # a coordinated subject whose second name comes with its title
    (
        "Prezydent USA Joe Biden i przywódca Chin Xi Jinping podpisali we wtorek wspólny dokument.",
        ("SUPPORT", ["USA"], ["CHN"], "asserted"),
    ),
    # a state's adjective inside a multi-word trigger names whom it is done to
    ("W Poznaniu zamknięto rosyjski konsulat.", ("SANCTION", ["POL"], ["RUS"], "asserted")),
    # a protest is coded by the country where it happens
    ("W wielu miastach Gruzji wybuchły protesty przeciwko rządowi.", ("PROTEST", ["GEO"], [], "asserted")),
    # a content clause's dropped subject is the speaker's; an acronym after its verb is an object
    (
        "Białoruś oświadczyła, że od poniedziałku zamknie Konsulat Generalny RP w Grodnie.",
        ("SANCTION", ["BLR"], ["POL"], "asserted"),
    ),
    # a comma list of coordinated subjects: every state acts
    (
        "Francja, Niemcy, Hiszpania i Włochy nałożyły sankcje na Iran.",
        ("COERCE", ["DEU", "ESP", "FRA", "ITA"], ["IRN"], "asserted"),
    ),
    # the second of coordinated predicates has the first one's subject, not its object
    (
        "Korea Południowa oskarżyła Koreę Północną o prowokację i poderwała myśliwce.",
        ("MOBILIZE", ["KOR"], ["PRK"], "asserted"),
    ),
    # threats in stock formulas; the threatened side is the one the article pairs the actor with
    (
        "Indie zaatakowały Pakistan. Pakistan odpowie w wybranym przez siebie czasie i miejscu.",
        ("THREATEN", ["PAK"], ["IND"], "asserted"),
    ),
    (
        "Polska wydaliła rosyjskich dyplomatów. Rosja nie pozwoli, aby ta decyzja pozostała bez odpowiedzi.",
        ("THREATEN", ["RUS"], ["POL"], "asserted"),
    ),
    (
        "Litwa zamknęła granicę z Białorusią. Mińsk zapowiedział, że podejmie kroki odwetowe.",
        ("THREATEN", ["BLR"], ["LTU"], "intended"),
    ),
    # sending forces is a mobilisation; an event noun after a light verb takes its subject
    (
        "Unia Afrykańska podjęła decyzję o wysłaniu sił pokojowych do Sudanu.",
        ("MOBILIZE", ["African Union"], ["SDN"], "asserted"),
    ),
    # pledges: leaders who met announce cooperation; a planned visit or the next meeting is an intent to meet
    (
        "Olaf Scholz spotkał się z Emmanuelem Macronem. Przywódcy zapowiedzieli, że będą współpracować.",
        ("AGREE", ["DEU"], ["FRA"], "intended"),
    ),
    (
        "Olaf Scholz spotkał się z Emmanuelem Macronem. Rzecznik dodał, że zaplanowano już kolejne spotkanie.",
        ("AGREE", ["DEU"], ["FRA"], "intended"),
    ),
    ("Wizyta Olafa Scholza w Japonii zaplanowana jest na maj.", ("AGREE", ["DEU"], ["JPN"], "intended")),
    ("Kanclerz Olaf Scholz przyjął zaproszenie prezydenta Polski.", ("AGREE", ["DEU"], ["POL"], "asserted")),
    # a prepositional object follows its verb: the phrase before it ("ze stanowiska kanclerza") is no partner
    (
        "Odchodzący ze stanowiska kanclerz Niemiec Olaf Scholz spotkał się z prezydentem Francji Macronem.",
        ("CONSULT", ["DEU"], ["FRA"], "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_event_is_coded(text, expected):
    assert expected in coded(text)


def test_an_accused_deed_is_not_reported_as_happening():
    """Only the accusation is news; what it claims ("wspieranie Rosji") is not asserted by the article."""
    types = [e[0] for e in coded("Prezydent Ukrainy Wołodymyr Zełenski zarzucił Pekinowi wspieranie Rosji.")]
    assert types == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "Inspektorzy szukali broni jądrowej w Iranie.",  # "broni": the weapon, not "bronić" (defend)
        "Iran twierdzi, że broń trafi do magazynów.",  # "broń" read by the tagger as an imperative
    ],
)
def test_a_noun_does_not_start_a_verb_trigger(text):
    assert [e for e in coded(text) if e[0] == "SUPPORT"] == []


def test_force_without_a_target_strikes_the_adversary_named_in_the_article():
    text = "Ukraina oskarżyła Rosję o prowokację. Wojska rosyjskie rozpoczęły nocny ostrzał."
    assert ("ASSAULT", ["RUS"], ["UKR"], "asserted") in coded(text)


def test_a_visit_needs_a_counterpart_but_a_summit_of_a_body_does_not():
    assert [e for e in coded("Polska podjęła decyzję o zamknięciu granicy.") if e[0] == "CONSULT"] == []
    assert ("CONSULT", ["NATO"], [], "asserted") in coded("W Wilnie rozpoczął się dwudniowy szczyt NATO.")


def test_a_genitive_belongs_to_the_noun_right_before_it():
    events = coded("Turecki sprzeciw wobec przyjęcia Szwecji do NATO osłabł.")
    assert not any("SWE" in actor for _, actor, _, _ in events)


def test_background_history_is_not_coded():
    text = "Chiny i Korea Północna walczyły razem w wojnie koreańskiej w latach 1950-1953 przeciwko siłom ONZ."
    assert [e for e in coded(text) if e[0] == "ASSAULT"] == []


def test_event_fields_follow_the_contract():
    record = rule_record("Według NIS Kim Dzong Un spotkał się w środę z Władimirem Putinem w Pekinie.")
    (event,) = [e for e in record.events if e.type == "CONSULT"]
    assert event.cameo.startswith("04") and event.quad_class == 1 and event.goldstein is not None
    assert event.date == "2025-09-03" and event.date_precision == "day"
    assert event.location.name == "Beijing" and event.location.lat is not None
    assert [r.name for r in event.reported_by] == ["National Intelligence Service (South Korea)"]
    assert record.text[event.trigger.start : event.trigger.end] == event.trigger.text
    assert event.sentence == 0


def test_no_dateline_leaves_event_date_open():
    (event,) = rule_record("Kim Dzong Un spotkał się z Xi Jinpingiem.", date=None).events
    assert event.date is None and event.date_precision is None


def test_talks_on_different_days_are_two_events_and_a_visit_is_one():
    talks = "Putin i Xi rozmawiali w środę. Putin i Xi rozmawiali także w czwartek."
    assert [e[0] for e in coded(talks)].count("CONSULT") == 2
    visit = "Kim przybył do Pekinu we wtorek. Kim Dzong Un spotkał się z Xi Jinpingiem w czwartek."
    assert [e[0] for e in coded(visit)].count("CONSULT") == 1


def test_one_event_for_one_meeting():
    text = "Kim Dzong Un spotkał się z Xi Jinpingiem. Spotkanie Kima z Xi Jinpingiem trwało dwie godziny."
    assert [e[0] for e in coded(text)].count("CONSULT") == 1


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nic się nie wydarzyło.",
        "Spotkanie odbyło się w czwartek.",
        " ".join(["Rosja i Ukraina"] * 700) + ".",
    ],
)
def test_nothing_to_code_or_odd_input(text):
    assert isinstance(coded(text), list)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "udało się" is "managed to", not a trip
        ("W Wilnie udało się odblokować sprzeciw Węgier wobec przyjęcia Ukrainy do NATO.", "CONSULT"),
        # a truce as a topic of talks is not a declared one
        ("Rosja i Ukraina mają rozmawiać o zawieszeniu broni.", "RETREAT"),
        # a first-person verb with no speaker named does not borrow the subject of the sentence before
        ("Rosja ogłosiła ćwiczenia. Kupujemy nowe czołgi.", "COOPERATE"),
        # "podejmie kroki" hosts no one, now or later
        ("Rosja zapowiedziała, że podejmie kroki odwetowe.", "AGREE"),
        # a past "nie pozostawił bez odpowiedzi" is a retaliation, not a threat
        ("Iran nie pozostawił ataku Izraela bez odpowiedzi.", "THREATEN"),
    ],
)
def test_no_event_of_that_type(text, absent):
    assert [e for e in coded(text) if e[0] == absent] == []


def test_a_quoted_first_person_verb_is_the_speaker_s():
    text = "– Ostrzegałem Polskę przed prowokacjami – powiedział Aleksandr Łukaszenka."
    assert ("THREATEN", ["BLR"], ["POL"], "asserted") in coded(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a question reports nothing (GUIDE: pure hypotheticals are not annotated)
        ("Czy Rosja zaatakuje Ukrainę?", "ASSAULT"),
        ("Rosja zaatakowała Ukrainę. Czy Polska wesprze Kijów?", "SUPPORT"),
        # a common noun subject is someone unnamed, not the name of the sentence before
        ("Rosja ogłosiła ćwiczenia. Ekspert chwali tę decyzję.", "SUPPORT"),
        ("Rosja zaatakowała Ukrainę. Władze ostrzegają przed kolejnymi nalotami.", "THREATEN"),
        # an impersonal verb has no subject to carry over
        ("Chiny ogłosiły nowe cła. Podpisano również umowę handlową.", "AGREE"),
        # "obie strony potyczki": a noun is no party that the sides named before fill
        ("Chiny ogłosiły nowe cła. USA też. Obie strony potyczki wysyłają sprzeczne sygnały.", "ASSAULT"),
    ],
)
def test_no_such_event(text, absent):
    assert [e for e in coded(text) if e[0] == absent] == []


def test_a_title_names_its_holder_again():
    """ "premier Morawiecki ... Premier zapewnił": the common noun refers back to the name it introduced."""
    text = "Wczoraj premier Mateusz Morawiecki przyjechał do Kijowa. Premier zapewnił Ukrainę o wsparciu."
    assert any(e[0] == "SUPPORT" and e[1] == ["POL"] for e in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "Izraelska armia przeprowadziła serię nalotów na cele powiązane z Hezbollahem w Libanie.",
        "Amerykańskie lotnictwo rozpoczęło serię uderzeń na obiekty związane z Hezbollahem w Libanie.",
    ],
)
def test_an_organisation_deeper_in_the_target_phrase_is_struck_not_the_country_it_is_in(text):
    record = rule_record(text)
    struck = [[p.name for p in e.recipient] for e in record.events if e.type == "ASSAULT"]
    assert struck == [["Hezbollah"]]


def _lines_run_by_the_coder(pipeline, text: str) -> int:
    """Lines of kronika/stages/events/ and kronika/events/ executed while coding ``text``: the coder's
    work, which a clock on a shared machine cannot measure reliably."""
    import sys
    from pathlib import Path

    import kronika.events
    from kronika.record import Document
    from kronika.stages import events as module

    packages = tuple(str(Path(package.__file__).parent) for package in (kronika.events, module))

    doc = Document(text=text, date=DATE)
    stage = next(s for s in pipeline.stages if s.name == "events")
    for earlier in pipeline.stages[: pipeline.stages.index(stage)]:
        doc = earlier(doc)
    stage(doc)  # warm the per-process caches, so both sizes are measured alike
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(packages):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        stage(doc)
    finally:
        sys.settrace(None)
    return count


# Talks with a newspaper are an interview: no event between the speaker's state and the paper's.
@pytest.mark.parametrize(
    "text",
    [
        "W rozmowie z Guardianem premier Izraela Benjamin Netanjahu skrytykował Iran.",
        "Szef MSZ Rosji Siergiej Ławrow rozmawiał z dziennikarzami CNN.",
        "Wołodymyr Zełenski rozmawiał z BBC o wojnie.",
    ],
)
def test_an_interview_is_not_a_consultation(text):
    assert not [e for e in coded(text) if e[0] == "CONSULT"]


# One endless sentence full of names and triggers, and a list pasted as text: doubling the input must not
# much more than double the coder's work (no loop over all pairs of tokens or mentions without a cap).
LONG_INPUTS = [
    lambda n: " ".join(["Rosja zaatakowała Ukrainę, Polska wsparła Litwę, a Xi spotkał się z Putinem,"] * n) + ".",
    lambda n: "\n".join(f"- {i}. Niemcy, Francja, Chiny, Iran, Izrael" for i in range(n)),
]


@pytest.mark.parametrize("make", LONG_INPUTS)
def test_work_grows_linearly_with_the_input(pipeline, make):
    small = _lines_run_by_the_coder(pipeline, make(40))
    large = _lines_run_by_the_coder(pipeline, make(80))
    assert small > 0
    assert large <= 2.6 * small
