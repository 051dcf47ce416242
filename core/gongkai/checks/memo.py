"""What checks read from a document, read once for all of them."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TypeVar

from ..phrases import Phrases
from ..schema import Document

T = TypeVar("T")

# the last document read, per reading: every check reads the same document's paragraphs and
# statements again, and a weak reference keeps no document alive past its checks
_LAST: dict[str, tuple[weakref.ref[Document], Phrases, object]] = {}


def once(reading: str, document: Document, phrases: Phrases, read: Callable[[], T]) -> T:
    """``read()``, or what it returned the last time ``reading`` was asked of this very document
    (the same object, still alive) with these very phrases: ``read`` must depend on nothing else."""
    last = _LAST.get(reading)
    if last is not None and last[0]() is document and last[1] is phrases:
        return last[2]  # type: ignore[return-value]
    value = read()
    _LAST[reading] = (weakref.ref(document), phrases, value)
    return value
