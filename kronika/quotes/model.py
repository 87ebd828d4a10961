"""The trained quote models of a language: ``kronika/models/<lang>-quotes/model.json`` (which stretch is a quote, which
entity said it), loaded once per process; trained by ``scripts/train_quotes.py``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kronika.errors import KronikaError
from kronika.events.linear import LinearModel
from kronika.models import model_dir, rebuild_hint

REBUILD = rebuild_hint("python -m pip install -e '.[train]' && python scripts/train_quotes.py")


@dataclass
class QuoteModels:
    quote: LinearModel  # classes "no", "yes": is this candidate a quote
    speaker: LinearModel  # classes "no", "yes": did this entity say it
    claimant: LinearModel | None = None  # ranks who states a figure (None: the amounts keep the rule's claimant)
    quote_threshold: float = 0.5
    speaker_threshold: float = 0.5
    # Bonus to consecutive quotes keeping one speaker, by how they stand (``kronika/quotes/chain.py``); none: each
    # quote alone.
    chain: dict[str, float] = field(default_factory=dict)
    # Added to the log-odds of the option that nobody named said a quote: the pairwise ranker learns no level for
    # it, and out of fold the chain gains with it raised (``scripts/train_quotes.py``'s ``NOBODY_BIAS``).
    nobody_bias: float = 0.0


def model_path(lang: str) -> Path:
    return model_dir(f"{lang}-quotes") / "model.json"


@cache
def load_quote_models(lang: str) -> QuoteModels:
    path = model_path(lang)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        models = {name: LinearModel.from_json(body) for name, body in data["models"].items()}
        return QuoteModels(models["quote"], models["speaker"], models.get("claimant"), **data["settings"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KronikaError(
            "E403", f"quote model {path} is missing or broken ({type(error).__name__}: {error}); {REBUILD}"
        ) from None


def save_quote_models(out: Path, models: QuoteModels, meta: dict) -> Path:
    """Write ``model.json`` (weights and thresholds) and ``meta.json`` (how they were measured) under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    body = {
        "models": {"quote": models.quote.to_json(), "speaker": models.speaker.to_json()}
        | ({"claimant": models.claimant.to_json()} if models.claimant else {}),
        "settings": {
            "quote_threshold": models.quote_threshold,
            "speaker_threshold": models.speaker_threshold,
            "chain": models.chain,
            "nobody_bias": models.nobody_bias,
        },
    }
    path = out / "model.json"
    path.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta | {"settings": body["settings"]}, indent=1) + "\n", encoding="utf-8")
    return path
