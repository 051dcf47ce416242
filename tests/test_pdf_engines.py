"""The two PDF engines read the same documents: pypdfium2 (``pdfium``) against pdfminer.six (the
reference), over every kind of PDF the tests make and the real PDFs beside the project.

The same document field by field (what it is, its tables, rows and cells, findings, narrative
and contents), every box within half a point: over generated layouts of every drawing style
(pages turned by /Rotate, prints turned sideways, figures of running text set apart, fake bold,
rules drawn as rectangles...), a page exercising the text state, form XObjects and clipping
glyph by glyph, and the real PDFs in ../shared/pdf and ../shared/corpus (where present). A PDF
neither engine can read raises the same error with both (:mod:`gongkai.testing.broken`).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings

import gongkai
from gongkai import Document
from gongkai.errors import GongkaiError, InputError
from gongkai.registrations import Limits
from gongkai.samples import sample_path

from .test_cli import run, text

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")
pytest.importorskip("pypdfium2")

from gongkai.readers.pdf.content import Glyph  # noqa: E402
from gongkai.readers.pdf.document import read_pages  # noqa: E402
from gongkai.testing import Layout, documents, layouts, pdf_styles, print_pdf  # noqa: E402
from gongkai.testing.broken import garbled_pdf, raw_pdf, scanned_pdf, text_pdf  # noqa: E402
from gongkai.testing.layouts import digits_apart  # noqa: E402

# the same places test_pdf_real.py and test_corpus.py find the shared PDFs: beside the project
SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = sorted(SHARED.glob("pdf/*.pdf")) + sorted(SHARED.glob("corpus/*.pdf"))
TOLERANCE = 0.5  # points


def differences(reference: Any, other: Any, where: str = "document") -> Iterator[str]:
    """Where ``other`` (read with pdfium) differs from ``reference`` (pdfminer): attrs records
    field by field, sequences item by item, numbers of points within the tolerance."""
    if attrs.has(type(reference)) and type(reference) is type(other):
        for field in attrs.fields(type(reference)):
            yield from differences(getattr(reference, field.name), getattr(other, field.name), f"{where}.{field.name}")
    elif isinstance(reference, (tuple, list)) and isinstance(other, (tuple, list)):
        if len(reference) != len(other):
            yield f"{where}: {len(reference)} items != {len(other)}"
        for index, (mine, theirs) in enumerate(zip(reference, other)):
            yield from differences(mine, theirs, f"{where}[{index}]")
    elif isinstance(reference, float) and isinstance(other, float):
        if abs(reference - other) > TOLERANCE:
            yield f"{where}: {reference} != {other}"
    elif reference != other:
        yield f"{where}: {reference!r} != {other!r}"


def assert_same(data: bytes, name: str) -> Document:
    """Parse ``data`` with both engines and assert the documents are the same; the reference's."""
    reference = gongkai.parse(data, name=name, pdf_engine="pdfminer")
    other = gongkai.parse(data, name=name, pdf_engine="pdfium")
    found = list(differences(reference, other))
    assert found == [], "\n".join(found[:20])
    return reference


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_real_pdfs_read_the_same_with_both_engines(path: Path) -> None:
    assert_same(path.read_bytes(), path.name)


def test_the_shared_pdfs_are_found_where_present() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here (the shared PDFs live beside the project)")
    assert REAL


_CI = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow], "derandomize": True}
_NO_SHRINK = [Phase.explicit, Phase.generate]  # the time budget is small: no shrinking


@settings(max_examples=40, phases=_NO_SHRINK, **_CI)
@given(documents(), layouts())
def test_generated_layouts_read_the_same_with_both_engines(document: Document, layout: Layout) -> None:
    assert_same(print_pdf(document, layout).data, "generated.pdf")


@settings(max_examples=8, phases=_NO_SHRINK, **_CI)
@given(documents(), layouts(digits_apart(pdf_styles())))
def test_figures_set_apart_read_the_same_with_both_engines(document: Document, layout: Layout) -> None:
    assert_same(print_pdf(document, layout).data, "generated.pdf")


def _text_state_pdf() -> bytes:
    """Two pages of what disclosures' writers draw text with: character and word spacing,
    horizontal scaling, rise, kerning in TJ, a form XObject drawn scaled and turned with a
    clipping path inside it, clipping on the page, text turned by 90 and 180 degrees, fake bold,
    invisible and white text, a font written downwards; the second page turned by /Rotate 180.
    (A form starts with the text state of the page, which pdfminer resets: it is reset here
    before the form is drawn, as writers do.)"""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    downwards = UnicodeCIDFont("STSong-Light", isVertical=True)
    downwards.name = downwards.fontName = "STSong-Light-Vertical"  # not to replace the upright one
    pdfmetrics.registerFont(downwards)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(600, 800))
    canvas.setFont("STSong-Light", 10)
    canvas.drawString(50, 750, "普通文字 plain 123")
    text = canvas.beginText(50, 730)
    text.setFont("Helvetica", 10)
    text.setHorizScale(80)
    text.setCharSpace(1)
    text.setWordSpace(3)
    text.textOut("Scaled words and spacing")
    canvas.drawText(text)
    text = canvas.beginText(50, 710)
    text.setFont("Helvetica", 10)
    text.setRise(2)
    text.textOut("risen 42")
    canvas.drawText(text)
    canvas._code.append("BT /F1 10 Tf 50 690 Td [(Ke) -200 (rn) 300 (ed)] TJ ET")
    canvas._code.append("BT 0 Tc 0 Tw 100 Tz 0 Ts ET")
    _draw_forms(canvas)
    _draw_turned_and_clipped(canvas)
    canvas.setFont("STSong-Light-Vertical", 12)
    canvas.drawString(520, 700, "竖排文字ab12")
    canvas.showPage()
    canvas.setPageRotation(180)
    canvas.setFont("STSong-Light", 12)
    canvas.drawString(100, 100, "第二页倒置")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_forms(canvas: Any) -> None:
    canvas.beginForm("cell")
    canvas.setFont("STSong-Light", 9)
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(0, 0, 40, 20)
    canvas.clipPath(path, stroke=0)
    canvas.drawString(2, 5, "表单内剪裁的文字很长很长")
    canvas.restoreState()
    canvas.drawString(2, 30, "表单")
    canvas.endForm()
    for move in ((300, 600, 0, 1.5), (100, 500, 90, 1.0)):
        canvas.saveState()
        canvas.translate(move[0], move[1])
        canvas.rotate(move[2])
        canvas.scale(move[3], move[3])
        canvas.doForm("cell")
        canvas.restoreState()


