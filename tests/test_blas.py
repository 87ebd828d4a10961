import os

import pytest
from click.testing import CliRunner

from kronika.blas import ONE_THREAD, one_thread_each
from kronika.cli import main


@pytest.fixture
def unset(monkeypatch):
    """Each variable recorded first (so what the code under test sets is undone afterwards), then set as given."""

    def given(value):
        for name in ONE_THREAD:
            monkeypatch.setenv(name, value or "x")
            if value is None:
                monkeypatch.delenv(name)

    return given


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("4", "4"), ("1", "1")])
def test_a_thread_count_the_user_set_is_kept(unset, given, expected):
    unset(given)
    one_thread_each()
    assert [os.environ[name] for name in ONE_THREAD] == [expected] * len(ONE_THREAD)


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_every_command_sets_one_thread_before_its_work(unset, tmp_path, given, expected):
    unset(given)
    # Any command will do: the group sets the variables before the command runs (here it fails: no such store).
    CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "none.db")])
    assert [os.environ.get(name) for name in ONE_THREAD] == [expected] * len(ONE_THREAD)
