"""The two PDF engines read the same documents: pypdfium2 (``pdfium``) against pdfminer.six (the
reference), over generated layouts and the real PDFs in ../shared/pdf (where present).

Same tables (id, title, number, pages), rows (label, code), cells (column, raw text, status,
value, page) and every box within half a point.

Known differences, kept visible as expected failures (pdfminer stays the default engine until they
are gone): on a page turned by /Rotate 90 whose content is drawn turned back
(``PdfStyle(rotation="page")``), PDFium's text page leaves out most of the Chinese text; and over
generated layouts in general, some glyphs PDFium's text page drops or merges (a header word set
letter by letter down its cell, 金/额) change a row here and there. Failing examples are not
shrunk (``phases``): the suite's time budget is small.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Document

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")
pytest.importorskip("pypdfium2")

from gongkai.testing import Layout, PdfStyle, documents, layouts, pdf_styles, print_pdf  # noqa: E402

# the same place test_pdf_real.py finds the shared PDFs: ../shared/pdf beside the project
SHARED = Path(__file__).resolve().parents[2] / "shared" / "pdf"
TOLERANCE = 0.5  # points


def _boxes_differ(a: Optional[tuple[float, ...]], b: Optional[tuple[float, ...]]) -> bool:
    if a is None or b is None:
        return a is not b
    return any(abs(x - y) > TOLERANCE for x, y in zip(a, b))


def _cells(document: Document) -> Iterator[tuple[str, Any, Any]]:
    """What must agree, as (where, pdfminer's or pdfium's value, its box) triples."""
    for table in document.tables:
        yield table.id, (table.title, table.number, table.pages, len(table.rows)), table.provenance.bbox
        for r, row in enumerate(table.rows):
            where = f"{table.id} row {r}"
            yield where, (row.label, row.code, row.provenance.page, len(row.cells)), row.provenance.bbox
            for cell in row.cells:
                fields = (cell.column, cell.raw, cell.status, cell.value, cell.provenance.page)
                yield f"{where} {cell.column}", fields, cell.provenance.bbox


def disagreements(reference: Document, other: Document) -> list[str]:
    """Where ``other`` (pdfium's) differs from ``reference`` (pdfminer's): empty when they agree."""
    found: list[str] = []
    if [t.id for t in reference.tables] != [t.id for t in other.tables]:
        return [f"tables {[t.id for t in reference.tables]} != {[t.id for t in other.tables]}"]
    for (where, mine, box), (_, theirs, their_box) in zip(_cells(reference), _cells(other)):
        if mine != theirs:
            found.append(f"{where}: {mine} != {theirs}")
        elif _boxes_differ(box, their_box):
            found.append(f"{where}: box {box} != {their_box}")
    return found


def _both(data: bytes, name: str) -> tuple[Document, Document]:
    return (
        gongkai.parse(data, name=name, pdf_engine="pdfminer", checks=False),
        gongkai.parse(data, name=name, pdf_engine="pdfium", checks=False),
    )


@pytest.mark.parametrize("path", sorted(SHARED.glob("*.pdf")) if SHARED.is_dir() else [], ids=lambda p: p.name)
def test_real_pdfs_read_the_same_with_both_engines(path: Path) -> None:
    reference, other = _both(path.read_bytes(), path.name)
    assert reference.tables, "the reference engine reads tables"
    assert disagreements(reference, other) == []


def test_the_shared_pdfs_are_found_where_present() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here (the shared PDFs live beside the project)")
    assert list(SHARED.glob("*.pdf"))


# generated layouts: every drawing style but a page turned by /Rotate 90 (see the module's note)
_STYLES = pdf_styles().filter(lambda style: style.rotation != "page")


_FAST = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "derandomize": True}
_NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]


@pytest.mark.xfail(reason="PDFium's text page drops or merges some glyphs of generated layouts", strict=False)
@settings(max_examples=6, phases=_NO_SHRINK, **_FAST)
@given(documents(), layouts(_STYLES))
def test_generated_layouts_read_the_same_with_both_engines(document: Document, layout: Layout) -> None:
    reference, other = _both(print_pdf(document, layout).data, "generated.pdf")
    assert disagreements(reference, other) == []


@pytest.mark.xfail(reason="PDFium's text page drops or merges some glyphs of generated layouts", strict=False)
@settings(max_examples=4, phases=_NO_SHRINK, **_FAST)
@given(documents(), st.sampled_from(["none", "sideways"]), st.booleans())
def test_turned_and_figures_apart_read_the_same(document: Document, rotation: str, apart: bool) -> None:
    style = PdfStyle(rotation=rotation, digits_apart=apart, digit_rise=1.5 if apart else 0.0)
    reference, other = _both(print_pdf(document, Layout(pdf=style)).data, "generated.pdf")
    assert disagreements(reference, other) == []


@pytest.mark.xfail(reason="PDFium's text page drops most text of a /Rotate 90 page drawn turned back", strict=False)
@settings(max_examples=1, phases=_NO_SHRINK, **_FAST)
@given(documents())
def test_a_page_turned_by_rotate_reads_the_same(document: Document) -> None:
    reference, other = _both(print_pdf(document, Layout(pdf=PdfStyle(rotation="page"))).data, "turned.pdf")
    assert disagreements(reference, other) == []
