"""A batch run: every input parsed once (or found done by an earlier run), its results kept as
they arrive, the combined outputs written at the end, progress shown on a terminal."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Optional, Union

import attrs
from tqdm import tqdm

from ..inputs import STDIN, Input
from ..stopping import Stop
from .folder import Folder
from .job import FAILED, Options, Outcome
from .workers import Job, Workers


@attrs.frozen
class Summary:
    """What a run did: every input's ``outcomes`` in input order, and how many of them an
    earlier run had done (``reused``)."""

    outcomes: tuple[Outcome, ...]
    reused: int

    @property
    def failed(self) -> tuple[Outcome, ...]:
        """The documents that could not be parsed."""
        return tuple(outcome for outcome in self.outcomes if outcome.status == FAILED)

    def exit_code(self) -> int:
        """The command line's exit code: that of the first document that failed, else 0."""
        return next((outcome.exit_code for outcome in self.failed), 0)

    def line(self) -> str:
        """The run in one line: documents ok and failed, findings, documents reused."""
        total = len(self.outcomes)
        failed = len(self.failed)
        findings = sum(outcome.findings for outcome in self.outcomes)
        reused = f", {self.reused} unchanged since the last run" if self.reused else ""
        return f"{total} documents: {total - failed} ok, {failed} failed{reused}; {findings} findings"


class Interrupted(Exception):
    """The run was stopped (Ctrl-C, SIGTERM) after ``done`` of ``total`` documents."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"interrupted after {done} of {total} documents")
        self.done = done
        self.total = total


def run(
    items: Sequence[Input],
    root: Path,
    options: Options,
    extension: str,
    workers: Workers,
    progress: Optional[bool] = None,
    say: Callable[[str], None] = lambda message: None,
) -> Summary:
    """Parse ``items`` into the folder ``root`` with ``workers``: each document's output is
        ``NAME + extension``. ``progress``: a progress bar on stderr (None: when it is a terminal);
        ``say`` receives one line per failed document. Raises Interrupted on Ctrl-C or SIGTERM (caught
    in the main thread only), never in the middle of writing a document's files."""
    folder = Folder(root)
    folder.clean()
    outcomes: dict[str, Outcome] = {}
    reused = 0
    bar = tqdm(total=len(items), unit="doc", file=sys.stderr, disable=None if progress is None else not progress)
    stop = Stop()
    try:
        with stop.installed(workers.wake_on):
            todo = _jobs(_largest_first(items) if workers.capacity > 1 else items, options, extension)
            running = 0
            while True:
                stop.check()
                while running < workers.capacity:
                    item, sha256, job = next(todo, (None, "", None))
                    if item is None or job is None:
                        break
                    known = folder.done(item.name, sha256, options)
                    if known is not None:
                        outcomes[item.name] = attrs.evolve(known, file=item.path)
                        reused += 1
                        bar.update()
                        continue
                    workers.submit(job)
                    running += 1
                if running == 0:
                    break
                job, result = workers.next()
                running -= 1
                name = job.output[: len(job.output) - len(extension)]
                with stop.deferred():
                    folder.record(name, result, options)
                outcomes[name] = result.outcome
                if result.outcome.status == FAILED:
                    bar.write(f"gongkai: {job.file}: {result.outcome.reason}", file=sys.stderr)
                    say(f"{job.file}: {result.outcome.reason}")
                bar.update()
            workers.close()
            bar.close()
            ordered = tuple(outcomes[item.name] for item in items)
            with stop.deferred():
                folder.finish([item.name for item in items], ordered)
    except KeyboardInterrupt:
        workers.stop()
        bar.close()
        raise Interrupted(len(outcomes), len(items)) from None
    return Summary(ordered, reused)


def _largest_first(items: Sequence[Input]) -> list[Input]:
    """The inputs, largest file first: a long document started last would leave the other
    workers idle while it runs (size stands in for the work)."""

    def size(item: Input) -> int:
        try:
            return os.stat(item.path).st_size
        except OSError:
            return 0

    return sorted(items, key=size, reverse=True)


def _jobs(items: Sequence[Input], options: Options, extension: str) -> Iterator[tuple[Input, str, Job]]:
    """Each input with its bytes' sha256 and its job; read one at a time, as jobs are wanted."""
    for item in items:
        source = _contents(item, options.max_bytes)
        sha256 = hashlib.sha256(source).hexdigest() if isinstance(source, bytes) else ""
        yield item, sha256, Job(source, item.path, item.name + extension, options, sha256)


def _contents(item: Input, max_bytes: int) -> Union[bytes, str]:
    """The bytes of a regular file within the size limit, or standard input's; else the path,
    for the worker to report why it cannot be read."""
    if item.path == STDIN:
        return sys.stdin.buffer.read(max_bytes + 1)
    try:
        status = os.stat(item.path)
        if stat.S_ISREG(status.st_mode) and status.st_size <= max_bytes:
            return Path(item.path).read_bytes()
    except OSError:
        pass
    return item.path
