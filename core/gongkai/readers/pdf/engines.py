"""The engines that read a PDF's pages into :class:`~.content.RawPage` records, and what they share.

* ``pdfminer``: pdfminer.six (:mod:`.interpret`), the reference engine;
* ``pdfium``: pypdfium2 (:mod:`.pdfium`), the faster one (PDFium is C++);
* ``auto``: pdfium where pypdfium2 is installed, else pdfminer.

Both raise the same errors for the same reasons: the messages are phrased here. This module
imports neither engine, so that choosing one needs neither installed.
"""

from __future__ import annotations

import importlib.util

from ...errors import LimitError
from ...registrations import DEFAULT_PDF_ENGINE

ENGINES = ("auto", "pdfium", "pdfminer")
#: The engine a PDF is read with unless the caller chooses another: pdfminer, the reference.
#: pdfium reads the same documents (tests/test_pdf_engines.py), faster.
DEFAULT_ENGINE = DEFAULT_PDF_ENGINE


def resolve(engine: str) -> str:
    """The engine ``engine`` names: ``auto`` is ``pdfium`` when pypdfium2 is importable, else
    ``pdfminer``; a ValueError for a name not in :data:`ENGINES`."""
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}: one of {', '.join(ENGINES)}")
    if engine != "auto":
        return engine
    return "pdfium" if importlib.util.find_spec("pypdfium2") is not None else "pdfminer"


def why(error: BaseException) -> str:
    """An exception as a short phrase on one line, for the one-line error message."""
    text = " ".join(str(error).split())
    text = text if len(text) <= 100 else text[:99] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def encrypted(error: Exception) -> str:
    """The message for a PDF that needs a password."""
    detail = f" ({' '.join(str(error).split())})" if str(error).strip() else ""
    return f"the PDF is encrypted and needs a password{detail}; save a decrypted copy first"


def check_page_count(count: int, source: str, max_pages: int) -> None:
    """Raise LimitError for a PDF of more than ``max_pages`` pages."""
    if count > max_pages:
        raise LimitError(
            source, f"the PDF has {count} pages, over the limit of {max_pages} (raise it with --max-pages)"
        )


def too_many_objects(source: str, page: int, max_objects: int) -> LimitError:
    """The error of a page that draws more than ``max_objects`` objects (either engine)."""
    return LimitError(
        source, f"page {page} of the PDF draws more than {max_objects:,} objects (raise it with --max-objects)"
    )


def forms_too_deep(source: str, page: int, max_depth: int) -> LimitError:
    """The error of a page that draws forms within forms more than ``max_depth`` deep (either engine)."""
    return LimitError(
        source,
        f"page {page} of the PDF draws forms within forms more than {max_depth} deep (raise it with --max-depth)",
    )
