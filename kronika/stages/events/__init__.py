"""Events: who did what to whom, coded in PLOVER with the CAMEO code, Goldstein value and QuadClass.

For each sentence the coder finds the language's triggers (verbs of both aspects, event nouns and
multi-word expressions, by lemma) and reads the roles off the morphology of the linked entity mentions:
- the actor of a verb is a nominative mention of its clause that no preposition governs (before the verb
  first, then after it, as in "przekazała agencja Xinhua"); with none, the subject carries over from the
  clause or sentence before ("Zapewnił również ..."); in the passive the agent is the "przez" phrase;
- the recipient is the mention that fills the trigger's case frame: a bare case ("atakować" + accusative,
  "grozić" + dative) or a preposition with its case ("spotkać się z" + instrumental, "do" + genitive);
- an event noun takes its actor from the genitive after it ("atak Rosji", "wizyta Kima"; a gerund's
  genitive is its object instead: "wspieranie Rosji") and its recipient from its frame ("na Kijów");
  without them, the clause's subject stands in ("Xi i Putin podczas rozmowy ...");
- coordinated mentions ("Xi i Putin") share their role; a state's adjective stands for the state
  ("izraelska armia"); a common-noun subject or object speaks for the name in its genitive ("misja Iranu",
  "działania Izraela"); "obaj/obie" take the pair named just before;
- a light verb lends its subject to the event noun it carries ("armia przeprowadziła atak").
Negation before the trigger marks the event negated (also an event noun under a negated verb); an intention
verb governing it, intended; a conditional or a question, hypothetical. A meeting announced for later is an
intent to meet (AGREE). Claims inside an accusation are not events; a denial answers the latest accuser;
force without a named target strikes the adversary the article pairs the actor with. Sources the sentence
cites ("według NIS", "przekazała agencja Xinhua") go to ``reported_by``. The date comes from a timex of the
sentence, else the dateline, and events dated over a year before the dateline are background, not coded; the
place comes from a locative place mention. Reports of one event within the article (same type, participants
and day, or a visit within a few days) are one event.
"""

from __future__ import annotations

from kronika.stages.events.attach import _event_date, _location
from kronika.stages.events.coding import code_events
from kronika.stages.events.ground import Groundwork, Placed
from kronika.stages.events.merge import _merge_same
from kronika.stages.events.modality import _future
from kronika.stages.events.roles import _coordinated
from kronika.stages.events.stage import EventStage
from kronika.stages.events.tags import _family, tag_cases, tag_class
from kronika.stages.events.triggers import Coder, Found, load_coder

__all__ = [
    "Coder",
    "EventStage",
    "Found",
    "Groundwork",
    "Placed",
    "_coordinated",
    "_event_date",
    "_family",
    "_future",
    "_location",
    "_merge_same",
    "code_events",
    "load_coder",
    "tag_cases",
    "tag_class",
]
