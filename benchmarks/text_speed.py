"""How fast gongkai parses text, markdown and HTML disclosures: MB/s, and ratios to reading them.

In one process: the fixed cost of a document (a one-table disclosure parsed again and again, after
the first parse of the process, which pays the one-time costs and is reported apart), then the
throughput of gongkai's whole parse (reading, segmentation, tables, every check) per format on the
shipped sample, the seed documents and the seeds printed again as markdown and HTML, and on large
documents made of the seeds one after another (``--sizes``, in MB). Each document's time is also
given as a ratio to a reference run in the same process: reading and decoding the file and
splitting it into lines (text, markdown), or lxml parsing the HTML. The best of ``--rounds`` rounds
is kept, gongkai and the reference taking turns. The targets are at least 5 MB/s per format and at
most 5 ms per document.

    python benchmarks/text_speed.py                # sample, seeds, their markdown and HTML, 1 and 5 MB
    python benchmarks/text_speed.py --sizes 1      # large documents of 1 MB only
    python benchmarks/text_speed.py --check        # exit 1 if a target is missed
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import lxml.html
from timing import best_of  # benchmarks/timing.py, beside this script

import gongkai
from gongkai.readers.decoding import decode_text

TARGET_MBPS = 5.0
TARGET_MS = 5.0
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "core" / "gongkai" / "samples" / "zhanyi-2023-final.txt"
SEEDS = ROOT / "tests" / "fixtures"
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}


@attrs.frozen
class Input:
    """A document to time: its name, format and bytes."""

    name: str
    format: str
    data: bytes


def read_lines(data: bytes) -> None:
    decode_text(data, "reference").splitlines()


def lxml_parse(data: bytes) -> None:
    lxml.html.fromstring(data)


def reference(fmt: str) -> Callable[[bytes], None]:
    """What a document's time is compared with: lxml's parse for HTML, reading lines otherwise."""
    return lxml_parse if fmt == "html" else read_lines


def tiny_document() -> bytes:
    """A valid disclosure of one small table and nothing else, printed as text."""
    document = gongkai.parse(SAMPLE)
    table = next(table for table in document.tables if table.id == "three_public")
    alone = attrs.evolve(document, tables=(table,), narrative=(), contents=(), missing=(), unread=(), findings=())
    return gongkai.render(alone, to="text")


def fixed_cost(repeat: int) -> tuple[float, float]:
    """Milliseconds of the first parse of the tiny document, then the mean of ``repeat`` more."""
    data = tiny_document()
    start = time.perf_counter()
    gongkai.parse(data, name="tiny.txt")
    first = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(repeat):
        gongkai.parse(data, name="tiny.txt")
    return first * 1000, (time.perf_counter() - start) / repeat * 1000


def inputs(sizes: list[float]) -> list[Input]:
    """The sample, the seeds, the seeds printed as markdown and HTML, and large documents of each format."""
    seeds = sorted(SEEDS.glob("*.txt"))
    found = [Input(SAMPLE.name, "text", SAMPLE.read_bytes())]
    found += [Input(path.name, "text", path.read_bytes()) for path in seeds]
    documents = [gongkai.parse(path) for path in seeds]
    for fmt in ("markdown", "html"):
        for path, document in zip(seeds, documents):
            found.append(Input(path.stem + SUFFIX[fmt], fmt, gongkai.render(document, to=fmt)))
    # a markdown or HTML file is one page: concatenated, the printed seeds become one document of many tables
    texts = [item.data for item in found if item.format == "text"]
    markdown = [item.data for item in found if item.format == "markdown"]
    bodies = [body(item.data) for item in found if item.format == "html"]
    page = b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n%s\n</body></html>\n'
    for size in sizes:
        found.append(Input(f"seeds {size:g} MB.txt", "text", repeated(texts, size)))
        found.append(Input(f"seeds {size:g} MB.md", "markdown", repeated(markdown, size)))
        found.append(Input(f"seeds {size:g} MB.html", "html", page % repeated(bodies, size)))
    return found


def body(page: bytes) -> bytes:
    """What is between a printed HTML page's ``<body>`` and ``</body>``."""
    return page.split(b"<body>", 1)[1].rsplit(b"</body>", 1)[0]


def repeated(parts: list[bytes], size: float) -> bytes:
    """``parts`` one after another, again and again, until they make ``size`` MB."""
    whole = b"\n\n".join(parts)
    return b"\n\n".join([whole] * max(1, round(size * 1e6 / len(whole))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds per document (default: 3)")
    parser.add_argument("--repeat", type=int, default=200, help="parses of the tiny document (default: 200)")
    parser.add_argument("--sizes", type=float, nargs="*", default=[1.0, 5.0], help="large documents, MB")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    first, each = fixed_cost(args.repeat)
    print(f"fixed cost: {each:.2f} ms per document (target: at most {TARGET_MS:g}); first parse {first:.1f} ms")
    totals = {fmt: [0, 0.0, 0.0] for fmt in SUFFIX}  # bytes, gongkai s, reference s
    print(f"{'document':<28} {'format':<9} {'MB':>6} {'gongkai s':>10} {'MB/s':>6} {'ref s':>8} {'ratio':>6}")
    for item in inputs(args.sizes):
        name = item.name
        runs = {
            "gongkai": lambda item=item, name=name: gongkai.parse(item.data, name=name),
            "reference": lambda item=item: reference(item.format)(item.data),
        }
        best = best_of(args.rounds, runs)
        totals[item.format][0] += len(item.data)
        totals[item.format][1] += best["gongkai"]
        totals[item.format][2] += best["reference"]
        mb = len(item.data) / 1e6
        print(
            f"{item.name:<28} {item.format:<9} {mb:>6.2f} {best['gongkai']:>10.3f} {mb / best['gongkai']:>6.2f}"
            f" {best['reference']:>8.4f} {best['gongkai'] / best['reference']:>6.0f}"
        )
    missed = each > TARGET_MS
    for fmt, (size, spent, referenced) in totals.items():
        rate = size / 1e6 / spent
        missed |= rate < TARGET_MBPS
        print(f"{fmt}: {rate:.2f} MB/s (target: at least {TARGET_MBPS:g}), {spent / referenced:.0f} × the reference")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
