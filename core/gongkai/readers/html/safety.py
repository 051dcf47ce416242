"""Refusing hostile pages, before and while lxml parses them.

Before parsing, a page is refused if it declares entities (``<!ENTITY``: "billion laughs" expand
without bound, external ones fetch files or URLs) or if its document type declaration's internal
subset refers outside the file (SYSTEM or PUBLIC identifiers, parameter entities). Web pages have
no use for either; lxml's HTML parser would ignore them, and refusing them keeps it that way
whatever parser a later version uses.

While parsing, lxml's HTML parser touches no network, keeps no comments or processing
instructions and keeps libxml2's limits (no ``huge_tree``); it never resolves entities or loads a
DTD. It builds the tree from events, so the depth of nesting is counted as the page is read,
without Python recursion: a page nested deeper than the depth limit (:data:`MAX_DEPTH` at most),
or holding more elements than the objects limit (a table of millions of cells), is refused as soon as it is, before
the rest of it is parsed into memory.
"""

from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from ...errors import LimitError, UnsafeInputError
from ...registrations import DEFAULT_MAX_DEPTH, DEFAULT_MAX_OBJECTS

# libxml2's own limit without huge_tree: deeper, it stops the parse and silently drops the rest
MAX_DEPTH = 256
_CHUNK = 65536  # characters fed to the parser at a time

_ENTITY = re.compile(r"<!\s*ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE\b[^>\[]*\[", re.IGNORECASE)
_OUTSIDE_REFERENCE = re.compile(r"\b(?:SYSTEM|PUBLIC)\b|%[\w.:-]+;", re.IGNORECASE)


def refuse_declarations(text: str, source: str) -> None:
    """Raise UnsafeInputError if ``text`` declares entities or its document type declaration's
    internal subset refers to anything outside the file."""
    if _ENTITY.search(text):
        raise UnsafeInputError(source, "refused as unsafe: the page declares entities (<!ENTITY …>)")
    subset = _INTERNAL_SUBSET.search(text)
    if subset is None:
        return
    end = text.find("]", subset.end())
    if _OUTSIDE_REFERENCE.search(text, subset.end(), end if end >= 0 else len(text)):
        raise UnsafeInputError(
            source, "refused as unsafe: its document type declaration refers to external entities or DTDs"
        )


def safe_parser() -> etree.HTMLPullParser:
    """An lxml HTML parser that reports start and end events and touches nothing outside the text."""
    return etree.HTMLPullParser(
        events=("start", "end"), no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )


def parse_bounded(
    text: str, source: str, max_depth: int = DEFAULT_MAX_DEPTH, max_elements: int = DEFAULT_MAX_OBJECTS
) -> Optional[etree._Element]:
    """The root element of the page ``text`` (None if it holds no element), refused as soon as
    elements nest more than ``max_depth`` deep or number more than ``max_elements`` (a table of
    millions of cells): LimitError, or UnsafeInputError past :data:`MAX_DEPTH`, libxml2's own
    limit, whatever ``max_depth`` allows."""
    parser = safe_parser()
    depth = elements = 0
    deepest = min(max_depth, MAX_DEPTH)

    def follow() -> None:
        nonlocal depth, elements
        for event, _ in parser.read_events():
            opened = event == "start"
            depth += 1 if opened else -1
            elements += opened
            if depth > deepest:
                raise _too_deep(source, deepest, max_depth)
            if elements > max_elements:
                raise LimitError(
                    source, f"the page has more than {max_elements:,} elements (raise it with --max-objects)"
                )

    for start in range(0, len(text), _CHUNK):
        parser.feed(text[start : start + _CHUNK])
        follow()
    root = parser.close()
    follow()
    return root


def _too_deep(source: str, deepest: int, max_depth: int) -> Exception:
    if max_depth < MAX_DEPTH:
        return LimitError(source, f"elements are nested more than {deepest} deep (raise it with --max-depth)")
    return UnsafeInputError(source, f"refused as unsafe: elements are nested more than {deepest} deep")
