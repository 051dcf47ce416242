"""How long gongkai takes to parse PDF disclosures, as a ratio to pdfplumber's table extraction.

For each PDF, in one process and interleaved round by round: gongkai's whole parse (reading,
segmentation, tables, every check) with each PDF engine (pdfminer.six, and pypdfium2 where
installed) against pdfplumber opening the file and calling ``extract_tables()`` on every page.
The best of ``--rounds`` rounds of each is kept, so that a busy machine slows them alike. The
targets are ratios of at most 0.8 with pdfminer and 0.15 with pdfium.

    python benchmarks/pdf_speed.py                 # the PDFs of ../shared/pdf/
    python benchmarks/pdf_speed.py FILE.pdf ...    # other PDFs
    python benchmarks/pdf_speed.py --check         # exit 1 if the total ratio is over the target

Needs the pdf and bench extras: pip install -e '.[pdf,bench]'.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from functools import partial
from pathlib import Path

import pdfplumber
from timing import best_of  # benchmarks/timing.py, beside this script

import gongkai

TARGETS = {"pdfminer": 0.8, "pdfium": 0.15}  # gongkai's time over pdfplumber's, per engine
SHARED = Path(__file__).resolve().parents[2] / "shared" / "pdf"


def gongkai_parse(path: Path, engine: str) -> None:
    gongkai.parse(path, pdf_engine=engine)


def pdfplumber_tables(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="PDFs to time (default: ../shared/pdf/*.pdf)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per file (default: 5)")
    parser.add_argument("--check", action="store_true", help="exit 1 if an engine's total ratio is over its target")
    args = parser.parse_args(argv)
    files = args.files or sorted(SHARED.glob("*.pdf"))
    if not files:
        print(f"no PDFs given and none in {SHARED}", file=sys.stderr)
        return 2
    engines = [engine for engine in TARGETS if engine != "pdfium" or importlib.util.find_spec("pypdfium2")]
    totals = dict.fromkeys([*engines, "pdfplumber"], 0.0)
    seconds = "".join(f"{engine + ' s':>12}" for engine in engines)
    ratios = "".join(f"{engine:>10}" for engine in engines)
    print(f"{'file':<52}{seconds}{'pdfplumber s':>14}{ratios}")
    for path in files:
        runs = {engine: partial(gongkai_parse, path, engine) for engine in engines}
        runs["pdfplumber"] = partial(pdfplumber_tables, path)
        for run in runs.values():  # warm up: font and CMap caches, imports
            run()
        best = best_of(args.rounds, runs)
        for name in totals:
            totals[name] += best[name]
        print(_row(path.name, best, engines))
    print(_row("total", totals, engines))
    over = False
    for engine in engines:
        ratio = totals[engine] / totals["pdfplumber"]
        over = over or ratio > TARGETS[engine]
        print(f"ratio gongkai ({engine}) / pdfplumber: {ratio:.2f} (target: at most {TARGETS[engine]})")
    return 1 if args.check and over else 0


def _row(name: str, times: dict[str, float], engines: list[str]) -> str:
    seconds = "".join(f"{times[engine]:>12.3f}" for engine in engines)
    ratios = "".join(f"{times[engine] / times['pdfplumber']:>10.2f}" for engine in engines)
    return f"{name:<52}{seconds}{times['pdfplumber']:>14.3f}{ratios}"


if __name__ == "__main__":
    sys.exit(main())
