"""The finding a check of the 情况说明 reports on one of its claims."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from ..schema import Finding, Severity
from .claims import Sentence
from .compare import Place, judged


def claim_finding(
    check: str,
    severity: Severity,
    message: str,
    sentence: Sentence,
    offset: int,
    printed: Optional[str],
    expected: Optional[str],
    place: Optional[Place] = None,
    places: Sequence[Place] = (),
) -> Finding:
    """The finding of ``check`` on the claim at ``offset`` of ``sentence``: what it printed and what
    the check expected, the cell it is about; judged by the ``places`` it was compared with (a
    warning, not an error, where one of them was read with doubt)."""
    provenance = sentence.provenance(offset)
    confidence = 1.0
    if places:
        severity, message, confidence = judged(severity, message, places)
    return Finding(
        check=check,
        severity=severity,
        message=message,
        confidence=confidence,
        table=None if place is None else place.table.id,
        row=None if place is None else place.row.code or place.row.label,
        column=None if place is None else place.cell.column,
        provenance=provenance,
        printed=printed,
        expected=expected,
        sentence=sentence_around(sentence, offset),
    )


SENTENCE_LIMIT = 1000  # characters of a sentence a finding quotes: a sentence a whole paragraph long
# (a line repeated thousands of times without a full stop) would be quoted whole by every finding


def sentence_around(sentence: Sentence, offset: int) -> str:
    """The sentence as printed, white space collapsed; past :data:`SENTENCE_LIMIT` characters, the
    characters around ``offset`` (the claim), … where it was cut."""
    text = sentence.paragraph.text
    start, end = sentence.start, sentence.end
    if end - start > SENTENCE_LIMIT:
        start = max(start, min(offset - SENTENCE_LIMIT // 2, end - SENTENCE_LIMIT))
        end = start + SENTENCE_LIMIT
    quoted = " ".join(text[start:end].split())
    return ("…" if start > sentence.start else "") + quoted + ("…" if end < sentence.end else "")
