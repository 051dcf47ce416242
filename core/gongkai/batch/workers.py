"""Where a batch's documents are parsed: in this process, in a pool of local processes, or on a
Dask cluster. Each takes jobs and hands back results as they finish, in any order."""

from __future__ import annotations

import collections
import concurrent.futures
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Optional, Protocol, Union

import attrs

from ..errors import InternalError
from .job import Options, Result, failed, process


@attrs.frozen
class Job:
    """A document to parse: its bytes (or its path when it is not a regular file gongkai may
    read whole), the ``file`` to report it by, its ``output`` name and the batch's options."""

    source: Union[str, bytes]
    file: str
    output: str
    options: Options

    def run(self) -> Result:
        """Parse the document here."""
        return process(self.source, self.file, self.output, self.options)

    def lost(self, why: str) -> Result:
        """The result of a job whose worker never answered."""
        return Result(failed(self.file, "", InternalError(self.file, why)))


class Workers(Protocol):
    """What runs a batch's jobs: at most ``capacity`` are worth submitting at once."""

    capacity: int

    def submit(self, job: Job) -> None:
        """Start ``job``."""

    def next(self) -> tuple[Job, Result]:
        """A job that finished, and its result; blocks until one has."""

    def stop(self) -> None:
        """Give up every job at once (the batch was interrupted)."""

    def close(self) -> None:
        """Release the workers once every job has finished."""


class InProcess:
    """Every job run in this process, one after the other."""

    capacity = 1

    def __init__(self) -> None:
        self._done: collections.deque[tuple[Job, Result]] = collections.deque()

    def submit(self, job: Job) -> None:
        self._done.append((job, job.run()))

    def next(self) -> tuple[Job, Result]:
        return self._done.popleft()

    def stop(self) -> None:
        self._done.clear()

    def close(self) -> None:
        pass


def _run(job: Job) -> Result:
    return job.run()


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the batch's own process stops the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LocalProcesses:
    """The jobs run in ``jobs`` worker processes of this machine."""

    def __init__(self, jobs: int) -> None:
        self.capacity = 2 * jobs  # one waiting per worker, so none is idle between documents
        self._jobs = jobs
        self._pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
        self._running: dict[Future[Result], Job] = {}

    def submit(self, job: Job) -> None:
        self._running[self._pool.submit(_run, job)] = job

    def next(self) -> tuple[Job, Result]:
        finished, _ = concurrent.futures.wait(self._running, return_when=concurrent.futures.FIRST_COMPLETED)
        future = next(iter(finished))
        job = self._running.pop(future)
        try:
            return job, future.result()
        except concurrent.futures.process.BrokenProcessPool:
            # a worker died (killed, out of memory, a crash in a library): start afresh
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = ProcessPoolExecutor(max_workers=self._jobs, initializer=_ignore_interrupts)
            # which document killed it is not known: the first to report is blamed, the others run again
            for other in [self._running.pop(future) for future in list(self._running)]:
                self.submit(other)
            return job, job.lost("the worker process parsing it died")

    def stop(self) -> None:
        terminate = getattr(self._pool, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
            return
        # before 3.14 the pool does not stop a worker in the middle of a document: stop them here
        workers = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.terminate()

    def close(self) -> None:
        self._pool.shutdown()


CONNECT_SECONDS = 10  # a scheduler that has not answered by then is not there


class DaskCluster:
    """The jobs run on a dask.distributed cluster at ``address`` (the ``dask`` extra); the
    documents' bytes travel with the jobs, so workers need no access to the files."""

    def __init__(self, address: str) -> None:
        from distributed import Client, as_completed

        self._client = Client(address, timeout=CONNECT_SECONDS)
        threads = sum(self._client.nthreads().values()) or 1
        self.capacity = 2 * threads
        self._completed: Any = as_completed()
        self._running: dict[Any, Job] = {}

    def submit(self, job: Job) -> None:
        future = self._client.submit(_run, job, pure=False)
        self._running[future] = job
        self._completed.add(future)

    def next(self) -> tuple[Job, Result]:
        future = next(self._completed)
        job = self._running.pop(future)
        try:
            return job, future.result()
        except Exception as failure:  # the cluster lost the task: a worker died or left
            return job, job.lost(f"the Dask worker parsing it failed ({type(failure).__name__}: {failure})")

    def stop(self) -> None:
        if self._running:
            self._client.cancel(list(self._running))
        self._client.close()

    def close(self) -> None:
        self._client.close()


def workers(jobs: int, dask: Optional[str] = None) -> Workers:
    """The workers for a batch: the Dask cluster at ``dask``, else ``jobs`` local processes
    (this process alone for one)."""
    if dask is not None:
        return DaskCluster(dask)
    return LocalProcesses(jobs) if jobs > 1 else InProcess()
