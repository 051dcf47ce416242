"""Reading HTML disclosures into a :class:`~gongkai.layout.Layout` (the ``gongkai[html]`` extra).

Its parts: :mod:`.decoding` (the page's encoding), :mod:`.safety` (refusing hostile pages),
:mod:`.document` (parsing safely with lxml and laying the text out as numbered lines),
:mod:`.blocks` (the page as lines in reading order) and :mod:`.tables` (tables' spans expanded
into grids).

This module is the reader plugin: it is registered always and imports lxml only when an HTML
page is read, so that the core works without the extra.

Sniffing needs no lxml: a page is recognised by its opening (``<!DOCTYPE html`` or ``<html``
after a byte-order mark, white space, comments and an XML declaration) or by the table markup it
holds. For an HTML page a line number is the n-th line of the page's text as the reader lays it
out (see :mod:`gongkai.readers.html.document`), not a line of the HTML source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...errors import InputError
from ...hookspecs import hookimpl
from ...layout import Layout
from ...registrations import Limits, Reader
from .decoding import ascii_head  # plain Python: lxml is imported only to read a page

EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")

# each part of the prolog matches one way only (single white-space characters, comments that
# cannot run past their end), so that a failed match cannot backtrack exponentially
_OPENING = re.compile(
    r"(?:\s|<!--(?:(?!-->).)*-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_ROW = re.compile(r"<t[rd]\b", re.IGNORECASE)
_TAG = re.compile(r"<(?:body|head|div|p|span|h[1-6]|br|meta|title|a|ul|li)\b", re.IGNORECASE)


def sniff_html(data: bytes, name: str) -> float:
    """High confidence for a page that opens as HTML or holds table rows, a little more with an
    HTML file name; moderate for other markup in a file named as HTML."""
    head = ascii_head(data)
    if not head.strip():
        return 0.0
    named = name.lower().endswith(EXTENSIONS)
    if _OPENING.match(head) or (_TABLE.search(head) and _ROW.search(head)):
        return 0.95 if named else 0.9
    return 0.6 if named and _TAG.search(head) else 0.0


def read_html(data: bytes, source: str, limits: Limits) -> Layout:
    """Read an HTML page within the nesting and the elements ``limits`` allow (it has no pages);
    an InputError says how to install the extra when lxml is missing."""
    try:
        from .document import read_html as read
    except ImportError as error:
        if not (error.name or "").startswith("lxml"):
            raise
        raise InputError(
            source, f"reading HTML needs the html extra: pip install 'gongkai[html]' ({error.name} is missing)"
        ) from None
    return read(data, source, limits)


@hookimpl
def gongkai_readers() -> Sequence[Reader]:
    return [
        Reader(
            name="html",
            sniff=sniff_html,
            read=read_html,
            extensions=EXTENSIONS,
            description="HTML pages: tables with rowspan/colspan, headings and text, via lxml",
        )
    ]
