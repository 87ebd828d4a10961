import gc

import pytest
from click.testing import CliRunner

from kronika.cli import main
from kronika.collector import DEFAULT, YOUNG_THRESHOLD, fewer_collections


@pytest.fixture
def thresholds():
    """Set the collector's thresholds as given; the process's own are put back afterwards."""
    before = gc.get_threshold()
    yield lambda given: gc.set_threshold(*given)
    gc.set_threshold(*before)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (DEFAULT, (YOUNG_THRESHOLD, *DEFAULT[1:])),
        ((500, 5, 5), (500, 5, 5)),  # the process chose its own: kept
        ((YOUNG_THRESHOLD, 10, 10), (YOUNG_THRESHOLD, 10, 10)),
    ],
)
def test_only_the_default_thresholds_are_raised(thresholds, given, expected):
    thresholds(given)
    fewer_collections()
    assert gc.get_threshold() == expected


def test_every_command_raises_the_young_threshold_before_its_work(thresholds, tmp_path):
    thresholds(DEFAULT)
    # Any command will do: the group sets the thresholds before the command runs (here it fails: no such store).
    CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "none.db")])
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *DEFAULT[1:])
