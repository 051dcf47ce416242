"""Real published disclosures gongkai was not built on: every standard table they print is
recognised, and the cells read by hand off the printed pages are parsed exactly.

The documents are in ../shared/corpus and ../shared/pdf (beside the project; never copied into
it) and the tests skip where they are absent. For each document, tests/expected/corpus holds:

* ``STEM.tables.tsv``: every table printed in the document, read by hand (pages, printed number,
  printed title, layout notes), and the canonical table it is (``-`` for tables that are not
  standard tables: charts, unit lists, checklists);
* ``STEM.cells.tsv``: amount cells read by hand off the rendered pages and checked against an
  independent text extraction: page, table title, row code and label, printed column header path
  and the amount as printed (``<blank>`` for a blank cell).

Documents that print only the 情况说明 (their tables are published as another file) have no
tables file: nothing in them is a standard table.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import attrs
import pytest

import gongkai
from gongkai import Cell, Document, Row, Table
from gongkai.canonical import compact
from gongkai.summary import summary_line
from gongkai.titles import number_line, read_title

pytestmark = pytest.mark.pdf

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXPECTED = Path(__file__).parent / "expected" / "corpus"


def _manifest() -> list[str]:
    """The names of the corpus documents (../shared/corpus/MANIFEST.tsv) and the real PDFs."""
    manifest = SHARED / "corpus" / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as handle:
        names = [row["name"] for row in csv.DictReader(handle, delimiter="\t")]
    return names + sorted(path.name for path in (SHARED / "pdf").glob("*.pdf"))


def _source(name: str) -> Path:
    for folder in ("corpus", "pdf"):
        if (SHARED / folder / name).exists():
            return SHARED / folder / name
    pytest.skip(f"{name} is not in ../shared")


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


NAMES = [name for name in _manifest() if not name.endswith(".xlsx")]
_parsed: dict[str, Optional[Document]] = {}


def parsed(name: str) -> Optional[Document]:
    """The document parsed once per test run; None when gongkai finds no standard table in it."""
    if name not in _parsed:
        try:
            _parsed[name] = gongkai.parse(_source(name))
        except gongkai.NotADisclosureError:
            _parsed[name] = None
    return _parsed[name]


def _words(title: str) -> str:
    """What names a table in a printed title: without number, ordinal, year or continuation mark,
    brackets in one width."""
    read = read_title(title)
    words = read.words if read is not None else compact(title)
    return words.replace("（", "(").replace("）", ")")


def _titled(expected: str, parsed_title: Optional[str]) -> bool:
    """Whether a parsed title is the hand-read one: the same words, or the hand-read title ending
    in the parsed one (the hand-read title may keep the body's name gongkai reports apart)."""
    return parsed_title is not None and _words(expected).endswith(_words(parsed_title))


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0]


def _printed_number(number: str) -> Optional[str]:
    """The table number a tables file records, as gongkai reports it: a printed table number
    (公开01表, 表1, 公开表一) and not an ordinal (一、, （一）), else None."""
    found = number_line(number)
    if found is None:
        return None
    text, value = found
    return f"公开{value:02d}表" if text.startswith("公开") and text[2:3].isdigit() and value is not None else text


@pytest.mark.parametrize("name", NAMES)
def test_every_standard_table_printed_is_recognised(name: str) -> None:
    expected_file = EXPECTED / f"{_stem(name)}.tables.tsv"
    document = parsed(name)
    if not expected_file.exists():
        # a 情况说明 published without its tables is a disclosure that prints no table
        assert document is None or not document.tables, f"{name} prints no table, but gongkai read {document.tables}"
        return
    printed = [row for row in _tsv(expected_file) if row["table"] != "-"]
    assert document is not None, f"{name}: no standard table recognised"
    assert [(table.id, table.pages[:1]) for table in document.tables] == [
        (row["table"], (int(row["first_page"]),)) for row in printed
    ]
    assert [table.number for table in document.tables] == [_printed_number(row["number"]) for row in printed]
    for table, row in zip(document.tables, printed):
        assert table.pages[-1] == int(row["last_page"]), (table.title, table.pages)
        assert _titled(row["title"], table.title), (table.title, row["title"])
        assert table.identification is not None and table.identification.by


