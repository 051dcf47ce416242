"""How long gongkai takes to parse PDF disclosures, as a ratio to pdfplumber's table extraction.

For each PDF, in one process and interleaved round by round: gongkai's whole parse (reading,
segmentation, tables, every check) against pdfplumber opening the file and calling
``extract_tables()`` on every page. The best of ``--rounds`` rounds of each is kept, so that a
busy machine slows both alike. The target is a ratio of at most 0.8.

    python benchmarks/pdf_speed.py                 # the PDFs of ../shared/pdf/
    python benchmarks/pdf_speed.py FILE.pdf ...    # other PDFs
    python benchmarks/pdf_speed.py --check         # exit 1 if the total ratio is over the target

Needs the pdf and bench extras: pip install -e '.[pdf,bench]'.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

import pdfplumber
from timing import best_of  # benchmarks/timing.py, beside this script

import gongkai

TARGET = 0.8
SHARED = Path(__file__).resolve().parents[2] / "shared" / "pdf"


def gongkai_parse(path: Path) -> None:
    gongkai.parse(path)


def pdfplumber_tables(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs to time (default: ../shared/pdf/*.pdf)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per file (default: 5)")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if the total ratio is over {TARGET}")
    args = parser.parse_args(argv)
    files = args.files or sorted(SHARED.glob("*.pdf"))
    if not files:
        print(f"no PDFs given and none in {SHARED}", file=sys.stderr)
        return 2
    totals = {"gongkai": 0.0, "pdfplumber": 0.0}
    print(f"{'file':<52} {'gongkai s':>10} {'pdfplumber s':>13} {'ratio':>6}")
    for path in files:
        runs = {"gongkai": partial(gongkai_parse, path), "pdfplumber": partial(pdfplumber_tables, path)}
        for run in runs.values():  # warm up: font and CMap caches, imports
            run()
        best = best_of(args.rounds, runs)
        for name in totals:
            totals[name] += best[name]
        ratio = best["gongkai"] / best["pdfplumber"]
        print(f"{path.name:<52} {best['gongkai']:>10.3f} {best['pdfplumber']:>13.3f} {ratio:>6.2f}")
    ratio = totals["gongkai"] / totals["pdfplumber"]
    print(f"{'total':<52} {totals['gongkai']:>10.3f} {totals['pdfplumber']:>13.3f} {ratio:>6.2f}")
    print(f"ratio gongkai / pdfplumber: {ratio:.2f} (target: at most {TARGET})")
    return 1 if args.check and ratio > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
