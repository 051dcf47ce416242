"""Testing tools for gongkai and its plugins (``pip install 'gongkai[testing]'``, needs hypothesis).

* :func:`documents` and :func:`ledgers`: hypothesis strategies for realistic, consistent
  disclosures in a region's conventions (:mod:`gongkai.testing.strategies`);
* :func:`differences`: what differs between two documents' tables, cell by cell
  (:mod:`gongkai.testing.compare`);
* :class:`RegionConformance`: ready-made round-trip and detection tests for a region plugin
  (:mod:`gongkai.testing.kit`);
* :func:`print_pdf`, :class:`Layout` and :func:`layouts`: documents printed as PDF the many ways
  real disclosures are (title styles, frames, rules or none, page breaks; needs
  ``gongkai[pdf]``, :mod:`gongkai.testing.layouts`);
* :func:`print_text`, :class:`TextStyle`, :func:`text_styles`, :func:`text_layouts` and
  :func:`printed_texts`: documents printed as tab-separated, markdown, pipe-table or pdftotext-like
  text (:mod:`gongkai.testing.texts`), with the :class:`Variety` of what disclosures print in the
  wild (:func:`varieties`).
* PDFs a reader must refuse (encrypted, scanned, garbled, written object by object):
  :mod:`gongkai.testing.broken`.
"""

from __future__ import annotations

from ..rendering.pdf import PdfStyle
from .compare import differences, table_differences
from .kit import (
    FORMATS,
    RegionConformance,
    assert_change_found,
    assert_round_trip,
    assert_unchanged_without,
    change_one_amount,
    profile_of,
    round_trip,
    unmapped_headers,
    without_region,
)
from .layouts import Layout, Printed, layouts, pdf_styles, print_pdf
from .strategies import TABLES, documents, ledgers
from .texts import TextStyle, print_text, printed_texts, text_layouts, text_styles
from .variety import Variety, varieties

__all__ = [
    "FORMATS",
    "TABLES",
    "Layout",
    "PdfStyle",
    "Printed",
    "RegionConformance",
    "TextStyle",
    "Variety",
    "assert_change_found",
    "assert_round_trip",
    "assert_unchanged_without",
    "change_one_amount",
    "differences",
    "documents",
    "layouts",
    "ledgers",
    "pdf_styles",
    "print_pdf",
    "print_text",
    "printed_texts",
    "profile_of",
    "round_trip",
    "table_differences",
    "text_layouts",
    "text_styles",
    "unmapped_headers",
    "varieties",
    "without_region",
]
