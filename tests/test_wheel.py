"""A wheel built from the checkout analyses the seed in a fresh virtual environment, with no checkout around it.

Offline by design (it runs in ``make test``): the wheel is built without build isolation from the build tools the
``test`` extra installs, it goes into a fresh venv with ``--no-index --no-deps``, and the venv reaches the
dependencies already installed in the running environment through one ``.pth`` line. A bare directory on
``sys.path`` carries no ``.pth`` processing, so the editable checkout installed there is never imported: the test
asserts that ``kronika`` comes from the venv. ``pip check`` then proves the wheel's declared dependencies are
what it needs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED

pytestmark = pytest.mark.slow

# What a checkout may hold that is no part of a build (the test copies the rest, as a clean checkout has it).
NOT_SOURCE = (
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    "*.db",
    "*.db-*",
    "records.jsonl",
)


def build_tools_missing() -> str | None:
    try:
        import build  # noqa: F401
        import setuptools
        import wheel  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed"
    if int(setuptools.__version__.split(".")[0]) < 77:
        return f"setuptools {setuptools.__version__} < 77"
    return None


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory) -> tuple[Path, Path]:
    """(the built wheel, the bin folder of a fresh venv it is installed in)."""
    missing = build_tools_missing()
    if missing:
        pytest.skip(
            f"building a wheel offline needs the test extra's build tools ({missing}): pip install -e '.[test]'"
        )
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp / "dist", source)
    (wheel,) = (tmp / "dist").glob("kronika-*.whl")
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = (sys.executable, "-m", "pip", "--python", python)
    run(*pip, "install", "--quiet", "--no-index", "--no-deps", wheel)
    run(*pip, "check")
    return wheel, venv / "bin"


def test_wheel_holds_every_package_file(wheel_venv):
    wheel, _ = wheel_venv
    names = set(zipfile.ZipFile(wheel).namelist())
    files = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "kronika").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert [f for f in files if f not in names] == []


def test_installed_wheel_analyses_the_seed_like_the_checkout(wheel_venv, tmp_path):
    _, bin_dir = wheel_venv
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = run(bin_dir / "python", "-c", "import kronika; print(kronika.__file__)", cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()).is_relative_to(bin_dir.parent)
    args = ("analyze", SEED, "--tokens", "--parse")
    installed = run(bin_dir / "kronika", *args, cwd=tmp_path, env=env).stdout
    checkout = run(sys.executable, "-m", "kronika", *args, cwd=ROOT).stdout
    record = json.loads(installed)
    # Every stage gave something: the parser, the name tagger and guesser, the linker, time, events, quotes, amounts.
    assert all(t["dep"] for t in record["tokens"])
    assert all(
        record[field] for field in ("sentences", "mentions", "entities", "timexes", "events", "quotes", "amounts")
    )
    assert installed == checkout
