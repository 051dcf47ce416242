"""Amounts printed without a label of their own given to the labelled group before them (a
delimited table's total whose label stands in one group and amounts in another)."""

from __future__ import annotations

from typing import Optional

import attrs

from .base import Draft, Slot


def merge_orphans(drafts: list[Draft]) -> list[Draft]:
    """Give a group's amounts to the labelled group before it when that group printed none.

    A total such as 公用经费合计 spans several groups' columns: its label stands in one group and
    its amount in the last column of the line.
    """
    merged: list[Draft] = []
    for draft in drafts:
        unlabelled = not draft.label and not draft.code_parts
        previous = merged[-1] if merged else None
        # amounts with no label of their own, or (blank or not) under a label merged over its
        # own group's amount columns
        orphan = unlabelled and (
            any(raw.strip() for _, raw, _ in draft.cells) or (previous is not None and previous.spans)
        )
        if (
            orphan
            and previous is not None
            and (previous.label or previous.code_parts)
            and not any(raw.strip() for _, raw, _ in previous.cells)
        ):
            values = [(slot, raw) for slot, raw, _ in draft.cells if raw.strip()]
            if not values and previous.cells:  # blank: the blank cells printed on the label's row
                values = [(slot, raw) for slot, raw, _ in draft.cells][-len(previous.cells) :]
            slots = [slot for slot, _, _ in previous.cells]
            if len(values) <= len(slots):
                # the amounts fill the labelled group's last columns, each cell keeping the
                # header printed over it
                padded: list[tuple[Optional[Slot], str]] = [(None, "")] * (len(slots) - len(values))
                padded += values
                previous.cells = [
                    (
                        slot
                        if printed is None
                        else attrs.evolve(slot, position=printed.position, header=printed.header),
                        raw,
                        draft.line,
                    )
                    for slot, (printed, raw) in zip(slots, padded)
                ]
                continue
        merged.append(draft)
    return merged
