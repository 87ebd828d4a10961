"""The model folders inside the package: each found through ``kronika.models``, each with its licence and a
sidecar whose commands run from any checkout (no machine's paths)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import kronika
from kronika.models import model_dir

MODELS = ("pl-ner-crf", "pl-parser", "pl-name-guesser", "pl-events", "pl-quotes", "pl-entity-filter")
# A path that names one machine: absolute, or inside a home folder.
MACHINE_PATH = re.compile(r"(?:^|\s)(?:/|~/)\S*")


def commands(meta) -> list[str]:
    """Every "command" value anywhere in a sidecar."""
    if isinstance(meta, dict):
        return [v for k, v in meta.items() if k == "command"] + [c for v in meta.values() for c in commands(v)]
    if isinstance(meta, list):
        return [c for v in meta for c in commands(v)]
    return []


@pytest.mark.parametrize("name", MODELS)
def test_model_folder_is_inside_the_package(name):
    folder = model_dir(name)
    assert folder.is_relative_to(Path(kronika.__file__).parent) and folder.is_dir()
    assert (folder / "LICENSE").is_file() and (folder / "meta.json").is_file()


@pytest.mark.parametrize("name", MODELS)
def test_sidecar_commands_name_no_machine_path(name):
    meta = json.loads((model_dir(name) / "meta.json").read_text(encoding="utf-8"))
    assert [c for c in commands(meta) if MACHINE_PATH.search(c)] == []


@pytest.mark.parametrize(
    "command, machine",
    [
        ("python scripts/train_ner.py --data ../shared/data", False),
        (".venv/bin/python scripts/train_ner.py --data /work/shared/data", True),
        ("python bench/ner.py --data ~/data", True),
    ],
)
def test_machine_path_pattern(command, machine):
    assert bool(MACHINE_PATH.search(command)) is machine


def _missing_guesser(tmp_path):
    from kronika.lang.pl.guesser import load_guesser

    load_guesser(tmp_path)


def _missing_events_model(tmp_path):
    from kronika.events.linear import load_models
    from kronika.events.model import REBUILD

    load_models(tmp_path / "model.json", REBUILD)


def _missing_kb(tmp_path):
    from kronika.kb.base import read_entries

    read_entries(tmp_path)


@pytest.mark.parametrize(
    "load, script",
    [
        (_missing_guesser, "scripts/train_guesser.py"),
        (_missing_events_model, "scripts/train_events.py"),
        (_missing_kb, "scripts/build_kb.py"),
    ],
)
def test_a_missing_shipped_file_says_how_to_get_it_back(tmp_path, load, script):
    """A wheel's user has no scripts/ folder and no .venv: the message says to reinstall first, and names the
    script for a source checkout without a machine's paths."""
    with pytest.raises(kronika.KronikaError) as error:
        load(tmp_path)
    message = str(error.value)
    assert "reinstall kronika" in message and script in message and ".venv" not in message
