"""The trained event models of a language: ``kronika/models/<lang>-events/model.json``, loaded once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kronika.events.decode import Thresholds
from kronika.events.linear import LinearModel, load_models
from kronika.models import model_dir, rebuild_hint

REBUILD = rebuild_hint("python -m pip install -e '.[train]' && python scripts/train_events.py")


def model_path(lang: str) -> Path:
    return model_dir(f"{lang}-events") / "model.json"


@cache
def load_event_models(lang: str) -> tuple[dict[str, LinearModel], Thresholds]:
    models, settings = load_models(model_path(lang), REBUILD)
    return models, Thresholds(**settings)
