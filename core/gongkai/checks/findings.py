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
        sentence=" ".join(sentence.text.split()),
    )
