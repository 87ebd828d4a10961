"""The events stage: the rule coder as a pipeline stage."""

from __future__ import annotations

from kronika.record import Document
from kronika.stages.events.coding import code_events
from kronika.stages.events.ground import Groundwork
from kronika.stages.events.triggers import load_coder


class EventStage:
    """PLOVER/CAMEO events with roles, modality, sources, date and place."""

    name = "events"
    requires = ("sentences", "tokens.lemma", "tokens.tag", "entities", "timexes")
    assigns = ("events",)

    def __init__(self, language):
        self.language = language

    def __call__(self, doc: Document) -> Document:
        from kronika.events.decode import decode
        from kronika.events.model import load_event_models
        from kronika.events.view import build_view

        from kronika.pipeline import has_model

        coder = load_coder(self.language.code)
        # The rules code first; the learned layer reads their triggers, types and roles as features and
        # decides (scripts/train_events.py measures both by cross-validation on annotated news). A language
        # without a learned layer keeps the rules' events.
        ground = Groundwork(doc, coder)
        rules = code_events(doc, coder, ground)
        if not has_model(self.language.code, self.name):
            doc.events = rules
            return doc
        models, limits = load_event_models(self.language.code)
        doc.events = decode(build_view(doc, coder, rules, ground), coder, models, limits) if doc.tokens else []
        return doc
