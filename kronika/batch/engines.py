"""Where a batch's tasks run, behind one small interface: ``submit`` a function, wait for the ``first_done``
of some futures, ``release`` one. ``Inline`` runs each task in this process as it is submitted, ``Pool`` in
a warm process pool (``kronika.batch.pool``), ``Dask`` on a Dask scheduler (given by address, or a
LocalCluster started here). The driver loop (``kronika.batch.runner``) is the same for all three.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, wait

from kronika.batch.pool import load_worker, preloads, start_server, warm_pool
from kronika.batch.worker import PipelinePlugin
from kronika.errors import KronikaError
from kronika.options import AnalysisOptions

WORKER = "kronika.batch.worker"


class Inline:
    """One worker: this process; a task's future is finished when ``submit`` returns."""

    workers = 1

    def __enter__(self) -> Inline:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def submit(self, function, *args, key: str | None = None, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(function(*args, **kwargs))
        except Exception as error:  # noqa: BLE001 - the caller reads it from the future, as from a pool's
            future.set_exception(error)
        return future

    def first_done(self, futures) -> set:
        return wait(futures, return_when=FIRST_COMPLETED).done

    def release(self, future) -> None:
        pass


class Pool(Inline):
    """``workers`` processes forked from a preloaded forkserver: clean (no inherited threads or handles),
    the pipeline loaded once."""

    def __init__(self, workers: int, options: AnalysisOptions):
        self.workers = workers
        # The partition writer (pyarrow) loads once in the forkserver too: `ingest`'s pools do without it.
        self._pool = warm_pool(workers, load_worker, (options,), preload=(WORKER, *preloads(options)))

    def __exit__(self, *exc) -> None:
        self._pool.shutdown()

    def submit(self, function, *args, key: str | None = None, **kwargs) -> Future:
        return self._pool.submit(function, *args, **kwargs)


class Dask(Inline):
    """A Dask client; the scheduler reruns a task lost with a dead worker elsewhere."""

    def __init__(self, options: AnalysisOptions, *, workers: int | None, scheduler: str | None, on_dashboard=None):
        from distributed import Client

        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as error:
                raise KronikaError(
                    "E705",
                    f"{scheduler}: no Dask scheduler answers there ({error}); start "
                    "one with `dask scheduler` and workers with `dask worker ADDRESS`",
                ) from None
        else:
            self.cluster = _local_cluster(workers or 2, options)
            self.client = Client(self.cluster)
        try:
            self.dashboard = self._dashboard()
            if self.dashboard and on_dashboard:
                on_dashboard(self.dashboard)  # before the workers load: they take seconds
            self.client.register_plugin(PipelinePlugin(options))
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        except BaseException:
            self.__exit__()
            raise

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def submit(self, function, *args, key: str | None = None, **kwargs):
        if key is None:
            return self.client.submit(function, *args, pure=False, **kwargs)
        return self.client.submit(function, *args, key=key, **kwargs)

    def first_done(self, futures) -> set:
        from distributed import wait as wait_dask

        return wait_dask(list(futures), return_when=FIRST_COMPLETED).done

    def release(self, future) -> None:
        future.release()

    def _dashboard(self) -> str | None:
        """The scheduler's dashboard address when it serves one (it needs bokeh on the scheduler's host)."""
        try:
            if "dashboard" not in self.client.scheduler_info().get("services", {}):
                return None
            return self.client.dashboard_link
        except Exception:  # noqa: BLE001 - the dashboard is a convenience; its absence must not stop the batch
            return None


# Dask's defaults are for many small numpy tasks; a Kronika task is seconds of pure Python. What they cost a
# LocalCluster of two workers on two cores, in CPU per article (bench/batch.py, partitions of 8;
# docs/measured/batch.md):
LOCAL_CLUSTER_CONFIG = {
    # The worker's profiler samples the task's stack every 10 ms for the dashboard: 15% of the task's CPU in
    # the worker's other threads (measured with time.thread_time against time.process_time).
    "distributed.worker.profile.enabled": False,
    # Each server (scheduler, nanny, worker, client) wakes every 20 ms to time its event loop, and the
    # system and memory monitors poll psutil every 0.5 s and 0.1 s: in CPU per second, so they cost more per
    # article the slower the machine (the driver's 8-16 ms an article grew with the load). They only serve
    # the dashboard and a warning about a blocked loop; the memory limits are still checked every second.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Tasks queue on the scheduler (a window of two per worker), so there is nothing to steal; the stealing
    # extension still books every task.
    "distributed.scheduler.work-stealing": False,
}
# The nanny sets MALLOC_TRIM_THRESHOLD_=65536 in its worker's environment (and its own), so that numpy
# buffers go back to the OS: glibc then returns the heap's top after nearly every free and faults it in
# again, 1,100 page faults an article against 130 (and 2-3 ms of system CPU), with no array to give back.
TRIMMING = "MALLOC_TRIM_THRESHOLD_"


def _local_cluster(workers: int, options: AnalysisOptions):
    """A LocalCluster of ``workers`` processes, one thread each: the pipeline is pure Python, so threads
    would only share one core. Configured by ``LOCAL_CLUSTER_CONFIG``; the nannies pass it to the workers.

    The workers are forked from the local pool's forkserver (``kronika.batch.pool``), which imports
    ``distributed``, the partition writer, the pipelines and the language identifier once for all of them.
    Spawned (Dask's default), each worker imported ``distributed`` and the command line and loaded the
    pipelines for itself, 2.0-2.2 s of CPU before its first partition, and ended with a full interpreter
    shutdown, 0.5-0.8 s more, on the wall-clock path of closing the cluster; a forked worker starts loaded
    and ends with ``os._exit``. The server starts here, so its loading overlaps the scheduler's start."""
    import dask
    import distributed.utils
    from distributed import LocalCluster

    start_server((WORKER, *preloads(options), "distributed"))
    # distributed would import numpy and pandas into this process to name them as the server's preload;
    # the server is already running with its own, so that would only cost the driver its imports.
    distributed.utils._forkserver_preload_set = True
    environ = {
        key: value for key, value in dask.config.get("distributed.nanny.pre-spawn-environ").items() if key != TRIMMING
    }
    config = {
        **LOCAL_CLUSTER_CONFIG,
        "distributed.nanny.pre-spawn-environ": environ,
        "distributed.worker.multiprocessing-method": "forkserver",
    }
    with dask.config.set(config):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
