"""The README documents every CLI command and option, so the docs cannot drift from the code."""

from __future__ import annotations

import re

import pytest

from kronika.cli import main
from conftest import ROOT

README_TEXT = (ROOT / "README.md").read_text(encoding="utf-8")

COMMANDS = sorted(main.commands)
OPTIONS = sorted(
    (name, opt)
    for name, command in main.commands.items()
    for param in command.params
    for opt in param.opts
    if opt.startswith("--")
)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_in_readme(name):
    assert f"kronika {name}" in README_TEXT


@pytest.mark.parametrize(("name", "option"), OPTIONS)
def test_option_in_readme(name, option):
    assert option in README_TEXT, f"`kronika {name} {option}` is not in README.md"


# Files of the repository the README points at (`kronika/store/migrations.py`, bench/events.py, examples/...): a
# reader who follows one finds it. Globs and folders of generated output are not files to find.
PATHS = sorted(set(re.findall(r"(?<![\w/.])((?:kronika|bench|tests|scripts|examples)/[\w./-]*\w)", README_TEXT)))


def test_the_readme_points_at_files():
    assert len(PATHS) > 50


@pytest.mark.parametrize("path", PATHS)
def test_readme_path_exists(path):
    assert (ROOT / path).exists(), f"README.md names {path}, which the repository does not have"
