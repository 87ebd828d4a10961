"""The code an event's side is graded and aggregated by: the state an entity acts for, or the entity itself.

Putin, Russia and the Kremlin all speak for RUS; NATO has no state and is itself. A non-state armed group is
itself too although it is based in a state: the guide codes "Hamas", not PSE, and on train-pl 29 of 33 gold
participants that are such an entity (or its country) name the group. Its sector says which it is.
"""

from __future__ import annotations

from kronika.record import Entity, Participant

# Sectors whose entities act for themselves, not for the state they are based in.
OWN_CODE_SECTORS = frozenset({"REB"})


def code_of(entity: Entity) -> str:
    if entity.sector in OWN_CODE_SECTORS:
        return entity.id
    return entity.country or entity.id


def participant_code(p: Participant) -> str:
    """The code of an event's participant, as ``code_of`` gives it for its entity."""
    if p.sector in OWN_CODE_SECTORS:
        return p.entity
    return p.country or p.entity
