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


# Files of the repository the README and the guides under docs/ point at (`kronika/store/migrations.py`,
# bench/events.py, examples/...): a reader who follows one finds it. Globs and folders of generated output are not
# files to find.
DOCS = ["README.md", *sorted(str(doc.relative_to(ROOT)) for doc in (ROOT / "docs").rglob("*.md"))]
PATH = re.compile(r"(?<![\w/.])((?:kronika|bench|tests|scripts|examples|docs)/[\w./-]*\w)")
# A Markdown link to a file of the repository, relative to the document that holds it (anchors and URLs aside).
LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)#\s]+)(?:#[^)]*)?\)")


def named(pattern: re.Pattern, doc: str) -> list[str]:
    return sorted(set(pattern.findall((ROOT / doc).read_text(encoding="utf-8"))))


PATHS = [(doc, path) for doc in DOCS for path in named(PATH, doc)]
LINKS = [(doc, target) for doc in DOCS for target in named(LINK, doc)]


@pytest.mark.parametrize(("doc", "least"), [("README.md", 40), ("docs/", 150)])
def test_the_docs_point_at_files(doc, least):
    assert sum(1 for name, _ in PATHS if name.startswith(doc)) > least


@pytest.mark.parametrize(("doc", "path"), PATHS)
def test_docs_path_exists(doc, path):
    assert (ROOT / path).exists(), f"{doc} names {path}, which the repository does not have"


@pytest.mark.parametrize(("doc", "target"), LINKS)
def test_docs_link_exists(doc, target):
    assert ((ROOT / doc).parent / target).exists(), f"{doc} links to {target}, which is not there"
