"""``text.year``: the years the text gives to its part headings, to a year-end (截至…12月31日)
and to what it compares with agree with the document's year."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

from ..registrations import CheckContext
from ..schema import Document, Finding, Severity
from .claims import DateClaim, dates
from .findings import claim_finding
from .quoting import quoted, where

YEAR = "text.year"


def years(document: Document, context: CheckContext) -> Iterator[Finding]:
    """The years of part headings, year-ends and comparisons that the document's year rules out."""
    year = document.year
    if year is None:
        return
    for claim in dates(document):
        expected = _expected_years(claim, year, document.kind)
        if expected is None or claim.year in expected:
            continue
        wanted = "或".join(f"{y}年" for y in sorted(expected))
        role = {"heading": "标题", "year_end": "年末时点", "compared": "比较的年度"}[claim.role]
        message = (
            f"{where(claim.sentence.provenance(claim.offset))}{quoted(claim.sentence.tail)}的{role}写作"
            f"“{claim.printed}”，{year}年度{'预算' if document.kind == 'budget' else '决算'}应为{wanted}"
        )
        yield claim_finding(YEAR, Severity.ERROR, message, claim.sentence, claim.offset, claim.printed, wanted)


def _expected_years(claim: DateClaim, year: int, kind: Optional[str]) -> Optional[set[int]]:
    """The years a claim may give, or None if any may be right."""
    if claim.role == "heading":
        return {year}
    if claim.role == "year_end":
        # a final reports the year's end; a budget, drawn up before its year, the last one's
        return {year} if kind == "final" else {year - 1} if kind == "budget" else None
    if claim.year < year:
        return None  # a comparison with any earlier year may be meant
    # a budget compares with earlier years only; a final with its own year's budget too
    return {year} if kind == "final" and claim.measure == "预算" and claim.year == year else {year - 1}
