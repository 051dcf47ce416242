"""The markdown reader: headings, tab and pipe tables, and the inline HTML converters leave behind.

Inline tags are markup, not printed text: ``<b>`` and ``<p>`` are dropped, ``<br>`` becomes a
space and a checkbox ``<input>`` becomes ☑ or ☐. Pipe-table delimiter rows and rows of dashes are
layout, not content, and are dropped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..layout import Layout, Line, LineKind
from ..registrations import DEFAULT_LIMITS, Limits, Reader
from .decoding import decode_text, looks_binary, sniffed
from .text import mark_page_numbers, split_lines

# Every pattern here runs on untrusted lines: none may backtrack over a long run of what it
# matches (two \s* side by side, a lazy group before \s*$), so each is linear in its input.
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s(.*)$")
_DELIMITER = re.compile(r"^\|?\s*:?-{2,}:?(?:\s*\|\s*:?-{2,}:?)*\s*\|?$")  # on the stripped line
_DASH_ROW_MARKS = frozenset(" \t\r\f\v|:-")
_INPUT = re.compile(r"<input\b[^<>]*>", re.IGNORECASE)
_CHECKED = re.compile(r"\bchecked\b", re.IGNORECASE)
# a numeric character reference beyond the last code point (U+10FFFF): html.unescape prints it
# as U+FFFD, but would first convert thousands of digits to an int
_HUGE_REFERENCE = re.compile(r"&#(?:[xX]0*[0-9a-fA-F]{7,}|0*[0-9]{8,});?")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_EMPHASIS = re.compile(r"(\*\*|__)(.*?)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|$])")
# what every substitution of strip_inline needs in a fragment: a tag, emphasis, an escape, an entity
_MARKUP = re.compile(r"[<*_\\&]")
_SIGNALS = (
    re.compile(r"^#{1,6}\s", re.MULTILINE),
    re.compile(r"</?(?:b|p|br|strong|input|span|td)\b", re.IGNORECASE),
    re.compile(r"^[ \t]*\|[^\n]*\|[ \t\r]*$", re.MULTILINE),
    re.compile(r"\*\*[^*\n]+\*\*"),
)


def strip_inline(text: str) -> str:
    """Printed text of a markdown fragment: inline HTML and emphasis markers removed."""
    if not _MARKUP.search(text):
        return text  # most cells print no markup: none of the substitutions below would apply
    text = _INPUT.sub(lambda tag: "☑" if _CHECKED.search(tag.group()) else "☐", text)
    text = _BREAK.sub(" ", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return html.unescape(_HUGE_REFERENCE.sub("\ufffd", text))


def markdown_line(number: int, raw: str, page: int | None) -> Line | None:
    """One markdown source line as a layout line, or None for pure layout (table delimiters)."""
    stripped = raw.strip()
    if _DELIMITER.match(stripped) or ("---" in raw and set(raw) <= _DASH_ROW_MARKS):
        return None
    heading = _HEADING.match(raw)
    if heading:
        words = heading.group(2).rstrip().rstrip("#").rstrip()  # closing hashes: ## 标题 ##
        return Line(number, LineKind.HEADING, (strip_inline(words).strip(),), page)
    if "\t" in raw:
        cells = tuple(strip_inline(cell).strip() for cell in raw.split("\t"))
        return Line(number, LineKind.CELLS, cells, page)
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = tuple(strip_inline(cell).strip() for cell in stripped[1:-1].split("|"))
        return Line(number, LineKind.CELLS, cells, page)
    return Line(number, LineKind.TEXT, (strip_inline(raw).rstrip(),), page)


def read_markdown(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> Layout:
    """Read markdown into a layout."""
    pairs = split_lines(decode_text(data, source))
    lines = [
        line
        for number, (raw, page) in enumerate(pairs, start=1)
        if (line := markdown_line(number, raw, page)) is not None
    ]
    pages = max((page for _, page in pairs if page), default=None)
    return Layout(source=source, format="markdown", lines=tuple(mark_page_numbers(lines)), pages=pages)


def sniff_markdown(data: bytes, name: str) -> float:
    """Confidence from markdown's own marks (headings, pipes, inline HTML, emphasis)."""
    data = sniffed(data)
    if not data.strip() or looks_binary(data):
        return 0.0
    try:
        text = data[:262144].decode("utf-8", errors="ignore")
    except LookupError:  # pragma: no cover - utf-8 always exists
        return 0.0
    signals = sum(1 for signal in _SIGNALS if signal.search(text))
    score = {0: 0.0, 1: 0.25}.get(signals, 0.6 + 0.1 * signals)
    if name.lower().endswith((".md", ".markdown")):
        score += 0.15
    return min(score, 1.0)


@hookimpl
def gongkai_readers() -> Sequence[Reader]:
    return [
        Reader(
            name="markdown",
            sniff=sniff_markdown,
            read=read_markdown,
            extensions=(".md", ".markdown"),
            description="markdown: headings, tab and pipe tables, inline HTML",
        )
    ]
