"""Timing shared by the benchmarks: every figure is the best of a few rounds, the runs compared
taking turns within each round so that a busy moment of the machine hits them alike."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(rounds: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The fastest of ``rounds`` timings of each run, the runs taking turns within each round."""
    best = {name: float("inf") for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best
