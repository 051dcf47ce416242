"""A mutant printed in a format: its source file edited in place where it can be, else the
document rendered again."""

from __future__ import annotations

from typing import Optional

from ...rendering import render
from .mutant import Mutant


def plant(mutant: Mutant, to: str, source: Optional[bytes] = None) -> bytes:
    """The mutant printed as format ``to``: ``source`` (the unmutated document's own text or
    markdown file) with the changed line edited in place, or else through gongkai's renderers."""
    if source is not None and to in ("text", "markdown") and mutant.document.format == to:
        patched = _patch(source.decode("utf-8"), mutant)
        if patched is not None:
            return patched.encode("utf-8")
    return render(mutant.document, to)


def _patch(source: str, mutant: Mutant) -> Optional[str]:
    """``source`` with the mutant's line changed where it was printed, or None if it cannot be found."""
    lines = source.split("\n")
    if mutant.swapped is not None:
        first, second = mutant.swapped
        if not (0 < first <= len(lines) and 0 < second <= len(lines)):
            return None
        lines[first - 1], lines[second - 1] = lines[second - 1], lines[first - 1]
        return "\n".join(lines)
    anchor = mutant.document.narrative[mutant.line].provenance.line
    if anchor is None or not 0 < anchor <= len(lines):
        return None
    if mutant.before is None:
        lines.insert(anchor, mutant.after)
        return "\n".join(lines)
    printed = lines[anchor - 1]
    if mutant.before not in printed:
        return None
    lines[anchor - 1] = printed.replace(mutant.before, mutant.after, 1)
    return "\n".join(lines)
