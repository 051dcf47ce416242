"""Where a batch's documents are parsed: each in a child process of its own under the limits, on
a Dask cluster, or in this process. Each takes jobs and hands back results as they finish, in any
order."""

from __future__ import annotations

import collections
from typing import Any, Optional, Protocol, Union

import attrs

from ..errors import GongkaiError, InternalError
from ..isolation import DEFAULT_BUDGET, Budget, Children
from .job import Options, Result, failed, process


@attrs.frozen
class Job:
    """A document to parse: its bytes (or its path when it is not a regular file gongkai may
    read whole), the ``file`` to report it by, its ``output`` name, the batch's options and the
    bytes' sha256."""

    source: Union[str, bytes]
    file: str
    output: str
    options: Options
    sha256: str = ""  # of the bytes, where they were read before the job was made

    def run(self) -> Result:
        """Parse the document here."""
        return process(self.source, self.file, self.output, self.options)

    def lost(self, why: str) -> Result:
        """The result of a job whose worker never answered."""
        return Result(failed(self.file, self.sha256, InternalError(self.file, why)))


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

    def wake_on(self, fd: int) -> bool:
        """Stop waiting for a job (KeyboardInterrupt) when SIGINT or SIGTERM's number is written
        to ``fd`` (see :meth:`gongkai.isolation.Children.wake_on`); False where a wait cannot
        watch it, and a signal must interrupt the wait itself."""


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

    def wake_on(self, fd: int) -> bool:
        return True  # nothing waits: the batch looks for a signal between documents


def run_job(job: Job) -> Result:
    """``job`` parsed here (a function a child process or a cluster can be handed)."""
    return job.run()


class Isolated:
    """The jobs run each in a child process of its own, ``jobs`` at a time, under the batch's
    time and memory limits (:mod:`gongkai.isolation`): a document that goes over them, or whose
    child dies, is a failed document; the batch goes on."""

    def __init__(self, jobs: int, budget: Budget) -> None:
        self.capacity = jobs
        self._children = Children(jobs, budget)
        self._jobs: dict[int, Job] = {}
        self._count = 0

    def submit(self, job: Job) -> None:
        self._count += 1
        self._jobs[self._count] = job
        self._children.start(self._count, job.file, run_job, job)

    def next(self) -> tuple[Job, Result]:
        key, outcome = self._children.next()
        job = self._jobs.pop(key)  # type: ignore[call-overload]
        if isinstance(outcome, GongkaiError):  # over a limit, or the child died
            return job, Result(failed(job.file, job.sha256, outcome))
        return job, outcome

    def stop(self) -> None:
        self._children.stop()

    def close(self) -> None:
        pass

    def wake_on(self, fd: int) -> bool:
        return self._children.wake_on(fd)


CONNECT_SECONDS = 10  # a scheduler that has not answered by then is not there


class DaskCluster:
    """The jobs run on a dask.distributed cluster at ``address`` (the ``dask`` extra); the
    documents' bytes travel with the jobs, so workers need no access to the files. On a worker,
    each document is parsed in a child process under the batch's time and memory limits
    (:mod:`.server`), as it is on this machine."""

    def __init__(self, address: str) -> None:
        from distributed import Client, as_completed

        from .server import run_isolated

        self._task = run_isolated  # each document in a child of a server of the worker's, under the limits
        self._client = Client(address, timeout=CONNECT_SECONDS)
        threads = sum(self._client.nthreads().values()) or 1
        self.capacity = 2 * threads
        self._completed: Any = as_completed()
        self._running: dict[Any, Job] = {}

    def submit(self, job: Job) -> None:
        future = self._client.submit(self._task, job, pure=False)
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

    def wake_on(self, fd: int) -> bool:
        return False  # the wait is Dask's own


def workers(jobs: int, dask: Optional[str] = None, budget: Budget = DEFAULT_BUDGET) -> Workers:
    """The workers for a batch: the Dask cluster at ``dask``, else ``jobs`` child processes at
    a time, each document in its own under ``budget``."""
    if dask is not None:
        return DaskCluster(dask)
    return Isolated(jobs, budget)
