"""The warm pool: workers are forked from a server that loaded the pipeline, so none loads it alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kronika.batch.pool import IDENTIFIER, preloads, warm_pool
from kronika.blas import ONE_THREAD
from kronika.options import AnalysisOptions

ROOT = Path(__file__).resolve().parents[2]


def loaded_in_worker() -> dict[str, int]:
    """What the worker process holds before it has analysed anything (module-level, so it pickles)."""
    from kronika.core import load_pipeline
    from kronika.kb.base import load_kb
    from kronika.stages.link import load_linker

    return {
        "pipeline": load_pipeline.cache_info().currsize,
        "kb": load_kb.cache_info().currsize,
        "linker": load_linker.cache_info().currsize,
    }


def nothing() -> None:
    """An initializer that loads nothing: whatever the worker holds came from the server."""


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_start_loaded(workers):
    with warm_pool(workers, nothing) as pool:
        held = [pool.submit(loaded_in_worker).result() for _ in range(workers)]
    from kronika.lang import SUPPORTED

    # One pipeline and linker per language pack, all over the one knowledge base.
    one_each = {"pipeline": len(SUPPORTED), "kb": 1, "linker": len(SUPPORTED)}
    assert all(h == one_each for h in held), held


@pytest.mark.parametrize(("lang", "expected"), [("auto", (IDENTIFIER,)), ("pl", ()), ("en", ())])
def test_the_identifier_is_preloaded_only_when_languages_are_identified(lang, expected):
    assert preloads(AnalysisOptions(lang=lang)) == expected


# A new process: the forkserver is one per process and keeps the preloads of the first pool that started it.
IDENTIFIER_IN_WORKER = """
from kronika.batch.pool import preloads, warm_pool
from kronika.options import AnalysisOptions

LOADED = "__import__('kronika.lang.langid').lang.langid._detector.cache_info().currsize"  # eval pickles

if __name__ == "__main__":
    with warm_pool(1, print, preload=preloads(AnalysisOptions(lang="auto"))) as pool:
        print("loaded:", pool.submit(eval, LOADED).result())
"""


# The same, with the server started before the pool (as `kronika ingest --jobs N` does): the pool forks from it.
EARLY_SERVER = IDENTIFIER_IN_WORKER.replace(
    'if __name__ == "__main__":\n',
    'if __name__ == "__main__":\n    from kronika.batch.pool import start_server\n\n'
    '    start_server(preloads(AnalysisOptions(lang="auto")))\n',
)


@pytest.mark.parametrize("script", [IDENTIFIER_IN_WORKER, EARLY_SERVER], ids=["on first task", "started early"])
def test_workers_start_with_the_identifier_loaded(script):
    # Run from this checkout (with -c, the working directory comes first on the path).
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("loaded: 1")


@pytest.mark.parametrize("lang", ["auto", "pl"])
def test_ingest_starts_the_server_its_pool_preloads(monkeypatch, lang):
    from kronika.cli import writes
    from kronika.batch import pool
    from kronika.stories.store import StoryAssigner

    started = []
    monkeypatch.setattr(pool, "start_server", started.append)
    options = AnalysisOptions(lang=lang)
    writes.start_workers(options)
    # What `ingest_articles` asks the pool for, with the store's story hook.
    assert started == [(*StoryAssigner.preload, *preloads(options))]


def threads_in_worker() -> dict[str, str | None]:
    import os

    return {name: os.environ.get(name) for name in ONE_THREAD}


def test_workers_run_one_blas_thread_each():
    import os

    with warm_pool(1, nothing) as pool:
        seen = pool.submit(threads_in_worker).result()
    # What warm_pool set here (one thread, unless this environment had chosen a number) reached the worker.
    assert seen == {name: os.environ[name] for name in ONE_THREAD}, seen
