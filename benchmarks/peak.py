"""The peak memory and time of a command run in a child process: the largest resident set of it
and of every process it started and waited for (a batch's workers)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence

# run in a child: start the command, wait for it, report its resource use
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"code": code, "seconds": seconds, "peak_mib": peak / 1024}))
"""


def measure(command: Sequence[str]) -> dict[str, float]:
    """``command``'s exit code, wall seconds and peak resident MiB (its largest process)."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result