def _cells(table: Table, code: str, label: str) -> Iterator[tuple[Row, Cell]]:
    for row in table.rows:
        if (
            (code and row.code == code)
            or (not code and label and row.code is None and row.label == label)
            or (not code and not label and row.code is None)
        ):
            yield from ((row, cell) for cell in row.cells)


def _same(a: str, b: str) -> bool:
    return compact(a).replace("（", "(").replace("）", ")") == compact(b).replace("（", "(").replace("）", ")")


@pytest.mark.parametrize("name", [name for name in NAMES if (EXPECTED / f"{_stem(name)}.cells.tsv").exists()])
def test_cells_read_by_hand_are_parsed_exactly(name: str) -> None:
    """Each hand-read cell is found under its printed column label, in its row, on its page, and
    its printed text is parsed unaltered (a blank cell as blank)."""
    document = parsed(name)
    expected = _tsv(EXPECTED / f"{_stem(name)}.cells.tsv")
    assert len(expected) >= 20 or document is None
    assert document is not None
    problems = []
    for cell in expected:
        raw = "" if cell["raw"] == "<blank>" else cell["raw"]
        page = int(cell["page"])
        tables = [t for t in document.tables if _titled(cell["title"], t.title)]
        found = [
            (row, parsed_cell)
            for table in tables
            for row, parsed_cell in _cells(table, cell["code"], compact(cell["label"]))
            if parsed_cell.provenance.page == page and _same("/".join(parsed_cell.header), cell["column"])
        ]
        where = f"p{page} {cell['title']} {cell['code']} {cell['label']} [{cell['column']}]"
        if not found:
            problems.append(f"{where}: not parsed")
        elif all(parsed_cell.raw != raw for _, parsed_cell in found):
            problems.append(f"{where}: printed {raw!r}, parsed {[c.raw for _, c in found]}")
    assert not problems, "\n".join(problems)


# -- saying what was read, and accusing only what the page shows ---------------------------------


def _findings_of(name: str) -> list[gongkai.Finding]:
    document = parsed(name)
    return [] if document is None else list(document.findings)


@pytest.mark.parametrize("name", NAMES)
def test_every_error_is_an_inconsistency_of_the_printed_document(name: str) -> None:
    """The error-level findings are exactly those tests/expected/corpus/errors.tsv lists, each
    verified on the printed page: nothing gongkai failed to read becomes an accusation."""
    listed = [row for row in _tsv(EXPECTED / "errors.tsv") if row["document"] == name]
    errors = [f for f in _findings_of(name) if f.severity is gongkai.Severity.ERROR]
    found = sorted(
        (f.check, f.table or "", f.row or "", f.column or "", f.printed or "", str(f.provenance.page or ""))
        for f in errors
    )
    expected = sorted((r["check"], r["table"], r["row"], r["column"], r["printed"], r["page"]) for r in listed)
    assert found == expected, "\n".join(f.message for f in errors)


@pytest.mark.parametrize("name", NAMES)
def test_a_missing_table_is_one_the_document_does_not_print(name: str) -> None:
    """Every “missing table” finding names a table absent from the printed document (the hand-read
    list of its tables); a table printed but not read is reported as not read instead."""
    tables_file = EXPECTED / f"{_stem(name)}.tables.tsv"
    printed = {row["table"] for row in _tsv(tables_file)} if tables_file.exists() else set()
    missing = [f for f in _findings_of(name) if f.check in ("completeness.standard", "completeness.toc") and f.checked]
    assert not [f.message for f in missing if f.table in printed]


def test_the_summary_says_at_a_glance_what_was_read_of_each_document() -> None:
    """``gongkai parse --summary`` prints one line a document; these are pinned."""
    if not NAMES:
        pytest.skip("../shared/corpus is not here")
    lines = []
    for name in NAMES:
        document = parsed(name)
        lines.append(
            f"{name}: not a disclosure" if document is None else summary_line(attrs.evolve(document, source=name))
        )
    expected = (EXPECTED / "summary.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [line for line in expected if line and not line.startswith("#")]
