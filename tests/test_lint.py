"""ruff over the whole project, as CI runs it through `make test`: its check (the rules chosen in pyproject.toml)
and its formatter (every file as `ruff format` leaves it, the hand-laid tables pyproject.toml lists excepted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATHS = ("kronika", "tests", "scripts", "bench")


@pytest.mark.parametrize("command", [("check",), ("format", "--check")], ids=["check", "format"])
def test_ruff_is_clean(command):
    run = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--no-cache", *PATHS], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
