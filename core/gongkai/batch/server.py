"""Documents parsed each in a child of its own, under the batch's time and memory limits, for a
worker that may not fork children itself: a Dask worker is a daemonic process (multiprocessing
refuses it children) and runs tasks in threads (forking there could copy a lock another thread
holds).

:func:`run_isolated` is what such a worker runs for a job: it hands the job to a server process
of its own, started once per worker thread with :mod:`subprocess` (``python -m
gongkai.batch.server``), single-threaded, which parses each job in a forked child under the
job's :class:`~gongkai.isolation.Budget` (:class:`~gongkai.isolation.Children`) and sends the
result back. Jobs and results travel pickled over the server's standard input and output, between
two processes of the same installation; the documents' bytes are never unpickled."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from typing import BinaryIO, Optional

from ..errors import GongkaiError
from ..isolation import Children, die_with_parent
from ..manager import Registry, default_plugin_manager
from .job import Result, failed
from .workers import Job, run_job

_LOCAL = threading.local()


class _Server:
    """A server process, and the pipes to it."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "gongkai.batch.server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def run(self, job: Job) -> Optional[Result]:
        """The result of ``job``, or None if the server is gone."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        try:
            pickle.dump(job, stdin, protocol=pickle.HIGHEST_PROTOCOL)
            stdin.flush()
            result: Result = pickle.load(stdout)
        except (OSError, EOFError, pickle.UnpicklingError):
            self._process.kill()
            self._process.wait()
            return None
        return result


def run_isolated(job: Job) -> Result:
    """Parse ``job`` in a child of this thread's server (started on first use, and again if it
    died): the job's result, or its failure over a limit or of the child."""
    server: Optional[_Server] = getattr(_LOCAL, "server", None)
    if server is not None:
        result = server.run(job)
        if result is not None:
            return result
    _LOCAL.server = server = _Server()
    result = server.run(job)
    return result if result is not None else job.lost("the process parsing it on the Dask worker died")


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Answer every job read from ``requests`` with its result on ``replies``, each job parsed in
    a forked child under its budget, until ``requests`` ends."""
    Registry.collect(default_plugin_manager())  # plugins loaded once, inherited by every child
    while True:
        try:
            job: Job = pickle.load(requests)
        except EOFError:
            return
        children = Children(1, job.options.budget)
        children.start(0, job.file, run_job, job)
        _, outcome = children.next()
        result = Result(failed(job.file, job.sha256, outcome)) if isinstance(outcome, GongkaiError) else outcome
        pickle.dump(result, replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.flush()


if __name__ == "__main__":
    die_with_parent(os.getppid())  # a server never outlives the worker that started it
    serve(sys.stdin.buffer, sys.stdout.buffer)
