"""A mutant: a document with one planted error, the check that must find it, and the line of
its narrative changed; made by editing a line or adding lines."""

from __future__ import annotations

from typing import Optional

import attrs

from ...schema import Document, Provenance, TextLine

# class of error → the check that must find it (a “三公” table of nothing: text.amount finds the
# amount the text gives it; the check a mutant names is in Mutant.check)
CLASSES: dict[str, str] = {
    "amount": "text.amount",
    "zero-total": "text.amount",
    "unit": "text.unit",
    "change": "text.change",
    "direction": "text.direction",
    "share": "text.share",
    "rate": "text.rate",
    "year": "text.year",
    "three-public": "text.zero",
    "placeholder": "meta.placeholder",
    "punctuation": "text.punctuation",
    "toc": "completeness.toc-order",
}


@attrs.frozen
class Mutant:
    """A document with one planted error: its class, the check that must find it, and the line
    of the narrative changed (``before`` → ``after``; ``before`` is None for an added line), or,
    for two entries of the 目录 changing places, the source lines they are printed on
    (``swapped``; ``line`` is then -1)."""

    kind: str
    check: str
    document: Document
    line: int
    before: Optional[str]
    after: str
    swapped: Optional[tuple[int, int]] = None


def edited(document: Document, index: int, text: str, kind: str) -> Mutant:
    """A mutant of class ``kind``: ``document`` with narrative line ``index`` printed as ``text``."""
    lines = list(document.narrative)
    before = lines[index].text
    lines[index] = attrs.evolve(lines[index], text=text)
    return Mutant(kind, CLASSES[kind], attrs.evolve(document, narrative=tuple(lines)), index, before, text)


def inserted(document: Document, index: int, text: str, kind: str) -> Mutant:
    """A mutant of class ``kind``: ``document`` with ``text`` (lines separated by newlines) added
    after narrative line ``index``."""
    lines = list(document.narrative)
    anchor = lines[index].provenance if lines else Provenance()
    lines[index + 1 : index + 1] = [TextLine(part, anchor) for part in text.split("\n")]
    return Mutant(kind, CLASSES[kind], attrs.evolve(document, narrative=tuple(lines)), index + 1, None, text)
