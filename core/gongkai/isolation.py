"""Each document parsed in a child process of its own, under a time and a memory limit, so that
a loop or a bomb in a dependency (a PDF whose streams decompress to gigabytes, a pattern that
never ends) costs that document, never the run: the child is killed, the document gets one error
line, and the other documents go on.

A child is forked from the process that runs the command, after gongkai and its plugins are
loaded, so it starts warm; up to ``capacity`` run at once, which is what ``--jobs`` means. Where
processes cannot be forked (Windows), documents are parsed in this process, without the limits.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Hashable
from multiprocessing.connection import Connection, wait
from typing import Any, Optional

import attrs

from .errors import GongkaiError, InternalError, LimitError

DEFAULT_SECONDS = 300.0
DEFAULT_MEMORY_MIB = 2048
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
_PR_SET_PDEATHSIG = 1  # prctl(2)


@attrs.frozen
class Budget:
    """What one document may take: ``seconds`` of wall time and ``memory_mib`` MiB of memory
    beyond what the process held when the child started (None: no limit)."""

    seconds: Optional[float] = DEFAULT_SECONDS
    memory_mib: Optional[int] = DEFAULT_MEMORY_MIB


DEFAULT_BUDGET = Budget()
Outcome = Any  # what the function returned, or the GongkaiError that stopped it


@attrs.define
class _Child:
    key: Hashable
    label: str
    process: Any  # multiprocessing.context.ForkProcess
    connection: Connection
    deadline: float


class Children:
    """Functions run each in a forked child under a :class:`Budget`, at most ``capacity`` at once.

    ``start(key, label, function, *arguments)`` starts one; ``next()`` waits for one to end and
    returns its key and outcome: what the function returned, the GongkaiError it raised, a
    LimitError if it went over the budget (``label`` names the document in the message), or an
    InternalError if the child died."""

    def __init__(self, capacity: int, budget: Budget = DEFAULT_BUDGET) -> None:
        self.capacity = capacity
        self._budget = budget
        self._running: list[_Child] = []
        self._ready: list[tuple[Hashable, Outcome]] = []
        self.wake: Optional[int] = None  # see wake_on()

    def wake_on(self, fd: int) -> bool:
        """While ``next()`` waits, also watch ``fd`` (and say so: True), the reading end of the pipe that
        :func:`signal.set_wakeup_fd` writes signal numbers to: SIGINT or SIGTERM there raises
        KeyboardInterrupt from the wait, a safe place, where a signal handler that raised could
        be anywhere (in a finaliser, where Python drops the exception and prints a traceback)."""
        self.wake = fd
        return True

    def start(self, key: Hashable, label: str, function: Callable[..., Any], *arguments: Any) -> None:
        """Run ``function(*arguments)`` in a child (in this process where none can be forked)."""
        if not CAN_FORK:
            self._ready.append((key, _called(function, arguments, label, self._budget)))
            return
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        # the child inherits every pipe end this process holds: it closes the reading ends, or a
        # child would keep its own pipe (and its siblings') open after this process is gone
        inherited = [receiving, *(child.connection for child in self._running)]
        process = context.Process(
            target=_child,
            args=(os.getpid(), sending, inherited, function, arguments, label, self._budget),
            daemon=True,
        )
        process.start()
        sending.close()
        seconds = self._budget.seconds
        deadline = time.monotonic() + seconds if seconds is not None else float("inf")
        self._running.append(_Child(key, label, process, receiving, deadline))

    def __len__(self) -> int:
        return len(self._running) + len(self._ready)

    def next(self) -> tuple[Hashable, Outcome]:
        """The key and outcome of a child that ended (the first to end), waiting if none has."""
        while not self._ready:
            self._collect()
        return self._ready.pop(0)

    def stop(self) -> None:
        """Kill every child at once."""
        for child in self._running:
            child.process.kill()
            child.process.join()
            child.connection.close()
        self._running.clear()

    def _collect(self) -> None:
        earliest = min(child.deadline for child in self._running)
        timeout = max(0.0, earliest - time.monotonic()) if earliest != float("inf") else None
        watched: list[Any] = [child.connection for child in self._running]
        ended = set(wait(watched + ([self.wake] if self.wake is not None else []), timeout))
        if self.wake in ended:
            _woken(self.wake)
        now = time.monotonic()
        for child in list(self._running):
            if child.connection in ended:
                self._ready.append((child.key, self._received(child)))
            elif child.deadline <= now:
                child.process.kill()
                seconds = self._budget.seconds
                self._ready.append((child.key, LimitError(child.label, _over_time(seconds))))
            else:
                continue
            self._running.remove(child)
            child.process.join()
            child.connection.close()

    def _received(self, child: _Child) -> Outcome:
        try:
            return child.connection.recv()
        except (EOFError, OSError):  # the child died before it could answer
            child.process.join()
            return _died(child.label, child.process.exitcode, self._budget)


def _woken(fd: int) -> None:
    """Read the signal numbers waiting in ``fd``; KeyboardInterrupt if SIGINT or SIGTERM is one."""
    try:
        numbers = os.read(fd, 512)
    except BlockingIOError:
        return
    if signal.SIGINT in numbers or signal.SIGTERM in numbers:
        raise KeyboardInterrupt


def _over_time(seconds: Optional[float]) -> str:
    return f"took more than {seconds:g} s (raise it with --timeout)"


def _over_memory(label: str, budget: Budget) -> LimitError:
    return LimitError(label, f"needed more than {budget.memory_mib} MiB of memory (raise it with --max-memory)")


def _died(label: str, exitcode: Optional[int], budget: Budget) -> GongkaiError:
    if exitcode in (-signal.SIGKILL, -signal.SIGABRT) and budget.memory_mib is not None:
        # killed by the out-of-memory killer, or a library (PDFium) that aborts when an
        # allocation fails under the memory limit
        return _over_memory(label, budget)
    return InternalError(label, f"the process parsing it died (exit {exitcode}); please report it")


def _called(function: Callable[..., Any], arguments: tuple[Any, ...], label: str, budget: Budget) -> Outcome:
    try:
        return function(*arguments)
    except GongkaiError as failure:
        return failure
    except MemoryError:
        return _over_memory(label, budget)
    except Exception as failure:  # a bug must not stop a run of hundreds of documents
        return InternalError(label, f"internal error ({type(failure).__name__}: {failure}); please report it")


def _child(
    parent: int,
    sending: Connection,
    inherited: list[Connection],
    function: Callable[..., Any],
    arguments: tuple[Any, ...],
    label: str,
    budget: Budget,
) -> None:
    for connection in inherited:
        connection.close()
    # the parent stops its children on Ctrl-C or SIGTERM: a child ends quietly, no traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)
    _limit_memory(budget.memory_mib)
    outcome = _called(function, arguments, label, budget)
    try:
        sending.send(outcome)
    except MemoryError:
        sending.send(_over_memory(label, budget))
    sending.close()


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this child when ``parent``, the process that started it, dies
    (Linux): a run killed outright leaves no child parsing on."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return  # not Linux: the child ends when it tries to answer
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _limit_memory(mib: Optional[int]) -> None:
    """Limit the child's address space to what it holds now plus ``mib`` MiB (Linux)."""
    if mib is None:
        return
    try:
        import resource  # POSIX only

        with open("/proc/self/statm", encoding="ascii") as statm:
            held = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = held + mib * 1048576
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc, or a limit the system refuses: the time limit still holds
