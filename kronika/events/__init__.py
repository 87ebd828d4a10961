"""The learned event layer: which words of an article state an event of which PLOVER type, and which
participant fills which role, scored by linear models trained on annotated Polish news
(``scripts/train_events.py``). The rule coder (``kronika.stages.events``) runs first; its triggers, types,
roles and modality are features here, so the model decides, per decision, how far to trust each rule.

- ``codes``: the code a participant is graded and aggregated by (its state, or itself);
- ``view``: one shared per-article analysis (tokens' sentences, placed mentions, participant candidates);
- ``features``: the feature strings of a trigger candidate and of a role candidate;
- ``linear``: a sparse multinomial linear model that loads from JSON and scores feature lists;
- ``decode``: from scores to Event records.
"""
