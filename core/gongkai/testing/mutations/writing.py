"""Errors in how the document is written rather than in what it claims: doubled punctuation,
and two tables of the 目录 in each other's place."""

from __future__ import annotations

import random
import re
from typing import Optional

import attrs

from ...schema import Document
from ..contents import listings, print_contents
from ..contents import swapped as swapped_listings
from .mutant import CLASSES, Mutant, edited, inserted


def doubled_punctuation(document: Document, rng: random.Random) -> Optional[Mutant]:
    """A sentence's full stop doubled, or printed as two commas."""
    options = [i for i, line in enumerate(document.narrative) if re.search(r"[\u4e00-\u9fff]。", line.text)]
    if not options:
        return None
    index = rng.choice(options)
    line = document.narrative[index].text
    doubled = rng.choice(("。。", "，，"))
    at = line.index("。")
    return edited(document, index, line[:at] + doubled + line[at + 1 :], "punctuation")


def swapped_toc(document: Document, rng: random.Random) -> Optional[Mutant]:
    """Two tables of the 目录 listed in each other's place; a 目录 so printed added where the
    document has none."""
    listed = [
        (index, entry)
        for index, entry in enumerate(document.contents)
        if entry.table is not None and document.table(entry.table) is not None
    ]
    if len(listed) >= 2:
        at = rng.randrange(len(listed) - 1)
        (first, one), (second, other) = listed[at], listed[at + 1]
        contents = list(document.contents)
        contents[first] = attrs.evolve(other, provenance=one.provenance, page=one.page)
        contents[second] = attrs.evolve(one, provenance=other.provenance, page=other.page)
        lines = (one.provenance.line, other.provenance.line)
        swapped = (lines[0], lines[1]) if lines[0] is not None and lines[1] is not None else None
        return Mutant(
            "toc",
            CLASSES["toc"],
            attrs.evolve(document, contents=tuple(contents)),
            -1,
            one.printed,
            other.printed,
            swapped,
        )
    if len(document.tables) < 2 or not document.narrative:
        return None
    entries = listings(document, numbered=False, page_numbers=False)
    tables = [index for index, entry in enumerate(entries) if entry.table is not None]
    at = rng.randrange(len(tables) - 1)
    printed = print_contents(swapped_listings(entries, tables[at], tables[at + 1]), leaders=False)
    return inserted(document, 0, "\n".join(line.text for line in printed), "toc")
