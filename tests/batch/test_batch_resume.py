"""Exactly-once output under failure: a `kronika batch` process group killed with SIGKILL mid-run and rerun,
and a Dask LocalCluster with two worker processes, one of which is killed while it holds partitions."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import batch_data
import pytest
from conftest import ROOT

from kronika.batch import run_batch

COUNT = 60
SIZE = 2


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    return str(batch_data.many_articles(tmp_path_factory.mktemp("many") / "many.jsonl", COUNT))


@pytest.fixture(scope="module")
def reference(many, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    report = run_batch([many], out, workers=1, partition_size=SIZE)
    assert report.ok and report.articles == COUNT
    return batch_data.snapshot(out)


def markers(out) -> int:
    folder = out / "_done"
    return len(list(folder.glob("*.json"))) if folder.is_dir() else 0


def test_kill_9_mid_run_then_rerun_gives_the_uninterrupted_output(many, reference, tmp_path):
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "kronika",
        "batch",
        many,
        "--out",
        str(out),
        "--workers",
        "2",
        "--partition-size",
        str(SIZE),
        "--lang",
        "pl",
    ]  # the reference's language (the CLI's default is auto)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Its own session, so the kill takes the pool's workers and forkserver with it, as a crash would.
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 180
    while markers(out) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    done = markers(out)
    assert 2 <= done < COUNT // SIZE, "the batch must be killed in the middle for this test to mean anything"

    rerun = subprocess.run(command, check=False, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{done} already done" in rerun.stderr
    assert not list(out.rglob("*.tmp"))
    assert batch_data.snapshot(out) == reference
    ids = batch_data.document_ids(out)
    assert len(ids) == len(set(ids)) == COUNT


def test_dask_worker_killed_mid_run_gives_the_uninterrupted_output(many, reference, tmp_path):
    from distributed import Client, LocalCluster

    killed: list[int] = []
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):

        def kill_a_busy_worker(kind: str, summary: dict) -> None:
            if killed or kind != "done":
                return
            busy = [address for address, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        out = tmp_path / "out"
        report = run_batch(
            [many],
            out,
            engine="dask",
            scheduler=cluster.scheduler_address,
            partition_size=SIZE,
            progress=kill_a_busy_worker,
        )
        assert killed, "a worker must be killed while it holds partitions for this test to mean anything"
        assert report.ok and report.partitions == COUNT // SIZE
        assert batch_data.snapshot(out) == reference
        ids = batch_data.document_ids(out)
        assert len(ids) == len(set(ids)) == COUNT
        # The nanny replaced the dead worker, and the plugin loaded the pipeline in it.
        client.wait_for_workers(2, timeout=120)
        assert killed[0] not in client.run(os.getpid).values()

        # The CLI on the same cluster: same output again, and a rerun has nothing left to do.
        from click.testing import CliRunner

        from kronika.cli import main

        again = tmp_path / "again"
        args = [
            "batch",
            many,
            "--out",
            str(again),
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
            "--partition-size",
            str(SIZE),
            "--lang",
            "pl",
        ]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert batch_data.snapshot(again) == reference
        rerun = CliRunner().invoke(main, args)
        assert rerun.exit_code == 0 and f"0 partition(s) done, {COUNT // SIZE} already done" in rerun.stderr
