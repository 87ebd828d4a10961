"""The progress bar when it is not shown: no tqdm, the same calls, and its messages still written."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from kronika.progress import QuietBar, progress_bar

# (enabled, what stderr is): the cases where tqdm would draw nothing.
QUIET = [(True, "pipe"), (False, "pipe")]


@pytest.mark.parametrize(("enabled", "stderr"), QUIET)
def test_hidden_bar_is_quiet_and_writes_messages(monkeypatch, enabled, stderr):
    err, out = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", out)
    with progress_bar("analyze", 3, enabled=enabled) as bar:
        assert isinstance(bar, QuietBar)
        assert bar.update(1) is None
        bar.set_postfix({"failed": 1}, refresh=False)
        bar.write("kronika: error: one", file=sys.stderr)
        bar.write("to stdout")
    bar.close()
    assert (err.getvalue(), out.getvalue()) == ("kronika: error: one\n", "to stdout\n")


@pytest.mark.parametrize("command", ["analyze"])
def test_one_article_command_does_not_import_tqdm(tmp_path, command):
    article = tmp_path / "article.txt"
    article.write_text("Prezydent spotkał się w poniedziałek z premierem w Warszawie.\n", encoding="utf-8")
    probe = (
        "import sys\nfrom kronika.cli import main\n"
        f"try:\n    main([{command!r}, {str(article)!r}])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('tqdm imported: %s' % ('tqdm' in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stderr.endswith("tqdm imported: False")
