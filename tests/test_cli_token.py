"""`kronika serve`'s token: from --token or the environment's KRONIKA_TOKEN (the option wins), one note when it
was typed on the command line (any user reads that in ps), and a README that never puts it there."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from kronika.cli import TOKEN_VARIABLE, serve, serve_token

NOTE = "visible to every user in ps"

# (case, command-line arguments, KRONIKA_TOKEN or None for unset, resolved token, whether the ps note is given)
TOKENS = [
    ("neither", [], None, None, False),
    ("environment only", [], "from-env", "from-env", False),
    ("empty environment", [], "", None, False),
    ("option only", ["--token", "from-option"], None, "from-option", True),
    ("both: the option wins", ["--token", "from-option"], "from-env", "from-option", True),
]


@pytest.mark.parametrize(("case", "args", "env", "token", "noted"), TOKENS, ids=[t[0] for t in TOKENS])
def test_serve_token_resolution(case, args, env, token, noted, monkeypatch, capsys):
    if env is None:
        monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(TOKEN_VARIABLE, env)
    ctx = serve.make_context("serve", ["--db", "kronika.db", *args])
    assert serve_token(ctx) == token
    assert (NOTE in capsys.readouterr().err) == noted


def test_readme_keeps_the_token_off_command_lines():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.findall(r"kronika serve[^\n]*--token", readme)
    assert f"export {TOKEN_VARIABLE}=" in readme
