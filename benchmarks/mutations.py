"""Recall of the narrative checks on planted errors, per class and per format.

For each document (the five seeds in their own format, and ``--generated N`` generated documents
with a 情况说明 in each format) the unmutated document is printed and parsed, then one error of
each class of :data:`gongkai.testing.mutations.CLASSES` is planted, printed and parsed; a class is
found when its check reports a new warning or error. Printed: recall per class and format, the
new findings of other checks on mutants, and the errors on the unmutated documents: none is
allowed on a generated document, and a seed's must be its own, verified by hand in
``tests/expected/findings.tsv``.

    python benchmarks/mutations.py --generated 200 --formats text markdown html pdf
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from hypothesis import HealthCheck, given, settings

import gongkai
from gongkai.schema import Document, Severity
from gongkai.testing.mutations import CLASSES, mutate, plant, verdict
from gongkai.testing.narrative import narrated_documents

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = {"text": "txt", "markdown": "md", "html": "html", "pdf": "pdf"}


def generated(count: int) -> list[Document]:
    """``count`` generated documents with a 情况说明, the same ones on every run."""
    drawn: list[Document] = []

    @settings(
        max_examples=count, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(narrated_documents())
    def draw(document: Document) -> None:
        drawn.append(document)

    draw()
    return drawn[:count]


def verified(seed: str) -> set[tuple[str, str]]:
    """The errors (check, line) a seed really contains, as ``tests/expected/findings.tsv`` lists them."""
    with open(ROOT / "tests" / "expected" / "findings.tsv", encoding="utf-8", newline="") as handle:
        rows = csv.reader((line for line in handle if line.strip() and not line.startswith("#")), delimiter="\t")
        return {(row[1], row[8]) for row in rows if row[0] == seed and row[2] == "error"}


def seeds() -> Iterator[tuple[str, Document, str, Optional[bytes]]]:
    """The seeds, each to be mutated in its own file (text or markdown)."""
    for path in sorted((ROOT / "tests" / "fixtures").glob("0*")):
        document = gongkai.parse(path, checks=False)
        yield path.name[:3], document, document.format, path.read_bytes()


def run(documents: list[tuple[str, Document, str, Optional[bytes]]], rng: random.Random) -> None:
    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    others: dict[str, int] = defaultdict(int)
    false: dict[str, int] = defaultdict(int)
    own: dict[str, int] = defaultdict(int)
    for name, document, fmt, source in documents:
        printed = source if source is not None else gongkai.render(document, fmt)
        base = gongkai.parse(printed, name=f"{name}.{SUFFIX[fmt]}")
        known = verified(name) if source is not None else set()
        for finding in base.findings:
            if finding.severity is not Severity.ERROR:
                continue
            if (finding.check, str(finding.provenance.line or "")) in known:
                own[f"{name}: {finding.check}"] += 1
                continue
            false[f"{name if source is not None else fmt}: {finding.check}"] += 1
            print(f"  false {finding.check} in {name} ({fmt}): {finding.message}", file=sys.stderr)
        for kind in CLASSES:
            mutant = mutate(base, kind, rng)
            if mutant is None:
                continue
            after = gongkai.parse(plant(mutant, fmt, source), name=f"{name}.{SUFFIX[fmt]}")
            judged = verdict(mutant, base.findings, after.findings)
            found[(kind, fmt)][0] += judged.found
            found[(kind, fmt)][1] += 1
            if not judged.found:
                print(f"  missed {kind} in {name} ({fmt}): {mutant.before!r} -> {mutant.after!r}", file=sys.stderr)
            for other in judged.others:
                others[f"{kind}: {other.check}"] += 1
    formats = sorted({fmt for _, fmt in found})
    print(f"{len(documents)} documents")
    print("class".ljust(14) + "".join(fmt.rjust(16) for fmt in formats))
    for kind in CLASSES:
        cells = []
        for fmt in formats:
            hit, tried = found.get((kind, fmt), [0, 0])
            cells.append((f"{hit}/{tried} {100 * hit // tried}%" if tried else "-").rjust(16))
        print(kind.ljust(14) + "".join(cells))
    print("other new warnings/errors on mutants:", dict(others) or "none")
    print("the seeds' own errors (tests/expected/findings.tsv):", dict(own) or "none")
    print("other errors on the unmutated documents:", dict(false) or "none")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=20, help="generated documents per format")
    parser.add_argument("--formats", nargs="+", default=["text", "markdown", "html", "pdf"])
    parser.add_argument("--no-seeds", action="store_true")
    parser.add_argument("--seed", type=int, default=0, help="seed of the choice of claims to mutate")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    documents: list[tuple[str, Document, str, Optional[bytes]]] = [] if args.no_seeds else list(seeds())
    drawn = generated(args.generated) if args.generated else []
    for fmt in args.formats:
        documents += [(f"generated{index}", document, fmt, None) for index, document in enumerate(drawn)]
    run(documents, rng)


if __name__ == "__main__":
    main()
