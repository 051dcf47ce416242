"""How ``gongkai batch`` scales from one worker process to several, and the memory it takes.

Each configuration (``--jobs 1``, ``--jobs 2``...) runs the whole command on the same folder of
PDFs into a fresh output folder, the configurations taking turns round by round; the best of
``--rounds`` is kept. Printed: seconds, documents per second, the speed-up over the first
configuration (target for one to two processes on two cores: at least 1.8), and the peak memory
of the largest process. The PDFs are those of ../shared/pdf and ../shared/corpus, or
``--generated N`` documents printed as PDF by gongkai.testing.

    python benchmarks/batch_scaling.py                  # the real PDFs, --jobs 1 and 2
    python benchmarks/batch_scaling.py --generated 16   # 16 generated PDFs
    python benchmarks/batch_scaling.py --jobs 1,2,4 --check

Needs the pdf extra: pip install -e '.[pdf]'.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from peak import measure  # benchmarks/peak.py, beside this script

TARGET = 1.8
SHARED = Path(__file__).resolve().parents[2] / "shared"


def real_pdfs(folder: Path) -> int:
    """Link the shared real PDFs into ``folder``; how many."""
    count = 0
    for pdf in sorted((SHARED / "pdf").glob("*.pdf")) + sorted((SHARED / "corpus").glob("*.pdf")):
        (folder / pdf.name).symlink_to(pdf)
        count += 1
    return count


def generated_pdfs(folder: Path, count: int) -> int:
    """Print ``count`` generated documents as PDF into ``folder``."""
    from hypothesis import HealthCheck, given, settings

    from gongkai.testing import documents, print_pdf

    written: list[int] = []

    @settings(max_examples=count, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(documents())
    def write(document: object) -> None:
        if len(written) < count:
            (folder / f"generated-{len(written):03}.pdf").write_bytes(print_pdf(document).data)  # type: ignore[arg-type]
            written.append(1)

    write()
    return len(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", default="1,2", help="the --jobs values to compare (default: 1,2)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per configuration (default: 2)")
    parser.add_argument("--generated", type=int, metavar="N", help="N generated PDFs instead of the real ones")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if 2 processes give under {TARGET}×")
    args = parser.parse_args(argv)
    jobs = [int(value) for value in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "pdfs"
        folder.mkdir()
        count = generated_pdfs(folder, args.generated) if args.generated else real_pdfs(folder)
        if count == 0:
            print(f"no PDFs in {SHARED}: use --generated N", file=sys.stderr)
            return 2
        best: dict[int, dict[str, float]] = {}
        for _ in range(args.rounds):
            for n in jobs:
                out = Path(scratch) / f"out-{n}"
                shutil.rmtree(out, ignore_errors=True)
                run = measure([sys.executable, "-m", "gongkai", "batch", str(folder), "-o", str(out), "-j", str(n)])
                if n not in best or run["seconds"] < best[n]["seconds"]:
                    best[n] = run
    one = best[jobs[0]]["seconds"]
    print(f"{count} PDFs; best of {args.rounds} rounds, whole command (start-up included)")
    print(f"{'jobs':>4} {'seconds':>8} {'docs/s':>7} {'speed-up':>9} {'peak MiB':>9}")
    for n in jobs:
        seconds = best[n]["seconds"]
        print(f"{n:>4} {seconds:>8.2f} {count / seconds:>7.2f} {one / seconds:>8.2f}× {best[n]['peak_mib']:>9.0f}")
    if 2 in best and 1 in best:
        scaling = best[1]["seconds"] / best[2]["seconds"]
        print(f"1 → 2 processes: {scaling:.2f}× (target ≥ {TARGET}×)")
        if args.check and scaling < TARGET:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
