"""Every `kronika` command in the README's fenced shell blocks runs as written, in README order, in one
directory holding a copy of examples/ (as a fresh clone's root): files the README names are the examples or
what an earlier command wrote. Commands that need a server, a cluster or a long run are skipped with the
reason, never silently left out."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kronika.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SHELL_LANGUAGES = ("", "sh", "bash", "shell", "console")
RUNNERS = ("kronika ", "make ", "curl ", "dask ", ".venv/bin/python ")

# (what a command contains, why it is not run here)
SKIPPED = [
    ("make ", "builds .venv and runs everything; the test suite is what `make test` runs"),
    ("kronika serve", "starts a server that runs until stopped (its options are tested in tests/api)"),
    ("curl ", "needs a running `kronika serve`"),
    ("dask ", "starts a Dask scheduler or workers that run until stopped"),
    ("--engine dask", "starts a Dask cluster (tested in tests/batch)"),
    (".venv/bin/python bench/", "a benchmark of minutes"),
    ("kronika watch", "fetches feeds over the network and runs until stopped (tests/watch serves feeds locally)"),
    (
        "kronika alerts",
        "reads the alerts and rules of the watch recipe, which is not run here (tests/alerts runs them)",
    ),
]


def shell_commands(text: str) -> list[tuple[int, str]]:
    """(line number, command) of every command line in the fenced shell blocks, continuations joined."""
    found = []
    for block in FENCE.finditer(text):
        if block.group(1) not in SHELL_LANGUAGES:
            continue
        first_line = text.count("\n", 0, block.start(2)) + 1
        pending = ""
        for offset, line in enumerate(block.group(2).splitlines()):
            line = pending + line.removeprefix("$ ")
            if line.endswith("\\"):
                pending = line[:-1]
                continue
            pending = ""
            if line.startswith(RUNNERS):
                found.append((first_line + offset, line))
    return found


def params():
    for number, command in shell_commands(README):
        reason = next((why for part, why in SKIPPED if part in command), None)
        marks = [pytest.mark.skip(reason=reason)] if reason else []
        yield pytest.param(command, id=f"README:{number}", marks=marks)


def split(command: str) -> tuple[list[str], str | None]:
    """The arguments after `kronika` (the comment dropped) and the file a `< FILE` redirect reads."""
    words = shlex.split(command, comments=True)
    stdin = None
    if "<" in words:
        at = words.index("<")
        stdin, words = words[at + 1], words[:at] + words[at + 2 :]
    assert words[0] == "kronika", command
    return words[1:], stdin


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("clone")
    shutil.copytree(ROOT / "examples", root / "examples")
    return root


def test_the_readme_has_commands_to_run():
    runnable = [c for _, c in shell_commands(README) if not any(part in c for part, _ in SKIPPED)]
    assert len(runnable) >= 30


@pytest.mark.parametrize("command", list(params()))
def test_readme_command_runs(command, workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    monkeypatch.delenv("KRONIKA_DB", raising=False)
    args, stdin = split(command)
    given = (workspace / stdin).read_bytes() if stdin else None
    result = CliRunner().invoke(main, args, input=given)
    assert result.exit_code == 0, f"{command}\n{result.stderr}\n{result.exception!r}"
