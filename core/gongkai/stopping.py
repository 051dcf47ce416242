"""Stopping a run of many documents on Ctrl-C or SIGTERM at a safe place: between documents or
in the wait for one, never while a document's files are written, and never with a traceback."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Stop:
    """Ctrl-C and SIGTERM stop a run of many documents (as KeyboardInterrupt) between documents
    or while it waits for one, never while a document's files are written.

    The signal handler only notes the signal: raised from the handler, the KeyboardInterrupt
    could land in a finaliser (a pipe's ``__del__``, logging's lock after a fork), where Python
    prints it as a traceback and drops it. The wait notices the signal through
    :func:`signal.set_wakeup_fd`; where workers cannot watch that (Dask), the handler raises as
    before, except while files are written."""

    def __init__(self) -> None:
        self._received = False
        self._raising = False
        self._writing = False

    def _signalled(self, signum: int, frame: object) -> None:
        self._received = True
        if self._raising and not self._writing:
            raise KeyboardInterrupt

    def check(self) -> None:
        """KeyboardInterrupt if a signal came."""
        if self._received:
            raise KeyboardInterrupt

    @contextmanager
    def installed(self, wake_on: Callable[[int], bool]) -> Iterator[None]:
        """Catch the signals in this block (only where signals can be caught: the main thread);
        ``wake_on(fd)`` has the run's wait watch ``fd`` (see
        :meth:`gongkai.isolation.Children.wake_on`), False where it cannot."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        reading, writing = os.pipe()
        os.set_blocking(reading, False)
        os.set_blocking(writing, False)
        self._raising = not wake_on(reading)
        previous = {number: signal.signal(number, self._signalled) for number in (signal.SIGINT, signal.SIGTERM)}
        wakeup = signal.set_wakeup_fd(writing, warn_on_full_buffer=False)
        try:
            yield
        finally:
            signal.set_wakeup_fd(wakeup)
            for number, handler in previous.items():
                signal.signal(number, handler)
            os.close(reading)
            os.close(writing)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """A block a signal does not interrupt: it stops the batch when the block ends."""
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        self.check()
