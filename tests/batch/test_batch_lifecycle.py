"""Workers under a killed parent, and two batches into one directory: a ``kill -9`` of the command leaves
no worker behind, and a second ``kronika batch`` into a running one's ``--out`` is refused naming its pid."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_data import many_articles

from kronika.batch.lifecycle import LOCK_NAME
from conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process groups from /proc")


def group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # pid (comm) state ppid pgrp ...: comm may hold spaces, so split after its closing parenthesis
            fields = stat[stat.rindex(")") + 2 :].split()
            if fields[0] != "Z" and int(fields[2]) == pgid:
                members.append(int(entry.name))
    return members


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def command(kind: str, source: Path, target: Path) -> list[str]:
    if kind == "batch":
        return [
            sys.executable,
            "-m",
            "kronika",
            "batch",
            str(source),
            "--out",
            str(target),
            "--workers",
            "2",
            "--partition-size",
            "2",
        ]
    return [
        sys.executable,
        "-m",
        "kronika",
        "ingest",
        str(source),
        "--db",
        str(target),
        "--jobs",
        "2",
        "--batch-size",
        "2",
    ]


@pytest.mark.parametrize("kind", ["batch", "ingest"])
def test_kill_9_of_the_leader_leaves_no_worker(tmp_path, kind):
    source = many_articles(tmp_path / "articles.jsonl", 400)
    target = tmp_path / ("out" if kind == "batch" else "kronika.db")
    leader = subprocess.Popen(
        command(kind, source, target),
        env=ENV,
        cwd=tmp_path,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The leader, the fork server and two workers: the workers are up.
        assert wait_for(lambda: len(group_members(leader.pid)) >= 4, 120), group_members(leader.pid)
        if kind == "batch":
            holder = (target / LOCK_NAME).read_text().strip()
            assert holder == str(leader.pid)
            second = subprocess.run(
                command(kind, source, target), env=ENV, cwd=tmp_path, capture_output=True, text=True, timeout=120
            )
            assert second.returncode == 1 and "E708" in second.stderr and f"pid {leader.pid}" in second.stderr
        leader.send_signal(signal.SIGKILL)
        leader.wait()
        # A generous deadline: on a machine at load 10+ a worker mid-article takes seconds to be scheduled and
        # exit; what is tested is that the group empties, not how fast.
        assert wait_for(lambda: not group_members(leader.pid), 90), f"orphans: {group_members(leader.pid)}"
    finally:
        for pid in group_members(leader.pid):
            os.kill(pid, signal.SIGKILL)
        leader.wait()
