"""Where a paragraph's marks (sentence ends, clause ends) and figures stand, found once per
paragraph: the checks ask, for every figure, for the last mark before it and the figures around
it, and a scan from the paragraph's start each time would be quadratic in a long paragraph (a
line repeated twenty thousand times takes minutes instead of a second).

The marks are single characters (``[。！？\\n]``, ``[，；：…]``): a mark at offset ``p`` ends at
``p + 1``, and lies in ``text[start:end]`` when ``start <= p < end``."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # statements uses this module
    from .statements import Statement


@functools.lru_cache(maxsize=256)
def positions(pattern: re.Pattern[str], text: str) -> tuple[int, ...]:
    """The offsets of the marks ``pattern`` (one character each) in ``text``."""
    return tuple(found.start() for found in pattern.finditer(text))


def last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> Optional[int]:
    """The end of the last mark in ``text[start:end]``, None if there is none."""
    marks = positions(pattern, text)
    last = bisect.bisect_left(marks, end)
    return marks[last - 1] + 1 if last > bisect.bisect_left(marks, start) else None


def next_end(pattern: re.Pattern[str], text: str, offset: int) -> Optional[int]:
    """The end of the first mark at or after ``offset``, None if there is none."""
    marks = positions(pattern, text)
    first = bisect.bisect_left(marks, offset)
    return marks[first] + 1 if first < len(marks) else None


def count(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """How many marks ``text[start:end]`` holds."""
    marks = positions(pattern, text)
    return bisect.bisect_left(marks, end) - bisect.bisect_left(marks, start)


class Stated:
    """A paragraph's statements (each with the offset where its figure ends), in printed order,
    looked up by place: those starting in a span, those ending by an offset, the one at an offset."""

    def __init__(self, stated: Sequence[tuple[Statement, int]]) -> None:
        self._stated = list(stated)
        self._offsets = [statement.offset for statement, _ in stated]
        self._ends = [end for _, end in stated]
        self._at = {statement.offset: statement for statement, _ in stated}
        self._by_subject: dict[str, tuple[list[int], list[Statement]]] = {}
        for statement, _ in stated:
            offsets, named = self._by_subject.setdefault(statement.subject, ([], []))
            offsets.append(statement.offset)
            named.append(statement)

    def starting_in(self, start: int, end: int) -> list[Statement]:
        """The statements whose figure starts at or after ``start`` and before ``end``."""
        first, last = bisect.bisect_left(self._offsets, start), bisect.bisect_left(self._offsets, end)
        return [statement for statement, _ in self._stated[first:last]]

    def from_until(self, start: int, end: int) -> list[tuple[Statement, int]]:
        """The statements whose figure starts at or after ``start`` and ends by ``end``."""
        first, last = bisect.bisect_left(self._offsets, start), bisect.bisect_right(self._ends, end)
        return self._stated[first:last]

    def last_until(self, end: int, keep: Callable[[Statement], bool]) -> Optional[tuple[Statement, int]]:
        """The last statement ending by ``end`` that ``keep`` keeps, with its end."""
        index = bisect.bisect_right(self._ends, end)
        while index > 0:
            index -= 1
            if keep(self._stated[index][0]):
                return self._stated[index]
        return None

    def last_of(self, subjects: frozenset[str], before: int) -> Optional[Statement]:
        """The last statement starting before ``before`` whose words are one of ``subjects``."""
        found: Optional[Statement] = None
        for subject in subjects:
            offsets, named = self._by_subject.get(subject, ([], []))
            index = bisect.bisect_left(offsets, before)
            if index and (found is None or named[index - 1].offset > found.offset):
                found = named[index - 1]
        return found

    def at(self, offset: int) -> Optional[Statement]:
        """The statement whose figure starts at ``offset``."""
        return self._at.get(offset)
