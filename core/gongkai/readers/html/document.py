"""Reading an HTML page into a :class:`~gongkai.layout.Layout`: decode, refuse if hostile,
parse safely, nest as a browser does, lay out as lines.

An HTML page has no pages and no printed line numbers: a line's number is its place among the
lines of the page's text as :mod:`gongkai.readers.html.blocks` lays it out (the n-th heading, table row
or block of text), not a line of the HTML source. Numbers run 1, 2, 3 … in reading order, so that
they identify lines as segmentation and provenance expect.
"""

from __future__ import annotations

from ...errors import UnsafeInputError
from ...layout import Layout, Line
from ...registrations import DEFAULT_LIMITS, Limits
from .blocks import page_pieces
from .decoding import decode_html, strip_xml_declaration
from .safety import parse_bounded, refuse_declarations
from .tables import GridTooLarge
from .voids import unnest_voids


def read_html(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> Layout:
    """The layout of the HTML page ``data``; InputError if it is not text, UnsafeInputError if it
    is refused as hostile (entities, external references, tables too large), LimitError past
    the nesting or the elements ``limits`` allow."""
    text = strip_xml_declaration(decode_html(data, source))
    refuse_declarations(text, source)
    root = parse_bounded(text, source, limits.max_depth, limits.max_objects)
    if root is not None:
        unnest_voids(root)
    try:
        pieces = page_pieces(root) if root is not None else []
    except GridTooLarge as error:
        raise UnsafeInputError(source, f"refused as unsafe: {error}") from None
    lines = tuple(Line(number, kind, cells) for number, (kind, cells) in enumerate(pieces, start=1))
    return Layout(source=source, format="html", lines=lines, pages=None)