def _draw_turned_and_clipped(canvas: Any) -> None:
    canvas.setFont("STSong-Light", 9)
    for x, angle, words in ((400, 90, "竖排转向"), (450, 180, "倒转")):
        canvas.saveState()
        canvas.translate(x, 300)
        canvas.rotate(angle)
        canvas.drawString(0, 0, words)
        canvas.restoreState()
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(50, 400, 30, 20)
    canvas.clipPath(path, stroke=0)
    canvas.drawString(52, 405, "页面剪裁的文字很长")
    canvas.restoreState()
    canvas.drawString(50, 380, "合计")
    canvas.drawString(50.3, 380, "合计")
    canvas._code.append("BT /F1 10 Tf 3 Tr 50 360 Td (invisible) Tj ET")
    canvas.setFillColorRGB(1, 1, 1)
    canvas.drawString(50, 340, "白字")
    canvas.setFillColorRGB(0, 0, 0)
    canvas.rect(40, 300, 200, 100)


def _printed(glyph: Glyph) -> bool:
    # a run of spaces within one text object is one space on PDFium's text page (all but the
    # last of a run ending its object are left out): spaces are compared through the documents
    return glyph.text is None or not glyph.text.isspace()


def test_text_state_forms_and_clipping_read_the_same_glyph_by_glyph() -> None:
    data = _text_state_pdf()
    reference, other = (
        list(read_pages(data, "state.pdf", Limits(max_pages=10, pdf_engine="pdfminer"))),
        list(read_pages(data, "state.pdf", Limits(max_pages=10, pdf_engine="pdfium"))),
    )
    assert len(reference) == len(other) == 2
    for mine, theirs in zip(reference, other):
        assert list(differences(mine.width, theirs.width)) == [] and mine.height == pytest.approx(theirs.height)
        found = list(differences([g for g in mine.glyphs if _printed(g)], [g for g in theirs.glyphs if _printed(g)]))
        assert found == [], "\n".join(found[:20])
        rules = [sorted(page.segments, key=attrs.astuple) for page in (mine, theirs)]
        assert list(differences(*rules)) == []


ENGINES = ("auto", "pdfium", "pdfminer")


def _sample_pdf() -> bytes:
    """The sample disclosure shipped with gongkai, printed as PDF."""
    return print_pdf(gongkai.parse(sample_path(), checks=False)).data


TITLE_PAGE = ["2024年度 样例局 部门决算", "收入支出决算总表", "单位：万元"]
BROKEN: dict[str, Callable[[], bytes]] = {
    "encrypted": lambda: text_pdf([TITLE_PAGE], encrypt="secret"),
    "scanned": scanned_pdf,
    "garbled": garbled_pdf,
    "truncated": lambda: text_pdf([TITLE_PAGE])[:2000],
    "corrupt": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n",
    "no pages": lambda: raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]),
    "over the page limit": lambda: text_pdf([TITLE_PAGE, ["第二页"], ["第三页"]]),
    "not a disclosure": lambda: text_pdf([["一页普通的文字"]]),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_pdf_neither_engine_reads_raises_the_same_error_with_both(case: str) -> None:
    data = BROKEN[case]()
    raised: list[GongkaiError] = []
    for engine in ("pdfminer", "pdfium"):
        with pytest.raises(GongkaiError) as error:
            gongkai.parse(data, name=f"{case}.pdf", pdf_engine=engine, max_pages=2)
        raised.append(error.value)
    assert type(raised[0]) is type(raised[1]), raised
    assert raised[0].exit_code == raised[1].exit_code


def test_the_command_line_reads_with_the_engine_chosen(tmp_path: Path) -> None:
    path = tmp_path / "sample.pdf"
    path.write_bytes(_sample_pdf())
    outputs = [run("parse", str(path), "--pdf-engine", engine, "--format", "csv", cwd=tmp_path) for engine in ENGINES]
    for result in outputs:
        assert result.returncode == 0, text(result.stderr)
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    refused = run("parse", str(path), "--pdf-engine", "pdfplumber", cwd=tmp_path)
    assert refused.returncode != 0 and "--pdf-engine" in text(refused.stderr)


def test_without_pypdfium2_pdfium_says_how_to_install_it_and_auto_takes_pdfminer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _sample_pdf()
    for name in [name for name in sys.modules if name.startswith(("pypdfium2", "gongkai.readers.pdf.pdfium"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # what a missing package looks like to import
    with pytest.raises(InputError) as raised:
        gongkai.parse(data, name="sample.pdf", pdf_engine="pdfium", checks=False)
    assert "pypdfium2" in str(raised.value) and "pip install 'gongkai[pdf]'" in str(raised.value)
    assert gongkai.parse(data, name="sample.pdf", pdf_engine="auto", checks=False).tables
