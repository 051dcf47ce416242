"""Memory and time on long PDFs: peak resident memory (target: at most 300 MiB for 1,000 pages)
and seconds per page at two lengths (the cost must grow linearly with the pages), each beside
pdfminer.six reading the same file's pages on its own, the reference, run the same way.

The long documents are a seed disclosure whose largest table is repeated until the document has
about the pages asked for, printed by gongkai's own PDF renderer.

    python benchmarks/long_document.py                  # about 100 and 1,000 pages
    python benchmarks/long_document.py --pages 200,2000 --engine pdfium --check

Needs the pdf extra: pip install -e '.[pdf]'.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import attrs
from peak import measure  # benchmarks/peak.py, beside this script

import gongkai
from gongkai.manager import Registry, default_plugin_manager
from gongkai.rendering import lay_out

TARGET_MIB = 300
SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "002_99a0e79d6e43ffbd.txt"
ROWS_PER_PAGE = 40  # of the repeated table, as the renderer prints it
PDFMINER = "import sys\nfrom pdfminer.high_level import extract_pages\nfor _ in extract_pages(sys.argv[1]): pass\n"


def long_pdf(pages: int, path: Path) -> int:
    """Write a disclosure of about ``pages`` pages to ``path``; its number of pages."""
    document = gongkai.parse(SEED)
    longest = max(document.tables, key=lambda table: len(table.rows))
    copies = max(1, pages * ROWS_PER_PAGE // len(longest.rows))
    rows = longest.rows + longest.rows[1:] * copies
    tables = tuple(attrs.evolve(t, rows=rows) if t is longest else t for t in document.tables)
    renderer = Registry.collect(default_plugin_manager()).renderer("pdf")
    path.write_bytes(renderer.render(lay_out(attrs.evolve(document, tables=tables), None)))
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as stream:
        return sum(1 for _ in PDFPage.get_pages(stream))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="100,1000", help="the lengths to try (default: 100,1000)")
    parser.add_argument("--engine", default="pdfminer", help="the PDF engine of gongkai parse (default: pdfminer)")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if the longest is over {TARGET_MIB} MiB")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for asked in (int(value) for value in args.pages.split(",")):
            path = Path(scratch) / f"long-{asked}.pdf"
            pages = long_pdf(asked, path)
            parse = [sys.executable, "-m", "gongkai", "parse", str(path), "--pdf-engine", args.engine]
            ours = measure([*parse, "-o", str(path) + ".json"])
            if ours["code"] != 0:
                print(f"gongkai parse failed on {pages} pages (exit {ours['code']:.0f})", file=sys.stderr)
                return 2
            reference = measure([sys.executable, "-c", PDFMINER, str(path)])
            rows.append((pages, ours, reference))
    print(f"{'pages':>6} {'peak MiB':>9} {'× pdfminer':>10} {'ms/page':>8} {'× pdfminer':>10}")
    for pages, ours, reference in rows:
        print(
            f"{pages:>6} {ours['peak_mib']:>9.0f} {ours['peak_mib'] / reference['peak_mib']:>9.2f}× "
            f"{1000 * ours['seconds'] / pages:>8.1f} {ours['seconds'] / reference['seconds']:>9.2f}×"
        )
    (short, first, _), (long, last, _) = rows[0], rows[-1]
    growth = (last["seconds"] / long) / (first["seconds"] / short)
    print(f"time per page, {long} against {short} pages: {growth:.2f}× (linear: about 1 or less)")
    print(f"peak memory on {long} pages: {last['peak_mib']:.0f} MiB (target ≤ {TARGET_MIB})")
    return 1 if args.check and last["peak_mib"] > TARGET_MIB else 0


if __name__ == "__main__":
    sys.exit(main())
