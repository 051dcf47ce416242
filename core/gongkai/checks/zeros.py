"""``text.zero``: an item the text says was nothing (未发生…, …为零) holds no amount in its table."""

from __future__ import annotations

from collections.abc import Iterator

from ..registrations import CheckContext
from ..schema import CellStatus, Document, Finding, Severity
from .claims import Nothing, nothings
from .compare import Place, cell_name
from .findings import claim_finding
from .quoting import quoted, where
from .restatements import Measure, first_place, quantities_named

ZERO = "text.zero"
_FUND_TABLES = ("government_fund", "state_capital")  # fund.empty judges what the text says of them


def zeros(document: Document, context: CheckContext) -> Iterator[Finding]:
    """The items the text says were nothing that their table prints an amount for."""
    phrases = context.phrases
    for claim, scope in nothings(document, phrases):
        if scope is None:
            continue
        quantities = quantities_named(document, scope, claim.item, phrases)
        for refs in quantities or ():
            place = first_place(document, refs, Measure.ACTUAL if document.kind == "final" else Measure.BUDGET)
            if place is None or place.table.id in _FUND_TABLES:
                continue
            yield from _nothing_held(claim, place)


def _nothing_held(claim: Nothing, place: Place) -> Iterator[Finding]:
    cell = place.cell
    if cell.status is not CellStatus.VALUE or cell.value is None or cell.value == 0:
        return
    said = f"{where(claim.sentence.provenance(claim.offset))}{quoted(claim.sentence.tail)}说{claim.item}“{claim.words}”"
    message = f"{said}，但{cell_name(place)}印有 {cell.raw}"
    yield claim_finding(
        ZERO, Severity.ERROR, message, claim.sentence, claim.offset, claim.words, cell.raw, place, (place,)
    )
