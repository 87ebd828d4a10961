"""Where a batch's tasks run, behind one small interface: ``submit`` a function, wait for the ``first_done``
of some futures, ``release`` one. ``Inline`` runs each task in this process as it is submitted, ``Pool`` in
a warm process pool (``kronika.batch.pool``), ``Dask`` on a Dask scheduler (given by address, or a
LocalCluster started here). The driver loop (``kronika.batch.runner``) is the same for all three.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, wait

from kronika.batch.pool import warm_pool
from kronika.batch.worker import PipelinePlugin, load_worker
from kronika.errors import KronikaError
from kronika.options import AnalysisOptions


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
        self._pool = warm_pool(workers, load_worker, (options,))

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
            self.cluster = _local_cluster(workers or 2)
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


def _local_cluster(workers: int):
    """A LocalCluster of ``workers`` processes, one thread each: the pipeline is pure Python, so threads
    would only share one core. Its workers do not sample their task's stack every 10 ms for the dashboard's
    profile: in a worker's other threads that cost 15% of the task's CPU time, half that without it (measured
    with ``time.thread_time`` against ``time.process_time``). The nannies pass this config to the workers."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
